using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// The key of rule 5.1.3: rule, obligated party and the action required. The action's verb and
/// attribute values are fixed by the rule, so its target's value (<c>_</c> for any) completes it.
/// </summary>
internal readonly record struct InstanceKey(CompiledRule Rule, string Party, string Target);

internal enum ActionMatch
{
    Match,
    WrongVerb,
    WrongActor,
    WrongTarget,
    WrongAttributes,
}

/// <summary>An obligation instance while the evaluator runs; it becomes an <see cref="InstanceResult"/> at the end.</summary>
internal sealed class OpenInstance(InstanceKey key, Bindings bindings, LocalDate triggeredOn, LocalDate? deadline)
{
    public InstanceKey Key { get; } = key;

    public CompiledRule Rule => Key.Rule;

    public string Party => Key.Party;

    /// <summary>The value the action's target must have; <c>_</c> for any.</summary>
    public string Target => Key.Target;

    /// <summary>Whether an event is the action this instance requires (or, for <c>must not</c>, forbids).</summary>
    public bool IsAction(Event e) => MatchAction(e) == ActionMatch.Match;

    /// <summary>How an event compares with the action required: the first part that differs, or a match.</summary>
    public ActionMatch MatchAction(Event e)
    {
        var o = Rule.Rule.Obligation!;
        if (e.Verb != o.Verb) return ActionMatch.WrongVerb;
        if (e.Actor != Party && (o.Through.IsDefault || !o.Through.Contains(e.Actor))) return ActionMatch.WrongActor;
        if (Target != "_" && e.Target != Target) return ActionMatch.WrongTarget;
        return PatternMatcher.AttributesMatch(o.Attributes, e) ? ActionMatch.Match : ActionMatch.WrongAttributes;
    }

    public Bindings Bindings { get; } = bindings;

    public LocalDate TriggeredOn { get; } = triggeredOn;

    public LocalDate? Deadline { get; } = deadline;

    public List<Event> Triggers { get; } = [];

    public InstanceStatus? Status { get; private set; }

    public LocalDate? DecidedOn { get; private set; }

    public IReadOnlyList<Event> Evidence { get; private set; } = [];

    public bool IsFinal => Status is not null;

    public void Decide(InstanceStatus status, LocalDate on, IReadOnlyList<Event> evidence)
    {
        Status = status;
        DecidedOn = on;
        Evidence = evidence;
    }

    public void MarkPending() => Status = InstanceStatus.Pending;

    /// <summary>Rule 5.1.2: the events that opened an instance never decide it.</summary>
    public bool IsOwnTrigger(Event e)
    {
        if (e.Date != TriggeredOn) return false;
        foreach (var t in Triggers)
        {
            if (ReferenceEquals(t, e)) return true;
        }
        return false;
    }
}
