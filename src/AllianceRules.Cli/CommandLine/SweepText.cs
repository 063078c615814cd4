using System.Collections.Immutable;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Text;
using NodaTime.Text;

namespace AllianceRules.Cli.CommandLine;

/// <summary>
/// Reads each <c>--sweep NAME=V1,V2,...</c>: at least two different values, durations for an
/// assumption or options for a reading. Which one NAME is, and whether its values fit, only the
/// rule set can tell (<see cref="Validation.OptionNames"/>); here a value that reads as a duration is
/// written in ISO 8601 (<c>30 days</c> becomes <c>P30D</c>), so that equal durations compare equal.
/// </summary>
internal static class SweepText
{
    public static ImmutableArray<SweepAxis> Parse(IReadOnlyList<string> texts, List<Diagnostic> problems)
    {
        var sweeps = ImmutableArray.CreateBuilder<SweepAxis>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (One(text, problems) is not { } sweep) continue;
            if (!names.Add(sweep.Name)) problems.Add(DiagnosticCatalog.SweptTwice(text, sweep.Name));
            else sweeps.Add(sweep);
        }
        return sweeps.ToImmutable();
    }

    private static SweepAxis? One(string text, List<Diagnostic> problems)
    {
        var parts = text.Split('=', 2);
        if (parts.Length != 2 || parts[0].Length == 0)
        {
            problems.Add(DiagnosticCatalog.BadSweep(text, "it needs a name, '=' and values"));
            return null;
        }
        var values = parts[1].Split(',').Select(v => DurationText.TryParse(v) is { } period ? PeriodPattern.Roundtrip.Format(period) : v.Trim()).ToList();
        if (values.FirstOrDefault(v => v.Length == 0) is not null)
        {
            problems.Add(DiagnosticCatalog.BadSweep(text, "one of its values is empty"));
            return null;
        }
        if (values.Distinct(StringComparer.Ordinal).Count() < 2)
        {
            problems.Add(DiagnosticCatalog.BadSweep(text, "give at least two different values to compare"));
            return null;
        }
        // A value given twice (10days and P10D are one) would evaluate, and show, one combination twice.
        if (values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            problems.Add(DiagnosticCatalog.BadSweep(text, $"'{twice.Key}' is given more than once"));
            return null;
        }
        return new SweepAxis(parts[0], [.. values]);
    }
}
