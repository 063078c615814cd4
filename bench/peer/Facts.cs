using NodaTime;

namespace AllianceRules.Bench.Peer;

/// <summary>
/// One event of a history: <c>actor verb target</c> on a date. A class, not a record: NRules tells
/// facts apart by identity, and two identical lines are two events (language.md §5.1.15).
/// </summary>
public sealed class PeerEvent(LocalDate date, string actor, string verb, string target)
{
    public LocalDate Date { get; } = date;

    /// <summary>The date as a day number, for the window arithmetic of the rules.</summary>
    public int Day { get; } = date.ToDateOnly().DayNumber;

    public string Actor { get; } = actor;

    public string Verb { get; } = verb;

    public string Target { get; } = target;

    public override string ToString() => $"{Date:uuuu-MM-dd} {Actor} {Verb} {Target}";
}

/// <summary>A party's membership of the treaty: from its first day, up to but not including <see cref="ToDay"/>.</summary>
public sealed class Membership(string party, LocalDate from, LocalDate? to)
{
    public string Party { get; } = party;

    public int FromDay { get; } = from.ToDateOnly().DayNumber;

    public int ToDay { get; } = to?.ToDateOnly().DayNumber ?? int.MaxValue;

    public bool Contains(int day) => FromDay <= day && day < ToDay;
}

/// <summary>The evaluation horizon: the last date whose events are evaluated.</summary>
public sealed class Horizon(LocalDate date)
{
    public int Day { get; } = date.ToDateOnly().DayNumber;
}

/// <summary>A request to the CSTO that meets the rule's <c>where</c>, through one qualifying attack.</summary>
public sealed class Casus(PeerEvent request, PeerEvent attack)
{
    public PeerEvent Request { get; } = request;

    public PeerEvent Attack { get; } = attack;

    public string Victim => Request.Actor;

    public int Day => Request.Day;
}

/// <summary>An assistance from one party of the treaty to another.</summary>
public sealed class PartyAssist(PeerEvent assist)
{
    public PeerEvent Event { get; } = assist;

    public string Actor => Event.Actor;

    public string Target => Event.Target;

    public int Day => Event.Day;
}

/// <summary>The victim and date of a casus foederis: the requests of one victim on one day count once.</summary>
public readonly record struct Invocation(string Victim, int Day);

/// <summary>A party's duty to assist a victim, set off on a day; several may fall into one instance.</summary>
public sealed class Duty(string party, string victim, int day)
{
    public string Party { get; } = party;

    public string Victim { get; } = victim;

    public int Day { get; } = day;
}

/// <summary>
/// An obligation instance: the duty that opened it, its deadline, and the first assistance in its
/// window (null when none came by the horizon).
/// </summary>
public sealed class Instance(Duty opener, int deadline, int? fulfilledDay)
{
    public string Party => Opener.Party;

    public string Victim => Opener.Victim;

    public int Day => Opener.Day;

    public Duty Opener { get; } = opener;

    public int Deadline { get; } = deadline;

    public int? FulfilledDay { get; } = fulfilledDay;
}

public enum PeerStatus
{
    Fulfilled,
    Violated,
    Pending,
}

/// <summary>A verdict, as our report's instance gives it: rule, obligated party, trigger date, status.</summary>
public sealed record PeerVerdict(string Rule, string Party, LocalDate TriggeredOn, PeerStatus Status)
{
    public override string ToString() => $"{Rule} {Party} {TriggeredOn:uuuu-MM-dd} {Status.ToString().ToLowerInvariant()}";
}
