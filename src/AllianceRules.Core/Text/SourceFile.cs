namespace AllianceRules.Text;

/// <summary>
/// One input text and the path it is shown under. Keeps a table of line starts so that an
/// offset becomes a line and column only when a diagnostic is printed.
/// </summary>
public sealed class SourceFile
{
    private int[]? _lineStarts;

    public SourceFile(string path, string text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>
    /// A piece of a larger file that is read in pieces (a streamed history): <paramref name="text"/>
    /// starts at line <paramref name="firstLine"/> and character <paramref name="firstOffset"/> of
    /// the whole, so positions and ordering read as in the whole file.
    /// </summary>
    public SourceFile(string path, string text, int firstLine, long firstOffset)
        : this(path, text)
    {
        FirstLine = firstLine;
        FirstOffset = firstOffset;
    }

    /// <summary>The line of the whole file this text starts on (1 unless this is a piece).</summary>
    public int FirstLine { get; } = 1;

    /// <summary>The offset in the whole file where this text starts (0 unless this is a piece).</summary>
    public long FirstOffset { get; }

    /// <summary>The path as the user gave it (with <c>/</c> separators).</summary>
    public string Path { get; }

    public string Text { get; }

    private int[] LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(LineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return new LinePosition(line + FirstLine, offset - LineStarts[line] + 1);
    }

    /// <summary>The text of a 1-based line, without its line break.</summary>
    public string GetLineText(int line)
    {
        line -= FirstLine - 1;
        var starts = LineStarts;
        if (line < 1 || line > starts.Length) return string.Empty;
        var start = starts[line - 1];
        var end = line < starts.Length ? starts[line] : Text.Length;
        return Text[start..end].TrimEnd('\r', '\n');
    }

    public SourceRef At(TextSpan span) => new(this, span);

    /// <summary>The offset where a 1-based line starts (the end of the text past the last line).</summary>
    public int LineStart(int line) => (line -= FirstLine - 1) >= 1 && line <= LineStarts.Length ? LineStarts[line - 1] : Text.Length;

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') starts.Add(i + 1);
        }
        return [.. starts];
    }
}
