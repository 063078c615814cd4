using System.Collections.Immutable;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation.Tracing;

/// <summary>
/// What one event of a history did (issue #18, "Why not"): for each rule in force whose trigger has
/// its verb, whether it fired, and if not which part failed and why; and the instances it decided.
/// </summary>
public sealed record EventExplanation(
    Event Event,
    LocalDate? Horizon,
    ImmutableArray<RuleAttempt> Rules,
    ImmutableArray<InstanceResult> Decided,
    ImmutableArray<string> TriggerVerbs)
{
    /// <summary>Whether the event lies wholly after the horizon, so that the engine read it but did not evaluate it.</summary>
    public bool AfterHorizon => Horizon is { } h && Event.Date > h;
}

/// <summary>
/// One rule whose trigger (<c>when</c> or <c>forbid</c>) has the event's verb: each part the engine
/// checks, in the order explained, and the instances the event opened or joined.
/// </summary>
public sealed record RuleAttempt(Rule Rule, Treaty Treaty, ImmutableArray<StepNote> Steps, ImmutableArray<InstanceResult> Instances)
{
    /// <summary>Whether the event set the rule off: its pattern matched and its <c>where</c> held on a day it was in force.</summary>
    public bool Fired => Steps.Any(s => s.Step == EventStep.Where && s.Passed) || !Instances.IsEmpty;

    /// <summary>The first part that failed, for a rule that did not fire.</summary>
    public EventStep? FailedAt => Fired ? null : Steps.FirstOrDefault(s => !s.Passed && s.Judged)?.Step;
}

/// <summary>
/// One part of a rule checked against the event: its verdict and why, and for <c>where</c> the
/// atoms judged on <see cref="Date"/>, as the instance explainer shows them.
/// </summary>
public sealed record StepNote(EventStep Step, bool Passed, string Detail)
{
    /// <summary>False when the part was not judged, because an earlier one failed (then <see cref="Passed"/> is false too).</summary>
    public bool Judged { get; init; } = true;

    /// <summary>For <c>where</c>: the day judged.</summary>
    public LocalDate? Date { get; init; }

    public ImmutableArray<ConditionNote> Conditions { get; init; } = [];
}

/// <summary>The parts of a rule an event must pass to set it off, in the order an explanation lists them.</summary>
public enum EventStep
{
    /// <summary>The trigger pattern: actor, target and attributes.</summary>
    Pattern,

    /// <summary>The <c>where</c> conditions, on the day judged.</summary>
    Where,

    /// <summary>Whom the rule obliged: membership on the date, <c>except</c>.</summary>
    Parties,

    /// <summary>The rule's <c>effective</c> interval.</summary>
    Effective,

    /// <summary>The horizon: an event after it is read but not evaluated.</summary>
    Horizon,
}
