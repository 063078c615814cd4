using System.Security.Cryptography;
using System.Text;
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
/// reader takes it (after gzip), so streaming a file digests it without a second read. The text is
/// told from its byte-order mark as the reader tells it: UTF-8 (the usual case) is counted on the
/// bytes, as a line feed is one byte there and no other character holds one; UTF-16 and UTF-32 are
/// decoded, as a byte 0x0A may be half of another character ("Ċ" is 0A 01 in UTF-16LE).
/// </summary>
internal sealed class StreamDigest
{
    /// <summary>A byte-order mark is at most 4 bytes (UTF-32): the encoding is known once that many have come, or the text ended.</summary>
    private const int MarkBytes = 4;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _head = new byte[MarkBytes];
    private int _headLength;
    private bool _known;
    private Decoder? _decoder;
    private char[]? _chars;
    private long _newlines;
    private bool _any;
    private bool _endsWithNewline;
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
        if (!_known)
        {
            var take = Math.Min(MarkBytes - _headLength, bytes.Length);
            bytes[..take].CopyTo(_head.AsSpan(_headLength));
            _headLength += take;
            bytes = bytes[take..];
            if (_headLength < MarkBytes) return;
            Start();
        }
        Count(bytes, flush: false);
    }

    /// <summary>The digest of what was read; the hash is released.</summary>
    public InputDigest Finish(string path, string kind)
    {
        if (!_finished)
        {
            if (!_known) Start();
            if (_decoder is not null) Count([], flush: true);
        }
        _finished = true;
        var sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        _hash.Dispose();
        return new(path, kind, sha256, _newlines + (_any && !_endsWithNewline ? 1 : 0));
    }

    /// <summary>Tells the encoding from the first bytes, and counts them past the mark.</summary>
    private void Start()
    {
        _known = true;
        var head = _head.AsSpan(0, _headLength);
        var (encoding, mark) = Detect(head);
        if (encoding is not null) _decoder = encoding.GetDecoder();
        Count(head[mark..], flush: false);
    }

    /// <summary>The encoding a <see cref="StreamReader"/> that detects byte-order marks (UTF-8 by default) reads the text in, null for UTF-8; and the mark's length.</summary>
    private static (Encoding? Encoding, int Mark) Detect(ReadOnlySpan<byte> head) => head switch
    {
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        [0xFF, 0xFE, 0, 0, ..] => (Encoding.UTF32, 4),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xEF, 0xBB, 0xBF, ..] => (null, 3),
        [0, 0, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: true), 4),
        _ => (null, 0),
    };

    private void Count(ReadOnlySpan<byte> bytes, bool flush)
    {
        if (_decoder is null)
        {
            if (bytes.IsEmpty) return;
            _newlines += bytes.Count((byte)'\n');
            _any = true;
            _endsWithNewline = bytes[^1] == (byte)'\n';
            return;
        }
        _chars ??= new char[1 << 12];
        bool completed;
        do
        {
            _decoder.Convert(bytes, _chars, flush, out var used, out var produced, out completed);
            bytes = bytes[used..];
            if (produced == 0) continue;
            var chars = _chars.AsSpan(0, produced);
            _newlines += chars.Count('\n');
            _any = true;
            _endsWithNewline = chars[^1] == '\n';
        }
        while (!completed);
    }

    /// <summary>Passes what is read through to <paramref name="add"/>; <see cref="Drain"/> reads the rest, for a reader that stopped before the end.</summary>
    public sealed class Tap(Stream inner, Action<ReadOnlySpan<byte>> add) : ReadOnlyStream
    {
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

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
