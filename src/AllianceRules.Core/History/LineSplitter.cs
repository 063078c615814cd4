namespace AllianceRules.History;

/// <summary>
/// The lines of a piece of history, each as a range <c>[Start, End)</c> of its text without the line
/// break (<c>\n</c>, or <c>\r\n</c>) and its 1-based number in the whole file: the one way every
/// line-based format (<c>.events</c>, JSON Lines, dataset rows) cuts its text.
/// </summary>
internal struct LineSplitter(string text, int firstLine)
{
    private int _next;

    public int Start { get; private set; }

    public int End { get; private set; }

    public int Number { get; private set; } = firstLine - 1;

    /// <summary>Moves to the next line; false after the last (a final line break opens no empty line).</summary>
    public bool MoveNext()
    {
        if (_next >= text.Length) return false;
        Start = _next;
        Number++;
        var newline = text.IndexOf('\n', Start);
        var end = newline < 0 ? text.Length : newline;
        End = end > Start && text[end - 1] == '\r' ? end - 1 : end;
        _next = newline < 0 ? text.Length : newline + 1;
        return true;
    }
}
