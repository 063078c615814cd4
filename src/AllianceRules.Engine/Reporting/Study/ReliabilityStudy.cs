using System.Collections.Immutable;
using AllianceRules.Evaluation;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Reporting.Study;

/// <summary>Invoked, honoured and violated, and the reliability they give (honoured ÷ invoked; null when nothing was invoked).</summary>
public sealed record Tally(int Invoked, int Honoured, int Violated)
{
    public static readonly Tally Zero = new(0, 0, 0);

    public double? Reliability => Invoked == 0 ? null : (double)Honoured / Invoked;

    public Tally Add(Tally other) => new(Invoked + other.Invoked, Honoured + other.Honoured, Violated + other.Violated);
}

/// <summary>How an alliance did in one war (or under one kind of its obligations there), under one of the pair rules.</summary>
public enum PairVerdict
{
    /// <summary>No obligation of the alliance was invoked: its casus foederis was not met.</summary>
    NotInvoked,
    Honoured,
    Violated,

    /// <summary>Invoked, but every verdict waits for an analyst's judgment or for the war's end.</summary>
    Undecided,
}

/// <summary>One alliance in one war: its instances by status, and its verdict after Leeds.</summary>
public sealed record StudyPair(
    string Treaty,
    string War,
    string? Name,
    LocalDate From,
    ImmutableArray<RuleKind> Kinds,
    int Instances,
    int Fulfilled,
    int Violated,
    int AlliesFought,
    int Indeterminate,
    int Pending,
    PairVerdict Verdict)
{
    /// <summary>The verdict under the strict rule (<see cref="PairRules.Strict"/>); <see cref="Verdict"/> is the lenient one.</summary>
    public PairVerdict StrictVerdict { get; init; }
}

/// <summary>A reliability figure over pairs, by period and overall.</summary>
public sealed record StudyRow(string Label, Tally All, Tally Before, Tally After);

/// <summary>
/// A Leeds-style reliability study over a report: instances are grouped into alliance–war pairs
/// by the trigger's <see cref="By"/> attribute (<c>war</c>), and each pair is judged under both of
/// Berkemeier and Fuhrmann's rules (<see cref="PairRules"/>): lenient, honoured when at least one
/// obliged member honoured and no member fought an ally; strict, honoured only when every obliged
/// member honoured and none fought an ally. A pair is judged on the strongest of its promises that
/// was invoked (defence and offence, then neutrality, then non-aggression). Consultation is left
/// out, as in Leeds: it is no case of alliance performance in war. Figures are given overall, by
/// kind (Leeds': each pair on its promises of that kind; BF's: each pair's verdict under every kind
/// its alliance has), and before and after <see cref="Split"/>. The lenient figures keep their
/// historical names (<see cref="ByPair"/>, <see cref="ByKind"/>).
/// </summary>
public sealed record ReliabilityStudy(
    string By,
    int Split,
    ImmutableArray<StudyPair> Pairs,
    ImmutableArray<StudyRow> ByPair,
    ImmutableArray<StudyRow> ByKind,
    StudyRow Members,
    int Consultation,
    int WithoutAttribute)
{
    /// <summary>The readings the verdicts were reached under, as the report lists them.</summary>
    public ImmutableArray<Model.Reading> Readings { get; init; } = [];

    /// <summary>As <see cref="ByPair"/>, under the strict rule.</summary>
    public ImmutableArray<StudyRow> StrictByPair { get; init; } = [];

    /// <summary>As <see cref="ByKind"/>, under the strict rule.</summary>
    public ImmutableArray<StudyRow> StrictByKind { get; init; } = [];

    /// <summary>As BF count by kind: each pair's verdict across kinds under every kind of promise its alliance makes (lenient rule).</summary>
    public ImmutableArray<StudyRow> ByAllianceKind { get; init; } = [];

    /// <summary>As <see cref="ByAllianceKind"/>, under the strict rule.</summary>
    public ImmutableArray<StudyRow> StrictByAllianceKind { get; init; } = [];

    /// <summary>The fixed universe of pairs and how much of it the study judges; null when the wars' participants were not given.</summary>
    public StudyCoverage? Coverage { get; init; }

    /// <summary>The kinds a pair is counted under by kind: the promises made for war.</summary>
    internal static readonly ImmutableArray<RuleKind> WarKinds = [RuleKind.Defense, RuleKind.Offense, RuleKind.Neutrality, RuleKind.Nonaggression];

    /// <summary>
    /// The study of <paramref name="report"/>. With <paramref name="rules"/>, a pair counts by kind
    /// under the kinds of its treaty's rules in force (else under those of its instances); with
    /// <paramref name="wars"/> too, the study reports its <see cref="Coverage"/>.
    /// </summary>
    public static ReliabilityStudy Build(Report report, string by = "war", int split = 1945, RuleSet? rules = null, WarParticipation? wars = null)
    {
        var splitDate = new LocalDate(split, 1, 1);
        var withAttribute = report.Instances.Where(i => i.FirstTrigger is { } t && t.Attributes.ContainsKey(by)).ToList();
        var consultation = withAttribute.Count(i => i.Rule.Kind == RuleKind.Consultation);
        var counted = withAttribute.Where(i => i.Rule.Kind != RuleKind.Consultation).ToList();
        var groups = counted.GroupBy(i => (i.Rule.Treaty, War: i.FirstTrigger!.Attributes[by])).ToList();
        var pairs = groups
            .Select(g => Pair(g.Key.Treaty, g.Key.War, g.ToList()))
            .OrderBy(p => p.From).ThenBy(p => p.Treaty, StringComparer.Ordinal).ThenBy(p => p.War, StringComparer.Ordinal)
            .ToImmutableArray();

        StudyRow Row(string label, IEnumerable<(LocalDate From, PairVerdict Verdict)> units)
        {
            var list = units.ToList();
            Tally Of(IEnumerable<(LocalDate From, PairVerdict Verdict)> xs) => xs.Aggregate(Tally.Zero, (t, x) => t.Add(Count(x.Verdict)));
            return new StudyRow(label, Of(list), Of(list.Where(x => x.From < splitDate)), Of(list.Where(x => x.From >= splitDate)));
        }

        var kindUnits = groups
            .SelectMany(g => g.GroupBy(i => i.Rule.Kind).Select(k => (Kind: k.Key, Unit: Pair(g.Key.Treaty, g.Key.War, k.ToList()))))
            .GroupBy(x => x.Kind)
            .OrderBy(x => x.Key)
            .ToList();
        ImmutableArray<StudyRow> ByKindOf(Func<StudyPair, PairVerdict> verdict) =>
            [.. kindUnits.Select(x => Row(Label(x.Key), x.Select(u => (u.Unit.From, verdict(u.Unit)))))];

        // As BF count: a pair under every kind of war promise its alliance makes, with its one verdict.
        var treatyKinds = rules?.Treaties.ToDictionary(t => t.Code, t => t.Rules.Select(r => r.Kind).ToHashSet(), StringComparer.Ordinal);
        IEnumerable<RuleKind> KindsOf(StudyPair p) =>
            treatyKinds is not null && treatyKinds.TryGetValue(p.Treaty, out var kinds) ? kinds : p.Kinds;
        ImmutableArray<StudyRow> ByAllianceKindOf(Func<StudyPair, PairVerdict> verdict) =>
            [.. WarKinds.Select(k => Row(Label(k), pairs.Where(p => KindsOf(p).Contains(k)).Select(p => (p.From, verdict(p)))))];

        // Each member judged as a pair is, on its own strongest promise in that war.
        var members = groups
            .SelectMany(g => g.GroupBy(i => i.Party).Select(m => Pair(g.Key.Treaty, g.Key.War, m.ToList())))
            .Select(m => (m.From, m.Verdict));
        // What the figures would be if every obligation that needs judgment were read as the engine found it.
        var asFound = counted
            .Select(i => i.WouldBe is { } found ? i with { Status = found, WouldBe = null } : i)
            .GroupBy(i => (i.Rule.Treaty, War: i.FirstTrigger!.Attributes[by]))
            .Select(g => Pair(g.Key.Treaty, g.Key.War, g.ToList()))
            .ToList();
        return new ReliabilityStudy(
            by,
            split,
            pairs,
            [Row("all pairs", pairs.Select(p => (p.From, p.Verdict))), Row("judgment read as found", asFound.Select(p => (p.From, p.Verdict)))],
            ByKindOf(p => p.Verdict),
            Row("member commitments", members),
            consultation,
            report.Instances.Length - withAttribute.Count)
        {
            Readings = report.Readings,
            StrictByPair = [Row("all pairs", pairs.Select(p => (p.From, p.StrictVerdict))), Row("judgment read as found", asFound.Select(p => (p.From, p.StrictVerdict)))],
            StrictByKind = ByKindOf(p => p.StrictVerdict),
            ByAllianceKind = ByAllianceKindOf(p => p.Verdict),
            StrictByAllianceKind = ByAllianceKindOf(p => p.StrictVerdict),
            Coverage = rules is not null && wars is not null ? StudyCoverage.Of(rules, wars, pairs) : null,
        };
    }

    internal static string Label(RuleKind kind) => kind.ToString().ToLowerInvariant();

    private static Tally Count(PairVerdict verdict) => verdict switch
    {
        PairVerdict.Honoured => new Tally(1, 1, 0),
        PairVerdict.Violated => new Tally(1, 0, 1),
        _ => Tally.Zero,
    };

    /// <summary>
    /// The rank of a kind's promise: an alliance that promised to fight is judged on whether its
    /// members fought, not on whether they stayed neutral, which its neutrality clause would honour.
    /// </summary>
    private static int Rank(RuleKind kind) => kind switch
    {
        RuleKind.Defense or RuleKind.Offense => 0,
        RuleKind.Neutrality => 1,
        RuleKind.Nonaggression => 2,
        _ => 3,
    };

    private static StudyPair Pair(string treaty, string war, List<InstanceResult> all)
    {
        var first = all.MinBy(i => i.TriggeredOn)!;
        // Judged on the strongest promise invoked here, decided or not (a defence pact waiting for
        // judgment is not honoured by its neutrality clause); a member fighting an ally breaks them all.
        static bool Invoked(InstanceResult i) => i.Status is InstanceStatus.Fulfilled or InstanceStatus.Violated or InstanceStatus.Indeterminate or InstanceStatus.Pending;
        var promised = all.Where(i => Invoked(i) && !i.Rule.IsForbid).ToList();
        var strongest = promised.Count == 0 ? (int?)null : promised.Min(i => Rank(i.Rule.Kind));
        var instances = all.Where(i => i.Rule.IsForbid || strongest is null || Rank(i.Rule.Kind) == strongest || !Invoked(i)).ToList();
        var fulfilled = instances.Count(i => i.Status == InstanceStatus.Fulfilled);
        // A forbid violated is a member fighting an ally; any other violation is an ally that did not do its part.
        var fought = instances.Count(i => i.Status == InstanceStatus.Violated && i.Rule.IsForbid);
        var violated = instances.Count(i => i.Status == InstanceStatus.Violated);
        var indeterminate = instances.Count(i => i.Status == InstanceStatus.Indeterminate);
        var pending = instances.Count(i => i.Status == InstanceStatus.Pending);
        return new StudyPair(
            treaty,
            war,
            first.FirstTrigger!.Attributes.GetValueOrDefault("name"),
            first.TriggeredOn,
            [.. all.Select(i => i.Rule.Kind).Distinct().Order()],
            all.Count,
            fulfilled,
            violated,
            fought,
            indeterminate,
            pending,
            PairRules.Lenient(fulfilled, violated - fought, fought, indeterminate + pending))
        {
            StrictVerdict = PairRules.Strict(fulfilled, violated - fought, fought, indeterminate + pending),
        };
    }
}
