using System.Collections.Immutable;
using AllianceRules.Model;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// One casus foederis for one rule and party: the instances that one crisis or one war gave it,
/// counted once in the reliability by kind (language.md §7, "Episodes").
/// </summary>
/// <param name="Key">What grouped the instances: <c>episode=V</c>, <c>war=V</c>, <c>period DATE</c> (a calendar duty), or <c>from DATE (BINDINGS)</c> (the gap rule).</param>
public sealed record Episode(string Treaty, string Rule, RuleKind Kind, string Party, string Key, ImmutableArray<InstanceResult> Instances)
{
    /// <summary>The episode's status, by <see cref="Episodes.Precedence"/>.</summary>
    public InstanceStatus Status => Episodes.StatusOf(Instances.Select(i => i.Status));
}

/// <summary>
/// The one definition of an episode, which every report's reliability by kind uses. Leeds counts
/// whether an ally honoured its promise in a war or crisis, not how many times an obligation was
/// re-opened within it: several accusations in one border clash are one casus foederis.
/// </summary>
internal static class Episodes
{
    /// <summary>Triggers at most this many days after the previous one belong to the same episode (the gap rule).</summary>
    public const int GapDays = 30;

    /// <summary>The attributes that name an episode, the first one present winning: an explicit <c>episode</c> over <c>war</c>.</summary>
    public static readonly ImmutableArray<string> Attributes = ["episode", "war"];

    /// <summary>
    /// The statuses from the one that decides an episode to the one that decides it least: any
    /// violation makes it violated; else one undecided instance keeps it pending, or indeterminate;
    /// else it was honoured if any instance was; discharged and excused only when all were.
    /// </summary>
    public static readonly ImmutableArray<InstanceStatus> Precedence =
    [
        InstanceStatus.Violated,
        InstanceStatus.Pending,
        InstanceStatus.Indeterminate,
        InstanceStatus.Fulfilled,
        InstanceStatus.Discharged,
        InstanceStatus.Excused,
    ];

    public static InstanceStatus StatusOf(IEnumerable<InstanceStatus> statuses)
    {
        var set = statuses.ToHashSet();
        if (set.Count == 0) throw new ArgumentException("An episode has at least one instance.", nameof(statuses));
        return Precedence.First(set.Contains);
    }

    /// <summary>
    /// The episodes of the instances, by treaty, party, kind, rule and first date. Per rule and
    /// party: instances whose first trigger names an episode (<see cref="Attributes"/>) form one
    /// per value; a calendar duty's periods are one each; the others, per identical bindings and
    /// in trigger-date order, form one while each trigger comes within <see cref="GapDays"/> days
    /// of the one before.
    /// </summary>
    public static ImmutableArray<Episode> Of(IEnumerable<InstanceResult> instances)
    {
        var episodes = new List<Episode>();
        foreach (var group in instances.GroupBy(i => (i.Rule.QualifiedId, i.Party)))
        {
            var named = group.Select(i => (Instance: i, Name: NameOf(i))).ToList();
            foreach (var byName in named.Where(x => x.Name is not null).GroupBy(x => x.Name!, StringComparer.Ordinal))
            {
                episodes.Add(Make(byName.Key, byName.Select(x => x.Instance)));
            }
            var unnamed = named.Where(x => x.Name is null).Select(x => x.Instance);
            foreach (var period in unnamed.Where(i => i.Rule.IsCalendarDuty))
            {
                episodes.Add(Make($"period {DateText.Format(period.TriggeredOn)}{BindingsText(period)}", [period]));
            }
            foreach (var same in unnamed.Where(i => !i.Rule.IsCalendarDuty).GroupBy(Bindings, StringComparer.Ordinal))
            {
                episodes.AddRange(ByGap(same));
            }
        }
        return [.. episodes
            .OrderBy(e => e.Treaty, StringComparer.Ordinal)
            .ThenBy(e => e.Party, StringComparer.Ordinal)
            .ThenBy(e => e.Kind)
            .ThenBy(e => e.Rule, StringComparer.Ordinal)
            .ThenBy(e => e.Instances[0].TriggeredOn)
            .ThenBy(e => e.Key, StringComparer.Ordinal)];
    }

    /// <summary>The episodes of more than one instance, in the order of <see cref="Of"/>: what a report lists under its tables.</summary>
    public static ImmutableArray<Episode> Grouping(IEnumerable<InstanceResult> instances) =>
        [.. Of(instances).Where(e => e.Instances.Length > 1)];

    /// <summary>Each instance's episode key (unique within its rule and party), by reference: what the JSON and CSV reports print beside it.</summary>
    public static IReadOnlyDictionary<InstanceResult, string> KeysOf(IEnumerable<InstanceResult> instances)
    {
        var keys = new Dictionary<InstanceResult, string>(ReferenceEqualityComparer.Instance);
        foreach (var e in Of(instances))
        {
            foreach (var i in e.Instances) keys[i] = e.Key;
        }
        return keys;
    }

    /// <summary>The attribute that names an instance's episode, as <c>episode=V</c>, or null.</summary>
    public static string? NameOf(InstanceResult instance)
    {
        if (instance.FirstTrigger is not { } trigger) return null;
        foreach (var name in Attributes)
        {
            if (trigger.Attributes.TryGetValue(name, out var value)) return $"{name}={value}";
        }
        return null;
    }

    private static IEnumerable<Episode> ByGap(IEnumerable<InstanceResult> instances)
    {
        var run = new List<InstanceResult>();
        foreach (var i in instances.OrderBy(i => i.TriggeredOn))
        {
            if (run.Count > 0 && Period.Between(run[^1].TriggeredOn, i.TriggeredOn, PeriodUnits.Days).Days > GapDays)
            {
                yield return Make(GapKey(run), run);
                run = [];
            }
            run.Add(i);
        }
        if (run.Count > 0) yield return Make(GapKey(run), run);
    }

    /// <summary>"from 2022-09-14 (a=KGZ;b=TJK)": the first date and the bindings (joined by ';', as CSV's bindings are), which tell apart two crises that start together.</summary>
    private static string GapKey(List<InstanceResult> run)
    {
        return $"from {DateText.Format(run[0].TriggeredOn)}{BindingsText(run[0])}";
    }

    private static string BindingsText(InstanceResult i) =>
        i.Bindings.IsEmpty ? string.Empty : $" ({string.Join(";", i.Bindings.Select(b => $"{b.Key}={b.Value}"))})";

    private static string Bindings(InstanceResult i) => string.Join("\u0001", i.Bindings.Select(b => $"{b.Key}={b.Value}"));

    private static Episode Make(string key, IEnumerable<InstanceResult> instances)
    {
        ImmutableArray<InstanceResult> list = [.. instances.OrderBy(i => i.TriggeredOn)];
        var rule = list[0].Rule;
        return new Episode(rule.Treaty, rule.QualifiedId, rule.Kind, list[0].Party, key, list);
    }
}
