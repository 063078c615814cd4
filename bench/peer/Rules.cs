using NodaTime;
using NRules.Fluent.Dsl;
using static AllianceRules.Bench.Peer.PeerTreaty;

namespace AllianceRules.Bench.Peer;

// bench/peer.treaty in NRules. Each rule below names the clause of the treaty file it encodes;
// bench/README.md explains the encoding. Facts: PeerEvent (the history), Membership (the members
// block), Horizon; the rules derive Casus, Duty, Instance and VerdictFact. Derived facts are
// yielded (linked to the activation that made them), so NRules retracts them when their conditions
// stop holding: that is what makes the coalescing rule below order-independent.

/// <summary>A verdict as a fact. A class, so that two equal verdicts (two identical attacks) stay two facts.</summary>
public sealed class VerdictFact(PeerVerdict verdict)
{
    public PeerVerdict Verdict { get; } = verdict;
}

/// <summary><c>forbid $a attack $b where $a is member and $b is member</c>: each such attack is one violation by its actor.</summary>
[Name(NonAggression)]
public sealed class NonAggressionRule : Rule
{
    public override void Define()
    {
        PeerEvent attack = null!;
        Membership actor = null!;
        Membership target = null!;
        When()
            .Match(() => attack, e => e.Verb == Attack)
            .Match(() => actor, m => m.Party == attack.Actor, m => m.Contains(attack.Day))
            .Match(() => target, m => m.Party == attack.Target, m => m.Contains(attack.Day));
        Then()
            .Yield(_ => new VerdictFact(new PeerVerdict(NonAggression, attack.Actor, attack.Date, PeerStatus.Violated)));
    }
}

/// <summary>
/// <c>when $victim request CSTO where $victim is member and there was $aggressor attack $victim
/// within lookback before and $aggressor is not member</c>: one <see cref="Casus"/> per request and
/// qualifying attack. Membership is judged on the request's date; "within 30 days before" is
/// [t − 30, t], the request's own day included.
/// </summary>
/// <remarks>
/// The attack comes first, narrowed at once to attacks on a party of the treaty (on any date): NRules
/// joins by testing every pair of partial match and fact (it has no hash joins, NRules issue #201),
/// so the most selective patterns go first, as in any Rete rule. The conjunction is the same.
/// </remarks>
[Name(Defence + ": casus foederis")]
public sealed class CasusFoederisRule : Rule
{
    public override void Define()
    {
        PeerEvent attack = null!;
        PeerEvent request = null!;
        Membership victim = null!;
        When()
            .Match(() => attack, e => e.Verb == Attack)
            .Exists<Membership>(m => m.Party == attack.Target)
            .Match(() => request, e => e.Verb == Request, e => e.Target == Csto, e => e.Actor == attack.Target,
                e => attack.Day >= e.Day - Lookback, e => attack.Day <= e.Day)
            .Match(() => victim, m => m.Party == request.Actor, m => m.Contains(request.Day))
            .Not<Membership>(m => m.Party == attack.Actor, m => m.Contains(request.Day));
        Then()
            .Yield(_ => new Casus(request, attack));
    }
}

/// <summary>
/// Assistance between two parties of the treaty (on any dates): the only assistance that can fulfil
/// a duty, since duties bind members towards members. Derived once, so that the instance rule's
/// query searches these few facts rather than every assistance of the history.
/// </summary>
[Name(Defence + ": assistance among parties")]
public sealed class PartyAssistRule : Rule
{
    public override void Define()
    {
        PeerEvent assist = null!;
        When()
            .Match(() => assist, e => e.Verb == Assist)
            .Exists<Membership>(m => m.Party == assist.Actor)
            .Exists<Membership>(m => m.Party == assist.Target);
        Then()
            .Yield(_ => new PartyAssist(assist));
    }
}

/// <summary>
/// <c>then each member $ally except $victim must assist $victim</c>: one <see cref="Duty"/> per
/// member on the trigger date other than the victim. The casus of one victim on one day are
/// grouped first, so several requests (or attacks) on one day give one duty per ally (rule 5.1.1).
/// </summary>
[Name(Defence + ": duties")]
public sealed class DutyRule : Rule
{
    public override void Define()
    {
        IGrouping<Invocation, Casus> invocation = null!;
        Membership ally = null!;
        When()
            .Query(() => invocation, q => q.Match<Casus>().GroupBy(c => new Invocation(c.Victim, c.Day)))
            .Match(() => ally, m => m.Party != invocation.Key.Victim, m => m.Contains(invocation.Key.Day));
        Then()
            .Yield(_ => new Duty(ally.Party, invocation.Key.Victim, invocation.Key.Day));
    }
}

/// <summary>
/// Coalescing and the window (language.md §5): a duty opens an instance unless an earlier instance
/// with the same key (rule, party, victim) is still open on its date, i.e. the duty falls inside that
/// instance's window and no assistance dated strictly before it has fulfilled it. The instance's
/// window is [t, t + immediately]; it is fulfilled by the first <c>party assist victim</c> in it.
/// </summary>
[Name(Defence + ": instances")]
public sealed class InstanceRule : Rule
{
    public override void Define()
    {
        Duty duty = null!;
        IEnumerable<PartyAssist> assists = null!;
        When()
            .Match(() => duty)
            .Not<Instance>(i => i.Party == duty.Party, i => i.Victim == duty.Victim,
                i => i.Day < duty.Day, i => duty.Day <= i.Deadline,
                i => i.FulfilledDay == null || i.FulfilledDay >= duty.Day)
            .Query(() => assists, q => q.Match<PartyAssist>(a => a.Actor == duty.Party,
                    a => a.Target == duty.Victim, a => a.Day >= duty.Day, a => a.Day <= duty.Day + Immediately)
                .Collect());
        Then()
            .Yield(_ => Open(duty, assists));
    }

    private static Instance Open(Duty duty, IEnumerable<PartyAssist> assists)
    {
        int? first = null;
        foreach (var a in assists)
        {
            if (first is not { } f || a.Day < f) first = a.Day;
        }
        return new Instance(duty, duty.Day + Immediately, first);
    }
}

/// <summary>Fulfilled: an assistance was dated in the window.</summary>
[Name(Defence + ": fulfilled")]
public sealed class FulfilledRule : Rule
{
    public override void Define()
    {
        Instance instance = null!;
        When()
            .Match(() => instance, i => i.FulfilledDay != null);
        Then()
            .Yield(_ => Verdict(instance, PeerStatus.Fulfilled));
    }

    internal static VerdictFact Verdict(Instance i, PeerStatus status) =>
        new(new PeerVerdict(Defence, i.Party, LocalDate.FromDateOnly(DateOnly.FromDayNumber(i.Day)), status));
}

/// <summary>Violated: none in the window, and the horizon is after the deadline.</summary>
[Name(Defence + ": violated")]
public sealed class ViolatedRule : Rule
{
    public override void Define()
    {
        Instance instance = null!;
        Horizon horizon = null!;
        When()
            .Match(() => instance, i => i.FulfilledDay == null)
            .Match(() => horizon, h => instance.Deadline < h.Day);
        Then()
            .Yield(_ => FulfilledRule.Verdict(instance, PeerStatus.Violated));
    }
}

/// <summary>Pending: none yet, and the window is still open on the horizon.</summary>
[Name(Defence + ": pending")]
public sealed class PendingRule : Rule
{
    public override void Define()
    {
        Instance instance = null!;
        Horizon horizon = null!;
        When()
            .Match(() => instance, i => i.FulfilledDay == null)
            .Match(() => horizon, h => instance.Deadline >= h.Day);
        Then()
            .Yield(_ => FulfilledRule.Verdict(instance, PeerStatus.Pending));
    }
}
