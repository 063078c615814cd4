using System.Collections.Immutable;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Reporting.Study;

/// <summary>A number of pairs for one reason.</summary>
public sealed record CoverageCount(string Reason, int Count);

/// <summary>A pair of the universe that was not invoked, and why.</summary>
public sealed record UninvokedPair(string Treaty, string War, string Reason);

/// <summary>
/// How much of a fixed universe the study judges. The universe is every (alliance, war) pair in
/// which at least one member of the alliance fought in the war on a day it was a member
/// (<see cref="WarParticipation"/>, the treaty's member intervals in force): the rules cannot
/// shrink it. Of it: the pairs invoked (some obligation other than consultation was fulfilled,
/// violated, or waits), the others by the first reason that holds (<see cref="Reasons"/>); of the
/// invoked, those decided under each pair rule and the others by what they wait for.
/// </summary>
public sealed record StudyCoverage(
    int Universe,
    int Invoked,
    ImmutableArray<CoverageCount> NotInvoked,
    int DecidedStrict,
    int DecidedLenient,
    ImmutableArray<CoverageCount> UndecidedStrict,
    ImmutableArray<CoverageCount> UndecidedLenient,
    int InvokedOutside)
{
    /// <summary>Each pair of the universe not invoked, by war, then treaty (ordinal order).</summary>
    public ImmutableArray<UninvokedPair> NotInvokedPairs { get; init; } = [];

    /// <summary>Why a pair of the universe was not invoked, in the order they are tried.</summary>
    public static readonly ImmutableArray<string> Reasons =
    [
        "the alliance makes no promise for war (consultation only)",
        "its instances were all excused or discharged",
        "the alliance promises only non-aggression, which only members fighting each other invoke",
        "no member attacked by a non-member: members only attacked, and no offence promise",
        "no member attacked by or attacking a non-member",
        "a member attacked or attacking, but no rule's conditions held",
    ];

    /// <summary>What an invoked pair that is not decided waits for.</summary>
    public static readonly ImmutableArray<string> Waits = ["judgment", "pending"];

    internal static StudyCoverage Of(RuleSet rules, WarParticipation wars, ImmutableArray<StudyPair> pairs)
    {
        var byKey = pairs.ToDictionary(p => (p.Treaty, p.War));
        var notInvoked = new int[Reasons.Length];
        var uninvoked = ImmutableArray.CreateBuilder<UninvokedPair>();
        var invoked = new List<StudyPair>();
        var universe = new HashSet<(string, string)>();
        foreach (var war in wars.Wars)
        {
            var fights = war.ToList();
            foreach (var treaty in rules.Treaties)
            {
                if (!treaty.Members.Any(m => WarParticipation.Fought(fights, m.Key).Any(d => Overlaps(m.Value, d.From, d.Last)))) continue;
                universe.Add((treaty.Code, war.Key));
                var pair = byKey.GetValueOrDefault((treaty.Code, war.Key));
                if (pair is not null && pair.Verdict != PairVerdict.NotInvoked) invoked.Add(pair);
                else
                {
                    var reason = Reason(treaty, fights, pair);
                    notInvoked[reason]++;
                    uninvoked.Add(new UninvokedPair(treaty.Code, war.Key, Reasons[reason]));
                }
            }
        }
        return new StudyCoverage(
            universe.Count,
            invoked.Count,
            [.. Reasons.Select((r, i) => new CoverageCount(r, notInvoked[i]))],
            invoked.Count(p => PairRules.Decided(p.StrictVerdict)),
            invoked.Count(p => PairRules.Decided(p.Verdict)),
            Undecided(invoked, p => p.StrictVerdict),
            Undecided(invoked, p => p.Verdict),
            pairs.Count(p => p.Verdict != PairVerdict.NotInvoked && !universe.Contains((p.Treaty, p.War))))
        {
            NotInvokedPairs = [.. uninvoked.OrderBy(p => p.War, StringComparer.Ordinal).ThenBy(p => p.Treaty, StringComparer.Ordinal)],
        };
    }

    private static ImmutableArray<CoverageCount> Undecided(List<StudyPair> invoked, Func<StudyPair, PairVerdict> verdict)
    {
        var open = invoked.Where(p => verdict(p) == PairVerdict.Undecided).ToList();
        var judgment = open.Count(p => p.Indeterminate > 0);
        return [new CoverageCount(Waits[0], judgment), new CoverageCount(Waits[1], open.Count - judgment)];
    }

    /// <summary>The index in <see cref="Reasons"/> of why a pair of the universe was not invoked.</summary>
    private static int Reason(Treaty treaty, List<WarParticipation.Fight> fights, StudyPair? pair)
    {
        var kinds = treaty.Rules.Select(r => r.Kind).ToHashSet();
        if (!kinds.Overlaps(ReliabilityStudy.WarKinds)) return 0;
        if (pair is not null) return 1;
        if (!kinds.Overlaps([RuleKind.Defense, RuleKind.Offense, RuleKind.Neutrality])) return 2;
        var attacks = fights.Where(f => f.Verb == WarParticipation.Attack).ToList();
        var attacked = attacks.Any(f => Crosses(treaty, f.Target, f.Actor, f.From, f.Last));
        var attacking = attacks.Any(f => Crosses(treaty, f.Actor, f.Target, f.From, f.Last));
        var offence = kinds.Contains(RuleKind.Offense);
        if (!attacked && attacking && !offence) return 3;
        if (!attacked && !attacking) return 4;
        return 5;
    }

    /// <summary>
    /// Whether <paramref name="member"/> was a member, and <paramref name="other"/> was not, on the
    /// first day of the fight on which <paramref name="member"/> was a member.
    /// </summary>
    private static bool Crosses(Treaty treaty, string member, string other, LocalDate from, LocalDate last)
    {
        if (!treaty.Members.TryGetValue(member, out var ranges)) return false;
        foreach (var range in ranges.Where(r => Overlaps([r], from, last)))
        {
            var day = range.Start > from ? range.Start : from;
            if (!(treaty.Members.TryGetValue(other, out var others) && others.Any(o => o.Contains(day)))) return true;
        }
        return false;
    }

    private static bool Overlaps(ImmutableArray<DateRange> ranges, LocalDate from, LocalDate last) =>
        ranges.Any(r => r.Meets(from, last));
}
