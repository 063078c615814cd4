using NodaTime;

namespace AllianceRules.History.Datasets;

/// <summary>Field-level parsing shared by the dataset readers: spans in, few strings out.</summary>
internal static class DatasetFields
{
    // CAMEO codes are 2 to 4 digits and few: each is allocated once, at its first use, at an index
    // that keeps leading zeros apart ("04" and "004" differ). A race only allocates twice.
    private static readonly string?[] CameoCodes = new string?[100 + 1_000 + 10_000];

    /// <summary>The line without a byte-order mark and without its line break.</summary>
    public static ReadOnlySpan<char> Line(ReadOnlySpan<char> line)
    {
        if (line.Length > 0 && line[0] == '\uFEFF') line = line[1..];
        return line.TrimEnd("\r\n");
    }

    /// <summary>A field's text for a skip's detail; null when the field is empty.</summary>
    public static string? Detail(ReadOnlySpan<char> text) => text.IsEmpty ? null : text.ToString();

    public static bool IsDigits(ReadOnlySpan<char> text, int length) =>
        text.Length == length && !text.ContainsAnyExceptInRange('0', '9');

    /// <summary>YYYYMMDD, as GDELT's SQLDATE.</summary>
    public static bool TryCompactDate(ReadOnlySpan<char> text, out LocalDate date)
    {
        date = default;
        return IsDigits(text, 8) && TryDate(Number(text[..4]), Number(text[4..6]), Number(text[6..]), out date);
    }

    /// <summary>YYYY-MM-DD, or the M/D/YYYY of the ICEWS 2017 file (month and day of 1 or 2 digits).</summary>
    public static bool TryIcewsDate(ReadOnlySpan<char> text, out LocalDate date)
    {
        date = default;
        if (text.Length == 10 && text[4] == '-' && text[7] == '-')
        {
            return IsDigits(text[..4], 4) && IsDigits(text[5..7], 2) && IsDigits(text[8..], 2)
                && TryDate(Number(text[..4]), Number(text[5..7]), Number(text[8..]), out date);
        }
        var first = text.IndexOf('/');
        var second = first < 0 ? -1 : text[(first + 1)..].IndexOf('/') + first + 1;
        if (first is < 1 or > 2 || second - first is < 2 or > 3) return false;
        var month = text[..first];
        var day = text[(first + 1)..second];
        var year = text[(second + 1)..];
        return IsDigits(month, month.Length) && IsDigits(day, day.Length) && IsDigits(year, 4)
            && TryDate(Number(year), Number(month), Number(day), out date);
    }

    private static bool TryDate(int year, int month, int day, out LocalDate date)
    {
        var valid = year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month);
        date = valid ? new LocalDate(year, month, day) : default;
        return valid;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits) n = n * 10 + (c - '0');
        return n;
    }

    /// <summary>A CAMEO event code of 2 to 4 digits, as its one shared string; null when it is not one.</summary>
    public static string? Cameo(ReadOnlySpan<char> text)
    {
        if (text.Length is < 2 or > 4 || !IsDigits(text, text.Length)) return null;
        var index = Number(text) + text.Length switch { 2 => 0, 3 => 100, _ => 1_100 };
        return CameoCodes[index] ??= new string(text);
    }

    /// <summary>A field with one pair of surrounding double quotes removed, as ICEWS sometimes writes them.</summary>
    public static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        return text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Trim() : text;
    }

    /// <summary>
    /// A kept value as a string that a history line can carry: trimmed, a double quote made a single
    /// one, a line break made a space.
    /// </summary>
    public static string Value(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (!text.ContainsAny("\"\r\n")) return new string(text);
        return string.Create(text.Length, text, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                chars[i] = source[i] switch { '"' => '\'', '\r' or '\n' => ' ', var c => c };
            }
        });
    }
}
