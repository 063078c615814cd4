using System.Text;
using AllianceRules.Diagnostics;
using AllianceRules.Text;

namespace AllianceRules.History;

/// <summary>
/// Cuts a history's bytes into pieces of whole lines, each knowing the line and byte offset it starts
/// at, without decoding them: dataset rows are read as bytes. One buffer serves every piece, so a piece
/// is valid until the next is asked for. Before the first piece, the first line can be looked at (to
/// tell the format), and the bytes not yet cut can be handed on whole to a reader of text.
/// </summary>
internal sealed class BytePieces(Stream stream, string path, Action<Diagnostic> report, int pieceSize = BytePieces.PieceSize, int maxLine = HistoryPieces.MaxLineLength)
{
    /// <summary>Pieces of about this many bytes (64 KB): the buffer is reused, so its size only sets how often the stream is read.</summary>
    public const int PieceSize = 1 << 16;

    private byte[] _buffer = new byte[pieceSize];
    private int _start;
    private int _filled;
    private bool _ended;
    private bool _started;
    private long _offset;
    private int _line = 1;

    /// <summary>
    /// The first line's text (without a UTF-8 byte order mark, which is skipped), to tell the format by;
    /// null when there is none (an empty file) or the bytes begin with a UTF-16 or UTF-32 byte order
    /// mark, so are not UTF-8 at all: then the file is for a reader of text (<see cref="Rest"/>).
    /// </summary>
    public string? FirstLine()
    {
        Start();
        var bytes = _buffer.AsSpan(_start, _filled - _start);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            (_start, _offset) = (_start + 3, 3);
            bytes = bytes[3..];
        }
        // An empty file has no first line: as text, it has no piece to tell its format by.
        if (bytes.IsEmpty) return null;
        // The whole first line, however long: a row cut at the buffer's end has too few fields to tell its layout.
        int newline;
        while ((newline = _buffer.AsSpan(_start, _filled - _start).IndexOf((byte)'\n')) < 0 && !_ended)
        {
            if (_start == 0 && _filled == _buffer.Length && !Grow()) break;
            Fill();
        }
        bytes = _buffer.AsSpan(_start, _filled - _start);
        return Encoding.UTF8.GetString(newline < 0 ? bytes : bytes[..newline]).TrimEnd('\r');
    }

    /// <summary>Every byte from the first (a byte order mark included), then the rest of the stream: for a reader of text, before any piece is cut.</summary>
    public Stream Rest()
    {
        Start();
        return new Prefixed(_buffer, _filled, stream);
    }

    /// <summary>The next piece of whole lines (the last may end without a line break), with its first line and byte offset; false after the end.</summary>
    public bool Next(out ReadOnlyMemory<byte> piece, out int firstLine, out long offset)
    {
        Start();
        while (true)
        {
            var region = _buffer.AsSpan(_start, _filled - _start);
            var cut = _ended ? region.Length : region.LastIndexOf((byte)'\n') + 1;
            if (cut > 0)
            {
                piece = _buffer.AsMemory(_start, cut);
                (firstLine, offset) = (_line, _offset);
                _line += piece.Span.Count((byte)'\n');
                _offset += cut;
                _start += cut;
                return true;
            }
            if (_ended)
            {
                (piece, firstLine, offset) = (default, _line, _offset);
                return false;
            }
            if (_start == 0 && _filled == _buffer.Length && !Grow())
            {
                (piece, firstLine, offset) = (default, _line, _offset);
                return false;
            }
            Fill();
        }
    }

    private void Start()
    {
        if (_started) return;
        _started = true;
        Fill();
    }

    /// <summary>Moves what is left to the buffer's start and reads until it is full or the stream ends.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _filled - _start).CopyTo(_buffer);
            (_filled, _start) = (_filled - _start, 0);
        }
        while (_filled < _buffer.Length)
        {
            var read = stream.Read(_buffer, _filled, _buffer.Length - _filled);
            if (read == 0)
            {
                _ended = true;
                return;
            }
            _filled += read;
        }
    }

    /// <summary>One line fills the buffer: make room for it, or, past the longest line a history may hold (in characters, as when read as text), stop with a diagnostic.</summary>
    private bool Grow()
    {
        if (_buffer.Length >= maxLine && Encoding.UTF8.GetCharCount(_buffer) >= maxLine)
        {
            var shown = Encoding.UTF8.GetString(_buffer, 0, Math.Min(_filled, 800));
            var file = new SourceFile(path, shown[..Math.Min(shown.Length, 200)], _line, _offset);
            report(DiagnosticCatalog.LineTooLong(file.At(new TextSpan(0, 1)), maxLine, csv: false));
            (_ended, _start, _filled) = (true, 0, 0);
            return false;
        }
        Array.Resize(ref _buffer, (int)Math.Min(_buffer.Length * 2L, 4L * maxLine));
        return true;
    }

    /// <summary>Some bytes already read, then the rest of a stream.</summary>
    private sealed class Prefixed(byte[] head, int length, Stream rest) : ReadOnlyStream
    {
        private int _at;

        public override int Read(Span<byte> buffer)
        {
            if (_at >= length) return rest.Read(buffer);
            var n = Math.Min(buffer.Length, length - _at);
            head.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }
    }
}
