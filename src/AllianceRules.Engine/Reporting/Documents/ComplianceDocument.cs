using System.Collections.Immutable;
using AllianceRules.Evaluation;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Reporting.Documents;

/// <summary>
/// A file the report was made from (the CLI reads them; the engine does no I/O): its kind (<c>rules</c>
/// or the history's format), the SHA-256 of its bytes as on disk (lower-case hex), and the number of
/// lines of its text (after gzip; a last line without a line feed counts).
/// </summary>
public sealed record InputDigest(string Path, string Kind, string Sha256, long Lines);

/// <summary>
/// Everything a printed compliance report shows, arranged once for every format, in the order a
/// reader wants it: a summary (a sentence per crisis, reliability by kind, what is still open),
/// the crises with their obligations, reliability by party and kind (per episode), the treaties
/// with their members and rules, and last the assumptions and the inputs.
/// </summary>
/// <param name="Treaties">The treaties; a list of states that rules consult (<see cref="TreatySection.IsRegistry"/>) is one of <see cref="Registries"/> instead.</param>
/// <param name="Open">The instances still pending or needing an analyst's judgment: what the summary says is not settled.</param>
public sealed record ComplianceDocument(
    Report Report,
    ImmutableArray<InputDigest> Inputs,
    ImmutableArray<TreatySection> Treaties,
    ImmutableArray<CrisisSection> Crises,
    ImmutableArray<KindRow> ByKind,
    ImmutableArray<InstanceResult> Open)
{
    public static ComplianceDocument Build(RuleSet rules, Report report, IEnumerable<InputDigest> inputs)
    {
        var sections = rules.Treaties.OrderBy(t => t.Code, StringComparer.Ordinal).Select(Section).ToList();
        return new(
            report,
            [.. inputs],
            [.. sections.Where(s => !s.IsRegistry)],
            GroupByTrigger(report),
            ByKinds(report),
            [.. report.Instances.Where(i => i.Status is InstanceStatus.Pending or InstanceStatus.Indeterminate)])
        {
            Registries = [.. sections.Where(s => s.IsRegistry)],
        };
    }

    /// <summary>Lists of members with no rules and no signature (<see cref="TreatySection.IsRegistry"/>) that rules consult (<c>is member of STATES</c>): not alliances, so not counted as treaties.</summary>
    public ImmutableArray<TreatySection> Registries { get; init; } = [];

    /// <summary>The summary's sentence for each crisis and calendar period, in the order of <see cref="Crises"/>.</summary>
    internal ImmutableArray<CrisisHeadline> Headlines => [.. Crises.Select(CrisisHeadline.Of)];

    /// <summary>Whether any instance needs judgment: the reliability tables then show an indeterminate column.</summary>
    public bool AnyIndeterminate => Report.SummaryByKind.Any(r => r.Indeterminate > 0);

    /// <summary>The count columns of the reliability tables, between the row's names and its reliability.</summary>
    public string[] CountColumns => ["episodes", "invoked", "fulfilled", "violated", "pending", "discharged", "excused", .. AnyIndeterminate ? ["indeterminate"] : Array.Empty<string>()];

    /// <summary>A party's counts of one kind, in the order of <see cref="CountColumns"/>.</summary>
    public int[] CountsOf(KindReliabilityRow r) => Counts(r.Episodes, r.Invoked, r.Fulfilled, r.Violated, r.Pending, r.Discharged, r.Excused, r.Indeterminate);

    /// <summary>A kind's counts over a treaty's parties, in the order of <see cref="CountColumns"/>.</summary>
    public int[] CountsOf(KindRow r) => Counts(r.Episodes, r.Invoked, r.Fulfilled, r.Violated, r.Pending, r.Discharged, r.Excused, r.Indeterminate);

    private int[] Counts(int episodes, int invoked, int fulfilled, int violated, int pending, int discharged, int excused, int indeterminate) =>
        [episodes, invoked, fulfilled, violated, pending, discharged, excused, .. AnyIndeterminate ? [indeterminate] : Array.Empty<int>()];

    /// <summary>The sentence under the reliability heading: what an episode is, what counts as invoked, and what is shown but not counted.</summary>
    public string ReliabilityNote => "After Leeds: an obligation is invoked when its casus foederis occurs, and each obligated party then honours (fulfilled) or violates it. "
        + $"Counted by kind and per episode: the instances of one rule and party in one crisis or war (the same 'episode' or 'war' attribute, or else the same bindings with triggers at most {Episodes.GapDays} days apart) count once: violated if any instance was, else pending or indeterminate while one is, else fulfilled if any was. "
        + "Invoked = fulfilled + violated episodes; reliability = fulfilled ÷ invoked. "
        + (AnyIndeterminate ? "Pending, discharged, excused and indeterminate (needing an analyst's judgment) episodes are shown but not counted." : "Pending, discharged and excused episodes are shown but not counted.");

    /// <summary>The episodes that group several instances, each counted once in the tables: the per-instance detail under them.</summary>
    public ImmutableArray<Episode> GroupedEpisodes { get; } = Episodes.Grouping(Report.Instances);

    /// <summary>The heading of <see cref="Open"/>: it names indeterminate instances only when there are some.</summary>
    public string OpenTitle => Open.Any(i => i.Status == InstanceStatus.Indeterminate) ? "Pending and needing judgment" : "Pending";

    /// <summary>The rows of <see cref="Report.SummaryByKind"/> with an invoked episode: the ones a reliability chart draws, a bar each.</summary>
    public IReadOnlyList<KindReliabilityRow> ChartedReliability => [.. Report.SummaryByKind.Where(r => r.Invoked > 0)];

    /// <summary>More bars than this would be unreadable: the reliability table then stands alone.</summary>
    public const int MaxChartedRows = 40;

    /// <summary>Charts of longer member lists (a reference list of states, say) would be unreadable; their table stands alone.</summary>
    public const int MaxChartedMembers = 40;

    /// <summary>
    /// The last day a membership chart shows: the horizon or the latest date the treaty names,
    /// whichever is later, and a year beyond an open interval that starts on that day, so it shows.
    /// An open interval runs to this day and is drawn as open (an arrow, a Gantt "active" bar), so
    /// it is never mistaken for a membership that ended there.
    /// </summary>
    public LocalDate TimelineEnd(Treaty treaty)
    {
        var ranges = treaty.Members.Values.SelectMany(r => r).ToList();
        var dates = ranges.SelectMany(r => r.End is { } e ? new[] { r.Start, e } : [r.Start]).ToList();
        if (Report.AsOf is { } asOf) dates.Add(asOf);
        if (dates.Count == 0) return treaty.Signed ?? new LocalDate(2000, 1, 1);
        var end = dates.Max();
        return ranges.Any(r => r.End is null && r.Start >= end) ? Evaluation.DateMath.Plus(end, Period.FromYears(1)) : end;
    }

    private static TreatySection Section(Treaty treaty) => new(
        treaty,
        [.. treaty.Members.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new MemberRow(
            m.Key,
            m.Value,
            treaty.FrozenMembers?.GetValueOrDefault(m.Key, []) ?? []))],
        [.. treaty.Rules]);

    /// <summary>Instances grouped by what set them off: one trigger event, or one calendar period.</summary>
    private static ImmutableArray<CrisisSection> GroupByTrigger(Report report) =>
        [.. report.Instances
            .GroupBy(i => i.Rule.IsCalendarDuty || i.Triggers.IsEmpty ? $"period {i.TriggeredOn}" : $"{i.Triggers[0].Origin.File}:{i.Triggers[0].Origin.Line}")
            .Select(g => new CrisisSection(g.First().TriggeredOn, g.First().Rule.IsCalendarDuty ? null : g.First().Triggers.FirstOrDefault(), [.. g]))
            .OrderBy(c => c.Date)
            .ThenBy(c => c.Trigger?.Origin.File ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(c => c.Trigger?.Origin.Line ?? 0)];

    /// <summary>A treaty's parties summed per kind: each party's episodes, counted as in <see cref="Report.SummaryByKind"/>.</summary>
    private static ImmutableArray<KindRow> ByKinds(Report report) =>
        [.. report.SummaryByKind
            .GroupBy(r => (r.Treaty, r.Kind))
            .OrderBy(g => g.Key.Treaty, StringComparer.Ordinal).ThenBy(g => g.Key.Kind)
            .Select(g => new KindRow(g.Key.Treaty, g.Key.Kind, g.Sum(r => r.Episodes), g.Sum(r => r.Fulfilled), g.Sum(r => r.Violated), g.Sum(r => r.Pending), g.Sum(r => r.Discharged), g.Sum(r => r.Excused), g.Sum(r => r.Indeterminate)))];
}

public sealed record TreatySection(Treaty Treaty, ImmutableArray<MemberRow> Members, ImmutableArray<Rule> Rules)
{
    /// <summary>
    /// A list of members that no one signed and that obliges no one (the <c>STATES</c> registry of
    /// states): not an alliance. An instrument with a signature date and no rules of its own (a
    /// charter whose duties other files encode) stays a treaty.
    /// </summary>
    public bool IsRegistry => Rules.IsEmpty && Treaty.Signed is null && !Members.IsEmpty;
}

/// <summary>A party's membership intervals, and those of them in which its participation is frozen.</summary>
public sealed record MemberRow(string Party, ImmutableArray<DateRange> Intervals, ImmutableArray<DateRange> Frozen);

/// <summary>The obligations one trigger event (or, for calendar duties, one period's first day) created.</summary>
public sealed record CrisisSection(LocalDate Date, Event? Trigger, ImmutableArray<InstanceResult> Instances);

/// <summary>Reliability of one kind of obligation under one treaty: its parties' episodes, each counted once.</summary>
public sealed record KindRow(string Treaty, RuleKind Kind, int Episodes, int Fulfilled, int Violated, int Pending, int Discharged, int Excused, int Indeterminate = 0)
{
    public int Invoked => Fulfilled + Violated;

    public double? Reliability => Invoked == 0 ? null : (double)Fulfilled / Invoked;
}
