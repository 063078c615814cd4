using System.Collections.Immutable;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>An earlier report as <c>--baseline</c> gives it: its name as the user wrote it, and its instances in its order.</summary>
public sealed record BaselineReport(string Name, ImmutableArray<BaselineInstance> Instances);

/// <summary>
/// One instance of an earlier report: what identifies it, its status, its id there (absent from
/// some reports), and the attributes of its first trigger (<c>triggers[0].attrs</c>; empty when the
/// report has no triggers, as a version-1 report may not).
/// </summary>
public sealed record BaselineInstance(
    string Rule,
    string Party,
    LocalDate TriggeredOn,
    ImmutableArray<KeyValuePair<string, string>> Bindings,
    InstanceStatus Status,
    string? Id = null,
    ImmutableArray<KeyValuePair<string, string>> TriggerAttrs = default)
{
    /// <summary>An instance of a report as a baseline would hold it: what comparing two runs in memory starts from.</summary>
    public static BaselineInstance Of(InstanceResult instance) =>
        new(instance.Rule.QualifiedId, instance.Party, instance.TriggeredOn, instance.Bindings, instance.Status, instance.Id,
            instance.Triggers.IsDefaultOrEmpty ? [] : [.. instance.Triggers[0].Attributes]);
}

/// <summary>
/// What changed since a baseline: the instances whose status differs, and those that appeared or
/// disappeared. An instance is identified as a sweep identifies one, by rule, party, trigger date
/// and bindings (names and values, ordinal, in any order), and, as the engine keeps instances
/// apart, by the values of the trigger's attributes the rule reads (<c>[war=@war]</c>: the names
/// the current rule of that id reads, the values those of the instance's first trigger); not by
/// id, since ids renumber when an instance appears before another, nor by the trigger's line,
/// which an edit of the history moves.
/// </summary>
/// <remarks>
/// Several instances with one identity (two triggers on one day that open two instances) are paired
/// in the order of each report: the first with the first, and so on; the rest are added or removed.
/// Changes come in the order of the report's instances (trigger date, rule, party); a removed
/// instance comes, in the baseline's order, after those of the report with the same date, rule and
/// party.
/// </remarks>
public static class BaselineComparer
{
    public static BaselineComparison Compare(BaselineReport baseline, ImmutableArray<InstanceResult> instances)
    {
        // The names come from the rules as they are now: a baseline holds a trigger's attributes, not the rule that read them.
        var reads = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var i in instances) reads.TryAdd(i.Rule.QualifiedId, TriggerAttributes.Read(i.Rule));
        var earlier = new Dictionary<string, Queue<BaselineInstance>>(StringComparer.Ordinal);
        foreach (var b in baseline.Instances)
        {
            var names = reads.GetValueOrDefault(b.Rule, []);
            var attrs = b.TriggerAttrs.IsDefault ? [] : b.TriggerAttrs;
            var key = Key(b.Rule, b.Party, b.TriggeredOn, b.Bindings, names, n => attrs.FirstOrDefault(a => a.Key == n).Value);
            if (!earlier.TryGetValue(key, out var queue)) earlier[key] = queue = new Queue<BaselineInstance>();
            queue.Enqueue(b);
        }

        var current = new List<InstanceChange>();
        var paired = new HashSet<BaselineInstance>(ReferenceEqualityComparer.Instance);
        foreach (var i in instances)
        {
            var rule = i.Rule.QualifiedId;
            // The engine keys an instance on its opening trigger; every trigger it gathers has the same values of these names.
            var trigger = i.Triggers.IsDefaultOrEmpty ? null : i.Triggers[0];
            var key = Key(rule, i.Party, i.TriggeredOn, i.Bindings, reads[rule], n => trigger is not null && trigger.Attributes.TryGetValue(n, out var v) ? v : null);
            if (earlier.TryGetValue(key, out var queue) && queue.TryDequeue(out var was))
            {
                paired.Add(was);
                if (was.Status != i.Status) current.Add(new InstanceChange(ChangeKind.Changed, rule, i.Party, i.TriggeredOn, i.Bindings, i.Id, was.Id, was.Status, i.Status));
            }
            else current.Add(new InstanceChange(ChangeKind.Added, rule, i.Party, i.TriggeredOn, i.Bindings, i.Id, null, null, i.Status));
        }
        var removed = baseline.Instances.Where(b => !paired.Contains(b))
            .Select(b => new InstanceChange(ChangeKind.Removed, b.Rule, b.Party, b.TriggeredOn, b.Bindings, null, b.Id, b.Status, null))
            .OrderBy(c => c.TriggeredOn).ThenBy(c => c.Rule, StringComparer.Ordinal).ThenBy(c => c.Party, StringComparer.Ordinal)
            .ToList();
        return new BaselineComparison(baseline.Name, Merge(current, removed));
    }

    /// <summary>Both lists are in (date, rule, party) order; a removed change goes after the report's of the same key.</summary>
    private static ImmutableArray<InstanceChange> Merge(List<InstanceChange> current, List<InstanceChange> removed)
    {
        var merged = ImmutableArray.CreateBuilder<InstanceChange>(current.Count + removed.Count);
        var r = 0;
        foreach (var c in current)
        {
            while (r < removed.Count && Order(removed[r], c) < 0) merged.Add(removed[r++]);
            merged.Add(c);
        }
        while (r < removed.Count) merged.Add(removed[r++]);
        return merged.MoveToImmutable();
    }

    private static int Order(InstanceChange a, InstanceChange b)
    {
        var byDate = a.TriggeredOn.CompareTo(b.TriggeredOn);
        if (byDate != 0) return byDate;
        var byRule = string.CompareOrdinal(a.Rule, b.Rule);
        return byRule != 0 ? byRule : string.CompareOrdinal(a.Party, b.Party);
    }

    /// <summary>
    /// The identity as one string: each part prefixed by its length, so no value can pass for a
    /// separator; an attribute the trigger lacks is marked apart from every value, even the empty one.
    /// </summary>
    private static string Key(string rule, string party, LocalDate on, ImmutableArray<KeyValuePair<string, string>> bindings,
        ImmutableArray<string> reads, Func<string, string?> attribute)
    {
        var parts = new List<string> { rule, party, Text.DateText.Format(on) };
        foreach (var (name, value) in bindings.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            parts.Add(name);
            parts.Add(value);
        }
        var key = string.Concat(parts.Select(p => $"{p.Length}:{p}"));
        foreach (var name in reads) key += attribute(name) is { } value ? $"@{name.Length}:{name}{value.Length}:{value}" : $"@{name.Length}:{name}-";
        return key;
    }
}
