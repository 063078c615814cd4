using NodaTime;
using NodaTime.Text;

namespace AllianceRules.Cli;

/// <summary>Reads the ISO 8601 period of <c>--assume</c>: whole days, weeks, months or years, longer than zero.</summary>
public static class PeriodParser
{
    public static Period? TryParse(string text)
    {
        var result = PeriodPattern.Roundtrip.Parse(text);
        if (!result.Success) result = PeriodPattern.NormalizingIso.Parse(text);
        if (!result.Success) return null;
        var p = result.Value;
        if (p.HasTimeComponent) return null;
        if (p.Years < 0 || p.Months < 0 || p.Weeks < 0 || p.Days < 0) return null;
        return p.Years > 0 || p.Months > 0 || p.Weeks > 0 || p.Days > 0 ? p : null;
    }
}
