using System.IO.Compression;
using AllianceRules.History;
using AllianceRules.Diagnostics;

namespace AllianceRules.Cli;

/// <summary>
/// Opens histories for the engine to read as streams (through gzip for <c>.gz</c>), and turns a file
/// that fails while being read (removed, unreadable, corrupt gzip) into a diagnostic, never an exception.
/// </summary>
/// <param name="decompressedLimit">The most bytes a <c>.gz</c> history may decompress to before it fails as too large; unbounded by default, as the engine streams.</param>
internal sealed class HistoryStreams(long decompressedLimit = long.MaxValue)
{
    private readonly List<Diagnostic> _failures = [];

    /// <summary>Files that could not be read to their end; a report made without all of them must not be written.</summary>
    public IReadOnlyList<Diagnostic> Failures => _failures;

    public HistorySource Source(InputFile file, HistoryFormat format) => new(file.DisplayPath, format, () => Open(file));

    private Stream Open(InputFile file)
    {
        try
        {
            Stream stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            if (file.FullPath.EndsWith(".gz", StringComparison.Ordinal)) stream = new CheckedGzipStream(stream, () => File.OpenRead(file.FullPath), decompressedLimit);
            return new GuardedStream(stream, file.DisplayPath, _failures);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _failures.Add(DiagnosticCatalog.CannotRead(file.DisplayPath, ReadFailure.Why(e)));
            return Stream.Null;
        }
    }

    /// <summary>Reads until the first failure, records it, and then reads as if the file had ended.</summary>
    private sealed class GuardedStream(Stream inner, string path, List<Diagnostic> failures) : Stream
    {
        private bool _failed;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_failed) return 0;
            try
            {
                return inner.Read(buffer);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                _failed = true;
                failures.Add(DiagnosticCatalog.CannotRead(path, ReadFailure.Why(e)));
                return 0;
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
