using AllianceRules.Diagnostics;
using AllianceRules.Text;

namespace AllianceRules.History;

/// <summary>
/// Cuts a text into pieces of whole lines (of whole rows, for CSV, whose quoted fields may hold
/// line breaks), each knowing the line and offset it starts at, so diagnostics read as in the whole file.
/// </summary>
internal static class HistoryPieces
{
    /// <summary>Pieces of about this many characters, each ending at a line break; small enough (64 KB) to stay off the large object heap, which only a full collection frees.</summary>
    public const int PieceSize = 1 << 15;

    /// <summary>The longest line (or CSV row) a history may hold: 16 Mi characters (docs/robustness.md, limits).</summary>
    public const int MaxLineLength = 1 << 24;

    public static IEnumerable<SourceFile> Cut(string path, TextReader reader, bool csvQuotes, Action<Diagnostic> report, int pieceSize = PieceSize, int maxLine = MaxLineLength)
    {
        var buffer = new char[pieceSize];
        var filled = 0;
        var line = 1;
        var offset = 0L;
        while (true)
        {
            var read = reader.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            if (read == 0)
            {
                if (filled > 0) yield return new SourceFile(path, new string(buffer, 0, filled), line, offset);
                yield break;
            }
            if (filled < buffer.Length) continue;
            var cut = CutAt(buffer, filled, csvQuotes);
            if (cut == 0)
            {
                if (buffer.Length >= maxLine)
                {
                    // A line this long is no event (an unclosed quote, or not a history at all): stop
                    // here rather than hold the rest of the file in memory.
                    var shown = new SourceFile(path, new string(buffer, 0, Math.Min(filled, 200)), line, offset);
                    report(DiagnosticCatalog.LineTooLong(shown.At(new TextSpan(0, 1)), maxLine, csvQuotes));
                    yield break;
                }
                // One line longer than a piece: make room for it.
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxLine));
                continue;
            }
            var text = new string(buffer, 0, cut);
            yield return new SourceFile(path, text, line, offset);
            line += text.AsSpan().Count('\n');
            offset += cut;
            Array.Copy(buffer, cut, buffer, 0, filled - cut);
            filled -= cut;
        }
    }

    /// <summary>Where to end a piece: after its last line break (outside quoted fields, for CSV); 0 when there is none.</summary>
    private static int CutAt(char[] buffer, int filled, bool csvQuotes)
    {
        if (!csvQuotes) return buffer.AsSpan(0, filled).LastIndexOf('\n') + 1;
        // Follows the CSV reader: a quote opens a field only at its start, "" inside is a quote,
        // and after the closing quote anything but a comma runs to the end of the line.
        var (cut, fieldStart, quoted, stray) = (0, true, false, false);
        for (var i = 0; i < filled; i++)
        {
            var c = buffer[i];
            if (quoted)
            {
                if (c != '"') continue;
                if (i + 1 >= filled) break;
                if (buffer[i + 1] == '"')
                {
                    i++;
                    continue;
                }
                quoted = false;
                stray = buffer[i + 1] != ',';
                continue;
            }
            if (c == '\n')
            {
                (cut, fieldStart, stray) = (i + 1, true, false);
            }
            else if (stray)
            {
                continue;
            }
            else if (c == '"' && fieldStart)
            {
                (quoted, fieldStart) = (true, false);
            }
            else
            {
                fieldStart = c == ',';
            }
        }
        return cut;
    }
}
