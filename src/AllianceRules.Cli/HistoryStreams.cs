using System.IO.Compression;
using System.Text;
using AllianceRules.History;
using AllianceRules.Diagnostics;

namespace AllianceRules.Cli;

/// <summary>
/// Opens histories for the engine to read as streams (through gzip for <c>.gz</c>), and turns a file
/// that fails while being read (removed, unreadable, corrupt gzip) into a diagnostic, never an exception.
/// </summary>
public sealed class HistoryStreams
{
    private readonly List<Diagnostic> _failures = [];

    /// <summary>Files that could not be read to their end; a report made without all of them must not be written.</summary>
    public IReadOnlyList<Diagnostic> Failures => _failures;

    public HistorySource Source(InputFile file, HistoryFormat format) => new(file.DisplayPath, format, () => Open(file));

    private TextReader Open(InputFile file)
    {
        try
        {
            Stream stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            if (file.FullPath.EndsWith(".gz", StringComparison.Ordinal)) stream = new CheckedGzipStream(stream, () => File.OpenRead(file.FullPath));
            return new GuardedReader(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16), file.DisplayPath, _failures);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _failures.Add(DiagnosticCatalog.CannotRead(file.DisplayPath, ReadFailure.Why(e)));
            return new StringReader(string.Empty);
        }
    }

    /// <summary>Reads until the first failure, records it, and then reads as if the file had ended.</summary>
    private sealed class GuardedReader(TextReader inner, string path, List<Diagnostic> failures) : TextReader
    {
        private bool _failed;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_failed) return 0;
            try
            {
                return inner.Read(buffer, index, count);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                _failed = true;
                failures.Add(DiagnosticCatalog.CannotRead(path, ReadFailure.Why(e)));
                return 0;
            }
        }

        public override int Read() => throw new NotSupportedException("histories are read a piece at a time");

        public override int Peek() => throw new NotSupportedException("histories are read a piece at a time");

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
