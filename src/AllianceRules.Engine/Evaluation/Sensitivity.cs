using System.Collections.Immutable;
using AllianceRules.Model;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// How much the verdicts depend on some assumptions and readings: the history evaluated once per
/// combination of their values, and the instances whose status differs between the combinations.
/// An unstated deadline or a contested reading is the analyst's choice, and this shows what each
/// conclusion rests on.
/// </summary>
/// <remarks>
/// <see cref="Combinations"/> is the cross product of the axes' values, the first axis varying
/// slowest; each combination holds one period per axis, in the order of <see cref="Axes"/>.
/// </remarks>
public sealed record Sweep(ImmutableArray<SweepAxis> Axes, ImmutableArray<ImmutableArray<string>> Combinations, ImmutableArray<SweepRow> Changes, int Unchanged)
{
    /// <summary>How many instances ended in each status under each combination: <c>Totals[c][(int)status]</c>, for the reports' verdicts-per-option table.</summary>
    public ImmutableArray<ImmutableArray<int>> Totals { get; init; } = [];

    /// <summary>How many instances ended in <paramref name="status"/> under combination <paramref name="combination"/>.</summary>
    public int Total(int combination, InstanceStatus status) => Totals.IsDefaultOrEmpty ? 0 : Totals[combination][(int)status];
}

/// <summary>
/// One instance, identified as the report identifies it (rule, party, trigger date, bindings) and
/// by its first trigger's line (two triggers of one day may open two instances), with its status
/// under each combination of the sweep; null where no such instance arose under that combination.
/// </summary>
/// <remarks><see cref="Bindings"/> are in ordinal order of the names, so a row reads the same whatever the rule's order.</remarks>
public sealed record SweepRow(string Rule, string Party, LocalDate TriggeredOn, ImmutableArray<KeyValuePair<string, string>> Bindings, string? Trigger, ImmutableArray<InstanceStatus?> Statuses)
{
    /// <summary>The bindings as one line, <c>ally=RUS,victim=ARM</c>, for tables.</summary>
    public string BindingsText => string.Join(",", Bindings.Select(b => $"{b.Key}={b.Value}"));
}

public static class Sensitivity
{
    /// <param name="cancellation">Checked before each combination is evaluated.</param>
    public static Sweep Run(RuleSet rules, EventHistory history, EvaluationOptions options, ImmutableArray<SweepAxis> axes, CancellationToken cancellation = default)
    {
        if (axes.IsDefaultOrEmpty) throw new ArgumentException("A sweep needs at least one assumption or reading.", nameof(axes));
        axes = [.. axes.Select(a => a with { IsReading = rules.DeclaresReading(a.Name) })];
        var combinations = CrossProduct(axes);
        var keys = new List<SweepKey>();
        var statuses = new Dictionary<SweepKey, Seen>();
        for (var c = 0; c < combinations.Length; c++)
        {
            cancellation.ThrowIfCancellationRequested();
            var overrides = new Dictionary<string, Period>(options.Overrides, StringComparer.Ordinal);
            var readings = new Dictionary<string, string>(options.ReadingChoices, StringComparer.Ordinal);
            for (var a = 0; a < axes.Length; a++)
            {
                // The values were checked against the rule set before: a reading's are options, an assumption's durations.
                if (axes[a].IsReading) readings[axes[a].Name] = combinations[c][a];
                else overrides[axes[a].Name] = DurationText.TryParse(combinations[c][a]) ?? throw new ArgumentException($"'{combinations[c][a]}' is not a duration", nameof(axes));
            }
            // One report at a time: a sweep of many combinations holds their statuses, not their reports.
            var report = Evaluator.Evaluate(rules, history, options with { AssumptionOverrides = overrides, ReadingChoices = readings, Sweeps = [] });
            Record(report, c, combinations.Length, keys, statuses);
        }
        var ordered = keys
            .OrderBy(k => k.On).ThenBy(k => k.Rule, StringComparer.Ordinal).ThenBy(k => k.Party, StringComparer.Ordinal)
            .ThenBy(k => k.Bindings, StringComparer.Ordinal).ThenBy(k => k.Trigger, StringComparer.Ordinal).ThenBy(k => k.Occurrence)
            .ToList();
        var changes = ordered
            .Where(k => statuses[k].Statuses.Distinct().Count() > 1)
            .Select(k => new SweepRow(k.Rule, k.Party, k.On, statuses[k].Bindings, k.Trigger, [.. statuses[k].Statuses]))
            .ToImmutableArray();
        var totals = Enumerable.Range(0, combinations.Length)
            .Select(c => StatusTally.Of(ordered.Select(k => statuses[k].Statuses[c]).OfType<InstanceStatus>()))
            .Select(t => Enum.GetValues<InstanceStatus>().Select(s => t[s]).ToImmutableArray())
            .ToImmutableArray();
        return new Sweep(axes, combinations, changes, ordered.Count - changes.Length) { Totals = totals };
    }

    /// <summary>Every combination of the axes' values, one value per axis; the first axis varies slowest.</summary>
    public static ImmutableArray<ImmutableArray<string>> CrossProduct(IReadOnlyList<SweepAxis> axes)
    {
        ImmutableArray<ImmutableArray<string>> product = [[]];
        foreach (var axis in axes)
        {
            product = [.. product.SelectMany(prefix => axis.Values.Select(prefix.Add))];
        }
        return product;
    }

    private static void Record(Report report, int combination, int count, List<SweepKey> keys, Dictionary<SweepKey, Seen> statuses)
    {
        var seen = new Dictionary<SweepKey, int>();
        foreach (var i in report.Instances)
        {
            var first = i.Triggers.IsEmpty ? null : $"{i.Triggers[0].Origin.File}:{i.Triggers[0].Origin.Line}";
            var pairs = i.Bindings.OrderBy(b => b.Key, StringComparer.Ordinal).ToImmutableArray();
            var plain = new SweepKey(i.Rule.QualifiedId, i.Party, i.TriggeredOn, Canonical(pairs), first, 0);
            // Identical instances in one report (a duplicated line) are told apart by their order.
            var key = plain with { Occurrence = seen[plain] = seen.GetValueOrDefault(plain) + 1 };
            if (!statuses.TryGetValue(key, out var row))
            {
                statuses[key] = row = new Seen(pairs, new InstanceStatus?[count]);
                keys.Add(key);
            }
            row.Statuses[combination] = i.Status;
        }
    }

    /// <summary>An instance's bindings, and its status under each combination so far.</summary>
    private sealed record Seen(ImmutableArray<KeyValuePair<string, string>> Bindings, InstanceStatus?[] Statuses);

    private readonly record struct SweepKey(string Rule, string Party, LocalDate On, string Bindings, string? Trigger, int Occurrence);

    private static string Canonical(ImmutableArray<KeyValuePair<string, string>> sortedBindings) =>
        string.Join(",", sortedBindings.Select(b => $"{b.Key}={b.Value}"));
}
