namespace AllianceRules.Formatting;

/// <summary>
/// Splits a file into lines of tokens for the formatter. A <c>"""</c> string that spans lines is
/// one token, and its line goes on after it. Everything but white space is kept as written.
/// </summary>
internal static class FormatScanner
{
    public static List<FormatLine> Scan(string text)
    {
        var lines = new List<FormatLine>();
        var tokens = new List<FormatToken>();
        string? comment = null;
        var i = 0;
        // A byte-order mark is an encoding detail, not text.
        if (text.Length > 0 && text[0] == '\uFEFF') i = 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                lines.Add(new FormatLine(tokens, comment));
                (tokens, comment) = ([], null);
                i++;
            }
            else if (c is ' ' or '\t' or '\r' or '\f' or '\v')
            {
                i++;
            }
            else if (c == '#')
            {
                var end = text.IndexOf('\n', i);
                if (end < 0) end = text.Length;
                comment = text[i..end].TrimEnd('\r', ' ', '\t');
                i = end;
            }
            else if (c == '"')
            {
                var end = StringEnd(text, i);
                tokens.Add(new FormatToken(TokenKind.String, text[i..end]));
                i = end;
            }
            else if (IsWordChar(c) || (c == '@' && i + 1 < text.Length && IsWordChar(text[i + 1])))
            {
                var end = i + 1;
                while (end < text.Length && IsWordChar(text[end])) end++;
                tokens.Add(new FormatToken(TokenKind.Word, text[i..end]));
                i = end;
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : null;
                var symbol = two is ".." or "!=" ? two : c.ToString();
                tokens.Add(new FormatToken(TokenKind.Symbol, symbol));
                i += symbol.Length;
            }
        }
        if (tokens.Count > 0 || comment is not null) lines.Add(new FormatLine(tokens, comment));
        return lines;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$';

    /// <summary>Where a string that starts at <paramref name="i"/> ends (after its closing quote, or at the line's end if it has none).</summary>
    private static int StringEnd(string text, int i)
    {
        if (string.CompareOrdinal(text, i, "\"\"\"", 0, 3) == 0)
        {
            var close = text.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
            return close < 0 ? text.Length : close + 3;
        }
        var j = i + 1;
        while (j < text.Length && text[j] != '"' && text[j] != '\n') j += text[j] == '\\' ? 2 : 1;
        return Math.Min(text.Length, j + 1);
    }
}
