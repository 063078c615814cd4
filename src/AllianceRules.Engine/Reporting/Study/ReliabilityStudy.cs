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

/// <summary>How an alliance did in one war (or under one kind of its obligations there).</summary>
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
    PairVerdict Verdict);

/// <summary>A reliability figure over pairs, by period and overall.</summary>
public sealed record StudyRow(string Label, Tally All, Tally Before, Tally After);

/// <summary>
/// A Leeds-style reliability study over a report: instances are grouped into alliance–war pairs
/// by the trigger's <see cref="By"/> attribute (<c>war</c>), and each pair is judged as Berkemeier
/// and Fuhrmann's multilateral coding judges it: honoured when at least one obliged member
/// honoured and no member fought an ally; violated when none honoured or a member fought an
/// ally. A pair is judged on the strongest of its promises that was invoked (defence and
/// offence, then neutrality, then non-aggression). Consultation is left out, as in Leeds: it is no case of alliance performance in war.
/// Figures are given overall, by kind, and before and after <see cref="Split"/>.
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

    public static ReliabilityStudy Build(Report report, string by = "war", int split = 1945)
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

        var byKind = groups
            .SelectMany(g => g.GroupBy(i => i.Rule.Kind).Select(k => (Kind: k.Key, Unit: Pair(g.Key.Treaty, g.Key.War, k.ToList()))))
            .GroupBy(x => x.Kind)
            .OrderBy(x => x.Key)
            .Select(x => Row(x.Key.ToString().ToLowerInvariant(), x.Select(u => (u.Unit.From, u.Unit.Verdict))))
            .ToImmutableArray();
        // Each member judged as a pair is, on its own strongest promise in that war.
        var members = groups
            .SelectMany(g => g.GroupBy(i => i.Party).Select(m => Pair(g.Key.Treaty, g.Key.War, m.ToList())))
            .Select(m => (m.From, m.Verdict));
        // What the figures would be if every obligation that needs judgment were read as the engine found it.
        var asFound = counted
            .Select(i => i.WouldBe is { } found ? i with { Status = found, WouldBe = null } : i)
            .GroupBy(i => (i.Rule.Treaty, War: i.FirstTrigger!.Attributes[by]))
            .Select(g => Pair(g.Key.Treaty, g.Key.War, g.ToList()));
        return new ReliabilityStudy(
            by,
            split,
            pairs,
            [Row("all pairs", pairs.Select(p => (p.From, p.Verdict))), Row("judgment read as found", asFound.Select(p => (p.From, p.Verdict)))],
            byKind,
            Row("member commitments", members),
            consultation,
            report.Instances.Length - withAttribute.Count)
        { Readings = report.Readings };
    }

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
        // One member honouring is enough; while none has and one is undecided, the pair is undecided.
        var verdict =
            fought > 0 ? PairVerdict.Violated
            : fulfilled > 0 ? PairVerdict.Honoured
            : indeterminate + pending > 0 ? PairVerdict.Undecided
            : violated > 0 ? PairVerdict.Violated
            : PairVerdict.NotInvoked;
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
            verdict);
    }
}
