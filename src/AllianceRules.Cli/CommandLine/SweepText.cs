using System.Collections.Immutable;
using AllianceRules.Diagnostics;
using NodaTime;

namespace AllianceRules.Cli.CommandLine;

/// <summary>
/// Reads each <c>--sweep NAME=D1,D2,...</c>: at least two different durations, for an assumption
/// neither fixed with <c>--assume</c> nor swept twice. Several sweeps are evaluated as their cross product.
/// </summary>
internal static class SweepText
{
    public static ImmutableArray<(string Name, ImmutableArray<Period> Values)> Parse(IReadOnlyList<string> texts, IReadOnlyDictionary<string, Period> overrides, List<Diagnostic> problems)
    {
        var sweeps = ImmutableArray.CreateBuilder<(string, ImmutableArray<Period>)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (One(text, overrides, problems) is not { } sweep) continue;
            if (!names.Add(sweep.Name)) problems.Add(DiagnosticCatalog.SweptTwice(text, sweep.Name));
            else sweeps.Add(sweep);
        }
        return sweeps.ToImmutable();
    }

    private static (string Name, ImmutableArray<Period> Values)? One(string text, IReadOnlyDictionary<string, Period> overrides, List<Diagnostic> problems)
    {
        var parts = text.Split('=', 2);
        if (parts.Length != 2 || parts[0].Length == 0)
        {
            problems.Add(DiagnosticCatalog.BadSweep(text, "it needs a name, '=' and durations"));
            return null;
        }
        var values = new List<Period>();
        foreach (var item in parts[1].Split(','))
        {
            if (DurationText.TryParse(item) is not { } period)
            {
                problems.Add(DiagnosticCatalog.BadSweep(text, $"'{item.Trim()}' is not {DurationText.Forms} (whole days, weeks, months or years, longer than zero)"));
                return null;
            }
            values.Add(period);
        }
        if (values.Distinct().Count() < 2)
        {
            problems.Add(DiagnosticCatalog.BadSweep(text, "give at least two different durations to compare"));
            return null;
        }
        if (overrides.ContainsKey(parts[0]))
        {
            problems.Add(DiagnosticCatalog.BadSweep(text, $"'{parts[0]}' is also fixed with --assume; sweep it or fix it, not both"));
            return null;
        }
        return (parts[0], [.. values]);
    }
}
