using System.Security.Cryptography;
using AllianceRules.History;
using AllianceRules.Reporting.Documents;

namespace AllianceRules.Cli;

/// <summary>What a report says of each file it was made from (JSON <c>inputs</c>, the Inputs table): kind, SHA-256, line count.</summary>
internal static class InputDigests
{
    /// <summary>The <c>kind</c> of a history: the name of its format as the command line and the documentation give it.</summary>
    public static string KindOf(HistoryFormat format) => format switch
    {
        HistoryFormat.Events => "events",
        HistoryFormat.JsonLines => "jsonl",
        HistoryFormat.Csv => "csv",
        HistoryFormat.Gdelt1 => "gdelt1",
        HistoryFormat.Gdelt2 => "gdelt2",
        HistoryFormat.Icews => "icews",
        _ => "dataset",
    };

    /// <summary>The digest of a file read whole: <paramref name="bytes"/> as on disk, <paramref name="text"/> as decoded (through gzip).</summary>
    public static InputDigest Of(string path, string kind, byte[] bytes, string text) =>
        new(path, kind, Convert.ToHexStringLower(SHA256.HashData(bytes)), Lines(text));

    /// <summary>Lines of a text: one per line feed, and one more for a last line without one.</summary>
    public static long Lines(string text) => text.AsSpan().Count('\n') + (text.Length > 0 && text[^1] != '\n' ? 1 : 0);
}

/// <summary>
/// Hashes a history's bytes as they are read from disk and counts the lines of its text as the
/// reader takes it (after gzip), so streaming a file digests it without a second read.
/// </summary>
internal sealed class StreamDigest
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _newlines;
    private long _bytes;
    private byte _last;
    private bool _finished;

    /// <summary>The bytes as on disk pass through here; after <see cref="Finish"/>, nothing is added (a reader may ask again at the end).</summary>
    public void AddRaw(ReadOnlySpan<byte> bytes)
    {
        if (!_finished && !bytes.IsEmpty) _hash.AppendData(bytes);
    }

    /// <summary>The bytes of the text (decompressed) pass through here.</summary>
    public void AddText(ReadOnlySpan<byte> bytes)
    {
        if (_finished || bytes.IsEmpty) return;
        _newlines += bytes.Count((byte)'\n');
        _bytes += bytes.Length;
        _last = bytes[^1];
    }

    /// <summary>The digest of what was read; the hash is released.</summary>
    public InputDigest Finish(string path, string kind)
    {
        _finished = true;
        var sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        _hash.Dispose();
        return new(path, kind, sha256, _newlines + (_bytes > 0 && _last != (byte)'\n' ? 1 : 0));
    }

    /// <summary>Passes what is read through to <paramref name="add"/>; <see cref="Drain"/> reads the rest, for a reader that stopped before the end.</summary>
    public sealed class Tap(Stream inner, Action<ReadOnlySpan<byte>> add) : Stream
    {
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
            var n = inner.Read(buffer);
            add(buffer[..n]);
            return n;
        }

        /// <summary>Reads to the end: gzip may stop before the last bytes of its file, which the digest still covers.</summary>
        public void Drain()
        {
            var buffer = new byte[1 << 16];
            while (Read(buffer) > 0)
            {
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
