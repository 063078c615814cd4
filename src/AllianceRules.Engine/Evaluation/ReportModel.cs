using System.Collections.Immutable;
using AllianceRules.Diagnostics;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>The outcome of one evaluation (language.md §7).</summary>
/// <remarks>
/// <see cref="EventsAfterHorizon"/> counts the events read and validated but not evaluated (rule
/// 5.1.7). <see cref="CalendarDuties"/> names the rules with <c>every</c>, which are judged only
/// inside <see cref="Observed"/>, so a reader can tell "not judged" from "nothing due".
/// </remarks>
public sealed record Report(
    LocalDate? AsOf,
    ImmutableArray<AssumptionUse> Assumptions,
    ImmutableArray<InstanceResult> Instances,
    ImmutableArray<ReliabilityRow> Summary,
    int EventsAfterHorizon = 0)
{
    public ImmutableArray<string> CalendarDuties { get; init; } = [];

    public ImmutableArray<DateRange> Observed { get; init; } = [];

    /// <summary>Every reading of the rule set, by treaty then name, with the option in force and whether it was chosen.</summary>
    public ImmutableArray<Reading> Readings { get; init; } = [];

    /// <summary>Rows of imported data that no verb could stand for (by CAMEO code), from the history.</summary>
    public SkippedRows Skipped { get; init; } = SkippedRows.None;

    /// <summary>
    /// Reliability as Leeds counts it: per treaty, party and kind, each episode (one crisis or war,
    /// <see cref="Episodes"/>) once. <see cref="Summary"/> counts per instance and mixes kinds.
    /// </summary>
    public ImmutableArray<KindReliabilityRow> SummaryByKind { get; init; } = [];

    /// <summary>With <c>--sweep</c>: the verdicts that change with one assumption.</summary>
    public Sweep? Sweep { get; init; }

    /// <summary>With <c>--baseline</c>: how the instances differ from an earlier report's.</summary>
    public BaselineComparison? Baseline { get; init; }
}

/// <summary>The instances whose status changed since an earlier report (named by <see cref="Baseline"/>, as the user gave it), appeared or disappeared.</summary>
public sealed record BaselineComparison(string Baseline, ImmutableArray<InstanceChange> Changes);

/// <summary>What became of one instance since the baseline.</summary>
public enum ChangeKind
{
    /// <summary>In both reports, with another status.</summary>
    Changed,

    /// <summary>Only in this report.</summary>
    Added,

    /// <summary>Only in the baseline.</summary>
    Removed,
}

/// <summary>
/// One instance that differs from the baseline, identified as the sweep identifies one (rule,
/// party, trigger date, bindings), since ids renumber when an instance appears before it.
/// <see cref="Id"/> is this report's id (null when removed), <see cref="BaselineId"/> the
/// baseline's (null when added); <see cref="Was"/> and <see cref="Now"/> likewise.
/// </summary>
public sealed record InstanceChange(
    ChangeKind Kind,
    string Rule,
    string Party,
    LocalDate TriggeredOn,
    ImmutableArray<KeyValuePair<string, string>> Bindings,
    string? Id,
    string? BaselineId,
    InstanceStatus? Was,
    InstanceStatus? Now);

/// <summary>An assumption as used: its period after any override, and the period the treaty declares.</summary>
public sealed record AssumptionUse(string Treaty, string Name, Period Period, bool Overridden, string? Note, Period Declared);

/// <summary>One obligation instance: who was bound to do what, and whether they did.</summary>
public sealed record InstanceResult(
    string Id,
    Rule Rule,
    string Party,
    InstanceStatus Status,
    LocalDate TriggeredOn,
    LocalDate? Deadline,
    LocalDate? DecidedOn,
    ImmutableArray<KeyValuePair<string, string>> Bindings,
    ImmutableArray<Event> Triggers,
    ImmutableArray<Event> Evidence,
    string Action,
    string Reason)
{
    /// <summary>For an indeterminate instance, what the engine would decide without the rule's <c>judgment</c>.</summary>
    public InstanceStatus? WouldBe { get; init; }

    /// <summary>For a window that lapsed: the required action when it came after the deadline, up to the horizon. The status stays violated.</summary>
    public LatePerformance? Late { get; init; }

    /// <summary>For an excused instance: the <c>unless</c> that held, and the events that made it hold.</summary>
    public Excuse? Excuse { get; init; }

    /// <summary>
    /// The first trigger, among those of the first date the one that reads first (actor, verb,
    /// target, attributes), not the one on the first line: summaries built from it (CSV, the study)
    /// must not depend on line order.
    /// </summary>
    public Event? FirstTrigger => First(Triggers);

    /// <summary>The first decisive event, chosen as <see cref="FirstTrigger"/> is.</summary>
    public Event? FirstEvidence => First(Evidence);

    private static Event? First(ImmutableArray<Event> events) => events.IsEmpty
        ? null
        : events.Where(e => e.Date == events[0].Date).MinBy(e => e.Content(), StringComparer.Ordinal);
}

/// <summary>The required action, done after its window had closed: <see cref="DaysLate"/> days after the deadline.</summary>
public sealed record LatePerformance(Event Event, int DaysLate);

/// <summary>The <c>unless</c> clause that excused an instance, as the rule file writes it, and the events that made it hold (none for a membership or equality test).</summary>
public sealed record Excuse(string Clause, ImmutableArray<Event> Evidence);

/// <summary>The counts of one party under one treaty, per instance and over every kind: the contract's summary, not a Leeds measure.</summary>
public sealed record ReliabilityRow(
    string Treaty,
    string Party,
    int Fulfilled,
    int Violated,
    int Pending,
    int Discharged,
    int Excused,
    int Indeterminate = 0)
{
    public int Invoked => Fulfilled + Violated;

    /// <summary>Fulfilled over invoked; null when nothing was invoked.</summary>
    public double? Reliability => Invoked == 0 ? null : (double)Fulfilled / Invoked;

    /// <summary>The counts of a group of instances, by status.</summary>
    public static ReliabilityRow Of(string treaty, string party, IEnumerable<InstanceResult> instances)
    {
        var n = StatusTally.Of(instances.Select(i => i.Status));
        return new ReliabilityRow(treaty, party, n[InstanceStatus.Fulfilled], n[InstanceStatus.Violated], n[InstanceStatus.Pending], n[InstanceStatus.Discharged], n[InstanceStatus.Excused], n[InstanceStatus.Indeterminate]);
    }
}

/// <summary>How many of some statuses there are of each: what every reliability row counts.</summary>
internal sealed class StatusTally
{
    private readonly int[] _counts = new int[Enum.GetValues<InstanceStatus>().Length];

    public int Total { get; private set; }

    public int this[InstanceStatus status] => _counts[(int)status];

    public static StatusTally Of(IEnumerable<InstanceStatus> statuses)
    {
        var tally = new StatusTally();
        foreach (var s in statuses)
        {
            tally._counts[(int)s]++;
            tally.Total++;
        }
        return tally;
    }
}

/// <summary>Reliability after Leeds: one party's episodes of one kind under one treaty, each counted once by its status.</summary>
public sealed record KindReliabilityRow(
    string Treaty,
    string Party,
    RuleKind Kind,
    int Episodes,
    int Fulfilled,
    int Violated,
    int Pending,
    int Discharged,
    int Excused,
    int Indeterminate)
{
    public int Invoked => Fulfilled + Violated;

    /// <summary>Fulfilled episodes over invoked ones; null when none was invoked.</summary>
    public double? Reliability => Invoked == 0 ? null : (double)Fulfilled / Invoked;

    /// <summary>One row per treaty, party and kind, in that order, from the episodes of the instances.</summary>
    public static ImmutableArray<KindReliabilityRow> Of(IEnumerable<InstanceResult> instances) =>
        [.. Evaluation.Episodes.Of(instances)
            .GroupBy(e => (e.Treaty, e.Party, e.Kind))
            .Select(g => Sum(g.Key.Treaty, g.Key.Party, g.Key.Kind, g.Select(e => e.Status).ToList()))];

    private static KindReliabilityRow Sum(string treaty, string party, RuleKind kind, List<InstanceStatus> statuses)
    {
        var n = StatusTally.Of(statuses);
        return new(treaty, party, kind, n.Total, n[InstanceStatus.Fulfilled], n[InstanceStatus.Violated], n[InstanceStatus.Pending], n[InstanceStatus.Discharged], n[InstanceStatus.Excused], n[InstanceStatus.Indeterminate]);
    }
}

