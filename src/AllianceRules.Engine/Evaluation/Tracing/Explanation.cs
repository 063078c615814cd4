using System.Collections.Immutable;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation.Tracing;

/// <summary>
/// How the engine reached one instance's status, as it recorded it while evaluating (issue #4,
/// language.md "Explanations"): the steps a person follows from trigger to verdict.
/// </summary>
public sealed record Explanation(
    InstanceResult Instance,
    Treaty Treaty,
    ImmutableArray<RuleVersion> Versions,
    ImmutableArray<TriggerTrace> Triggers,
    PeriodTrace? Period,
    ImmutableArray<PartyNote> Parties,
    WindowNote Window,
    ImmutableArray<CandidateNote> Candidates);

/// <summary>A rule of the same treaty that encodes the same article (same <c>cites</c>), and whether it was in force on the trigger's date.</summary>
public sealed record RuleVersion(Rule Rule, bool InForce);

/// <summary>One event that matched the rule's <c>when</c> pattern, and the conditions judged for it, in the order the engine judged them.</summary>
public sealed record TriggerTrace(Event Event, ImmutableArray<ConditionNote> Conditions);

/// <summary>A calendar duty's period: why it was judged at all.</summary>
public sealed record PeriodTrace(LocalDate Start, LocalDate Deadline, DateRange Observed);

/// <summary>An atom of a condition with the value the engine found, and what that value rests on.</summary>
public sealed record ConditionNote(string Clause, string Condition, bool Holds, string Detail);

/// <summary>A party the rule's subject could name, and whether (and why) it was obligated by this instance's trigger.</summary>
public sealed record PartyNote(string Party, PartyVerdict Verdict, string Why);

public enum PartyVerdict
{
    Obligated,
    Excused,
    Excepted,
    NotAMember,

    /// <summary>A member the subject names, not excepted: whatever it owed is its own instance.</summary>
    OwnInstance,
}

/// <summary>The window: its dates, and the period it came from (a written one, or an assumption, overridden or not).</summary>
public sealed record WindowNote(LocalDate From, LocalDate? Deadline, Period? Period, string? Assumption, bool Overridden, Period? Declared, string? Note)
{
    /// <summary>For a <c>before</c> window, its pattern as written: the window closes with the first such event.</summary>
    public string? Before { get; init; }
}

/// <summary>An event the engine looked at as the obligation's action (or its discharge), and what it made of it.</summary>
public sealed record CandidateNote(Event Event, CandidateVerdict Verdict, string Why);

public enum CandidateVerdict
{
    /// <summary>The event that decided the instance.</summary>
    Decisive,
    OwnTrigger,
    WrongActor,
    WrongTarget,
    WrongAttributes,
    BeforeWindow,
    AfterWindow,
    AfterDecision,
    AfterHorizon,
}
