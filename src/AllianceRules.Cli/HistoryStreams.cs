using System.IO.Compression;
using AllianceRules.History;
using AllianceRules.Diagnostics;
using AllianceRules.Reporting.Documents;

namespace AllianceRules.Cli;

/// <summary>
/// Opens histories for the engine to read as streams (through gzip for <c>.gz</c>), and turns a file
/// that fails while being read (removed, unreadable, corrupt gzip) into a diagnostic, never an exception.
/// Each history is digested (SHA-256 of its bytes on disk, lines of its text) on its first read to the end.
/// </summary>
/// <param name="decompressedLimit">The most bytes a <c>.gz</c> history may decompress to before it fails as too large; unbounded by default, as the engine streams.</param>
internal sealed class HistoryStreams(long decompressedLimit = long.MaxValue)
{
    private readonly List<Diagnostic> _failures = [];

    /// <summary>Files that could not be read to their end; a report made without all of them must not be written.</summary>
    public IReadOnlyList<Diagnostic> Failures => _failures;

    private readonly Dictionary<string, InputDigest> _digests = new(StringComparer.Ordinal);

    /// <summary>A history to stream; a plain file can also be opened again to read back the evidence rows a report prints (not a <c>.gz</c>, which cannot seek).</summary>
    public HistorySource Source(InputFile file, HistoryFormat format) => new(file.DisplayPath, format, () => Open(file, format))
    {
        OpenSeekable = file.FullPath.EndsWith(".gz", StringComparison.Ordinal) ? null
            : () => new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.RandomAccess),
        CanReopen = () =>
        {
            lock (_seekable) return _seekable.GetValueOrDefault(file.DisplayPath);
        },
    };

    /// <summary>Whether each history, as last opened, could seek: a plain file can, a pipe cannot.</summary>
    private readonly Dictionary<string, bool> _seekable = new(StringComparer.Ordinal);

    /// <summary>
    /// The digest of a history, taken as the engine read it; a history the engine did not read to its
    /// end is read here. A failure to read it is added to <see cref="Failures"/>.
    /// </summary>
    public InputDigest DigestOf(InputFile file, HistoryFormat format)
    {
        lock (_digests)
        {
            if (_digests.TryGetValue(file.DisplayPath, out var known)) return known;
        }
        using (var stream = Open(file, format)) CopyToNowhere(stream);
        lock (_digests)
        {
            return _digests.TryGetValue(file.DisplayPath, out var read) ? read : new InputDigest(file.DisplayPath, InputDigests.KindOf(format), string.Empty, 0);
        }
    }

    private static void CopyToNowhere(Stream stream)
    {
        var buffer = new byte[1 << 16];
        while (stream.Read(buffer) > 0)
        {
        }
    }

    private Stream Open(InputFile file, HistoryFormat format)
    {
        try
        {
            Stream stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            lock (_seekable) _seekable[file.DisplayPath] = stream.CanSeek;
            bool known;
            lock (_digests) known = _digests.ContainsKey(file.DisplayPath);
            if (known)
            {
                if (file.FullPath.EndsWith(".gz", StringComparison.Ordinal)) stream = new CheckedGzipStream(stream, () => File.OpenRead(file.FullPath), decompressedLimit);
                return new GuardedStream(stream, file.DisplayPath, _failures, null);
            }
            // A history may be opened again: the first read to the end is the one digested.
            var digest = new StreamDigest();
            StreamDigest.Tap raw;
            if (file.FullPath.EndsWith(".gz", StringComparison.Ordinal))
            {
                stream = raw = new StreamDigest.Tap(stream, digest.AddRaw);
                stream = new StreamDigest.Tap(new CheckedGzipStream(stream, () => File.OpenRead(file.FullPath), decompressedLimit), digest.AddText);
            }
            else
            {
                stream = raw = new StreamDigest.Tap(stream, bytes =>
                {
                    digest.AddRaw(bytes);
                    digest.AddText(bytes);
                });
            }
            return new GuardedStream(stream, file.DisplayPath, _failures, () =>
            {
                raw.Drain();
                var finished = digest.Finish(file.DisplayPath, InputDigests.KindOf(format));
                lock (_digests) _digests.TryAdd(file.DisplayPath, finished);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Histories may be read on threads of their own (--threads); the list is read once they are joined.
            lock (_failures) _failures.Add(DiagnosticCatalog.CannotRead(file.DisplayPath, ReadFailure.Why(e)));
            return Stream.Null;
        }
    }

    /// <summary>Reads until the first failure, records it, and then reads as if the file had ended; <paramref name="ended"/> runs once at a clean end.</summary>
    private sealed class GuardedStream(Stream inner, string path, List<Diagnostic> failures, Action? ended) : ReadOnlyStream
    {
        private bool _failed;
        private Action? _ended = ended;

        public override int Read(Span<byte> buffer)
        {
            if (_failed) return 0;
            try
            {
                var n = inner.Read(buffer);
                if (n == 0 && buffer.Length > 0 && _ended is { } end)
                {
                    _ended = null;
                    end();
                }
                return n;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                _failed = true;
                lock (failures) failures.Add(DiagnosticCatalog.CannotRead(path, ReadFailure.Why(e)));
                return 0;
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
