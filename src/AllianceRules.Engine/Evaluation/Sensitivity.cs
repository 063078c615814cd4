using System.Collections.Immutable;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// How much the verdicts depend on one assumption: the history evaluated once per value, and the
/// instances whose status differs between the values. An unstated deadline is the analyst's
/// choice, and this shows what each conclusion rests on.
/// </summary>
public sealed record Sweep(string Assumption, ImmutableArray<Period> Values, ImmutableArray<SweepRow> Changes, int Unchanged);

/// <summary>
/// One instance, identified as the report identifies it (rule, party, trigger date, bindings) and
/// by its first trigger's line (two triggers of one day may open two instances), with its status
/// under each value of the sweep; null where no such instance arose under that value.
/// </summary>
public sealed record SweepRow(string Rule, string Party, LocalDate TriggeredOn, string Bindings, string? Trigger, ImmutableArray<InstanceStatus?> Statuses);

public static class Sensitivity
{
    public static Sweep Run(RuleSet rules, EventHistory history, EvaluationOptions options, string assumption, IReadOnlyList<Period> values)
    {
        var reports = values.Select(v =>
        {
            var overrides = new Dictionary<string, Period>(options.Overrides, StringComparer.Ordinal) { [assumption] = v };
            return Evaluator.Evaluate(rules, history, options with { AssumptionOverrides = overrides });
        }).ToList();
        var keys = new List<SweepKey>();
        var statuses = new Dictionary<SweepKey, InstanceStatus?[]>();
        for (var r = 0; r < reports.Count; r++)
        {
            var seen = new Dictionary<SweepKey, int>();
            foreach (var i in reports[r].Instances)
            {
                var first = i.Triggers.IsEmpty ? null : $"{i.Triggers[0].Origin.File}:{i.Triggers[0].Origin.Line}";
                var plain = new SweepKey(i.Rule.QualifiedId, i.Party, i.TriggeredOn, Canonical(i.Bindings), first, 0);
                // Identical instances in one report (a duplicated line) are told apart by their order.
                var key = plain with { Occurrence = seen[plain] = seen.GetValueOrDefault(plain) + 1 };
                if (!statuses.TryGetValue(key, out var row))
                {
                    statuses[key] = row = new InstanceStatus?[reports.Count];
                    keys.Add(key);
                }
                row[r] = i.Status;
            }
        }
        var ordered = keys
            .OrderBy(k => k.On).ThenBy(k => k.Rule, StringComparer.Ordinal).ThenBy(k => k.Party, StringComparer.Ordinal)
            .ThenBy(k => k.Bindings, StringComparer.Ordinal).ThenBy(k => k.Trigger, StringComparer.Ordinal).ThenBy(k => k.Occurrence)
            .ToList();
        var changes = ordered
            .Where(k => statuses[k].Distinct().Count() > 1)
            .Select(k => new SweepRow(k.Rule, k.Party, k.On, k.Bindings, k.Trigger, [.. statuses[k]]))
            .ToImmutableArray();
        return new Sweep(assumption, [.. values], changes, ordered.Count - changes.Length);
    }

    private readonly record struct SweepKey(string Rule, string Party, LocalDate On, string Bindings, string? Trigger, int Occurrence);

    private static string Canonical(ImmutableArray<KeyValuePair<string, string>> bindings) =>
        string.Join(",", bindings.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key}={b.Value}"));
}
