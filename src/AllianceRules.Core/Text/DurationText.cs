using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace AllianceRules.Text;

/// <summary>
/// Reads a duration typed on the command line: as in rule files (<c>30 days</c>, <c>2 weeks</c>,
/// <c>1 month</c>; the space may be left out) or in ISO 8601 (<c>P30D</c>). Whole days, weeks,
/// months or years, longer than zero.
/// </summary>
public static class DurationText
{
    /// <summary>What a value may look like, for messages.</summary>
    public const string Forms = "a duration such as '30 days', '2 weeks' or 'P30D'";

    public static Period? TryParse(string text)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith('P') ? Iso(trimmed) : Words(trimmed);
    }

    private static Period? Iso(string text)
    {
        var result = PeriodPattern.Roundtrip.Parse(text);
        if (!result.Success) result = PeriodPattern.NormalizingIso.Parse(text);
        if (!result.Success) return null;
        var p = result.Value;
        if (p.HasTimeComponent || p.Years < 0 || p.Months < 0 || p.Weeks < 0 || p.Days < 0) return null;
        return p.Years > 0 || p.Months > 0 || p.Weeks > 0 || p.Days > 0 ? p : null;
    }

    private static Period? Words(string text)
    {
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits])) digits++;
        var unit = PeriodWords.Of(text[digits..].TrimStart());
        if (digits == 0 || unit is null) return null;
        if (!int.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount == 0) return null;
        return PeriodWords.Period(amount, unit.Value);
    }
}
