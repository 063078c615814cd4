using System.Collections.Immutable;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// The key of rule 5.1.3: rule, obligated party and the action required. The action's verb and
/// written attribute values are fixed by the rule, so its target's value (<c>_</c> for any)
/// completes it, with <see cref="Context"/>: the values of the trigger's attributes the rule reads.
/// </summary>
internal readonly record struct InstanceKey(CompiledRule Rule, string Party, string Target, string Context = "");

internal enum ActionMatch
{
    Match,
    WrongVerb,
    WrongActor,
    WrongTarget,
    WrongAttributes,
}

/// <summary>An obligation instance while the evaluator runs; it becomes an <see cref="InstanceResult"/> at the end.</summary>
internal sealed class OpenInstance(InstanceKey key, Bindings bindings, LocalDate triggeredOn, LocalDate? deadline, Event? opener = null)
{
    /// <summary>The action's attributes, with those read from the trigger resolved.</summary>
    public ImmutableArray<AttributeTest> ActionAttributes { get; } =
        key.Rule.Rule.Obligation is { } o ? TriggerAttributes.Resolve(o.Attributes, opener) : [];

    /// <summary>The <c>until</c> patterns, resolved against the trigger.</summary>
    public ImmutableArray<Pattern> Until { get; } = key.Rule.Rule.Until.Any(u => u.UsesTrigger)
        ? [.. key.Rule.Rule.Until.Select(u => TriggerAttributes.Resolve(u, opener))]
        : key.Rule.Rule.Until;

    /// <summary>The pattern of a <c>before</c> window, resolved against the trigger; null for other windows.</summary>
    public Pattern? EndPattern { get; } = key.Rule.EndPattern is { } end ? TriggerAttributes.Resolve(end, opener) : null;

    /// <summary>The event that closed a <c>before</c> window.</summary>
    public Event? End { get; private set; }

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
        return PatternMatcher.AttributesMatch(ActionAttributes, e) ? ActionMatch.Match : ActionMatch.WrongAttributes;
    }

    public Bindings Bindings { get; } = bindings;

    public LocalDate TriggeredOn { get; } = triggeredOn;

    /// <summary>The last day of the window; for a <c>before</c> window, unknown until its event comes.</summary>
    public LocalDate? Deadline { get; private set; } = deadline;

    /// <summary>A <c>before</c> window closes: its event fixes the deadline.</summary>
    public void Close(Event end)
    {
        End = end;
        Deadline = end.Date;
    }

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

    /// <summary>For a lapsed window, the required action when it came after the deadline (the first, by date then content).</summary>
    public Event? Late { get; set; }

    /// <summary>For an excused instance, the <c>unless</c> clause that held, as written, and the events it found.</summary>
    public (string Clause, IReadOnlyList<Event> Evidence)? Excuse { get; set; }

    /// <summary>Rule 5.1.2: the events that opened an instance never decide it.</summary>
    public bool IsOwnTrigger(Event e)
    {
        // An interval event may open an instance on a later day than its own date, so the openers are counted, not dated.
        if (e.Date > TriggeredOn) return false;
        for (var i = 0; i < _openers; i++)
        {
            if (ReferenceEquals(Triggers[i], e)) return true;
        }
        return false;
    }

    private int _openers;

    /// <summary>The triggers so far opened the instance; those joined later may decide it (rule 5.1.2).</summary>
    public void SealOpeners() => _openers = Triggers.Count;
}
