using NodaTime;

namespace AllianceRules.History;

/// <summary>Where one attribute of a fast-read line lies: name and value, the value unescaped when it was quoted.</summary>
internal readonly record struct FastAttribute(int NameStart, int NameEnd, int ValueStart, int ValueEnd, string? Unescaped);

/// <summary>The parts of a well-formed <c>.events</c> line, as offsets into the text it was read from.</summary>
internal struct FastEventParts
{
    public LocalDate Date;
    public int ActorStart, ActorEnd, VerbStart, VerbEnd, TargetStart, TargetEnd;

    /// <summary>The description's content, unescaped; null when the line has none.</summary>
    public string? Description;

    /// <summary>Where the line's content ends: before a comment and trailing white space.</summary>
    public int ContentEnd;
}

/// <summary>
/// Reads the usual shape of an event line (<c>DATE CODE name CODE [name=value ...] ["text"] [# comment]</c>)
/// by hand, because the grammar costs about ten microseconds a line and a dataset has millions.
/// It accepts only lines the grammar accepts with the same meaning; anything else (a directive, an
/// unusual spacing, an error) returns false, and the caller asks the grammar, which either reads
/// the line or says precisely what is wrong with it.
/// </summary>
internal static class FastEventLine
{
    public static bool TryRead(string text, int start, int end, List<FastAttribute> attributes, out FastEventParts parts)
    {
        parts = default;
        attributes.Clear();
        var i = SkipBlanks(text, start, end);
        if (!TryDate(text, i, end, out parts.Date)) return false;
        i += 10;
        if (!Blank(text, i, end)) return false;
        i = SkipBlanks(text, i, end);
        if (!TryWord(text, ref i, end, isCode: true, out parts.ActorStart, out parts.ActorEnd)) return false;
        if (!TryWord(text, ref i, end, isCode: false, out parts.VerbStart, out parts.VerbEnd)) return false;
        if (!TryWord(text, ref i, end, isCode: true, out parts.TargetStart, out parts.TargetEnd)) return false;
        parts.ContentEnd = parts.TargetEnd;
        while (i < end && text[i] != '#')
        {
            var c = text[i];
            if (c == '"')
            {
                if (!TryString(text, ref i, end, out parts.Description)) return false;
                parts.ContentEnd = i;
                if (i < end && !char.IsWhiteSpace(text[i])) return false;
                i = SkipBlanks(text, i, end);
                // The description goes last: anything but a comment after it is the grammar's to report.
                return i >= end || text[i] == '#';
            }
            if (!char.IsAsciiLetterLower(c)) return false;
            var nameStart = i;
            while (i < end && IsNamePart(text[i])) i++;
            var nameEnd = i;
            if (i >= end || text[i] != '=') return false;
            i++;
            if (i >= end) return false;
            int valueStart = i, valueEnd;
            string? unescaped = null;
            if (text[i] == '"')
            {
                if (!TryString(text, ref i, end, out unescaped)) return false;
                valueEnd = i;
            }
            else if (char.IsAsciiDigit(text[i]))
            {
                while (i < end && char.IsAsciiDigit(text[i])) i++;
                valueEnd = i;
            }
            else if (char.IsAsciiLetter(text[i]))
            {
                var upper = char.IsAsciiLetterUpper(text[i]);
                while (i < end && (upper ? IsCodePart(text[i]) : IsNamePart(text[i]))) i++;
                valueEnd = i;
            }
            else
            {
                return false;
            }
            if (i < end && !char.IsWhiteSpace(text[i])) return false;
            attributes.Add(new FastAttribute(nameStart, nameEnd, valueStart, valueEnd, unescaped));
            parts.ContentEnd = i;
            i = SkipBlanks(text, i, end);
        }
        return true;
    }

    private static bool TryDate(string text, int i, int end, out LocalDate date)
    {
        date = default;
        if (end - i < 10 || text[i + 4] != '-' || text[i + 7] != '-') return false;
        if (!Digits(text, i, 4, out var year) || !Digits(text, i + 5, 2, out var month) || !Digits(text, i + 8, 2, out var day)) return false;
        // Impossible days and far years go to the grammar, which names the problem.
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month)) return false;
        date = new LocalDate(year, month, day);
        return true;
    }

    private static bool Digits(string text, int i, int count, out int value)
    {
        value = 0;
        for (var k = 0; k < count; k++)
        {
            var c = text[i + k];
            if (!char.IsAsciiDigit(c)) return false;
            value = (value * 10) + (c - '0');
        }
        return true;
    }

    /// <summary>A code (<c>[A-Z][A-Z0-9_]*</c>) or a name (<c>[a-z][a-z0-9_-]*</c>) followed by white space.</summary>
    private static bool TryWord(string text, ref int i, int end, bool isCode, out int wordStart, out int wordEnd)
    {
        wordStart = i;
        wordEnd = i;
        if (i >= end || !(isCode ? char.IsAsciiLetterUpper(text[i]) : char.IsAsciiLetterLower(text[i]))) return false;
        while (i < end && (isCode ? IsCodePart(text[i]) : IsNamePart(text[i]))) i++;
        wordEnd = i;
        // A word runs on through any word character, so one that stops at '$' or a lower-case letter is not a code.
        if (i < end && !char.IsWhiteSpace(text[i])) return false;
        i = SkipBlanks(text, i, end);
        return true;
    }

    /// <summary>A one-line string with <c>\"</c> and <c>\\</c>; a triple-quoted one is left to the grammar.</summary>
    private static bool TryString(string text, ref int i, int end, out string? value)
    {
        value = null;
        var open = i;
        if (open + 1 < end && text[open + 1] == '"') return false;
        var close = text.AsSpan(open + 1, end - open - 1).IndexOfAny('"', '\\');
        if (close < 0) return false;
        if (text[open + 1 + close] == '"')
        {
            value = text.Substring(open + 1, close);
            i = open + close + 2;
            return true;
        }
        var sb = new System.Text.StringBuilder();
        var k = open + 1;
        while (k < end)
        {
            var c = text[k];
            if (c == '"')
            {
                value = sb.ToString();
                i = k + 1;
                return true;
            }
            if (c == '\\')
            {
                if (k + 1 >= end || text[k + 1] is not ('"' or '\\')) return false;
                sb.Append(text[k + 1]);
                k += 2;
                continue;
            }
            sb.Append(c);
            k++;
        }
        return false;
    }

    private static bool IsCodePart(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_';

    private static bool IsNamePart(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_' || c == '-';

    private static bool Blank(string text, int i, int end) => i < end && char.IsWhiteSpace(text[i]);

    private static int SkipBlanks(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i])) i++;
        return i;
    }
}
