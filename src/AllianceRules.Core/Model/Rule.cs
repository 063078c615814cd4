using System.Collections.Immutable;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Model;

/// <summary>
/// A validated rule: a <c>when ... then</c> rule (<see cref="Trigger"/> and <see cref="Obligation"/>),
/// a forbid (<see cref="Trigger"/> only), or a calendar duty (<see cref="Every"/> and
/// <see cref="Obligation"/>). Several <c>unless</c> or <c>until</c> are alternatives.
/// </summary>
public sealed record Rule(
    string Treaty,
    string Id,
    string Title,
    RuleKind Kind,
    string? Cites,
    string? Quote,
    DateRange? Effective,
    Pattern? Trigger,
    Condition? Where,
    Obligation? Obligation,
    ImmutableArray<Condition> Unless,
    ImmutableArray<Pattern> Until,
    ImmutableArray<string> Variables,
    SourceRef Location,
    CalendarDuty? Every = null,
    string? Judgment = null)
{
    public string QualifiedId => $"{Treaty}.{Id}";

    /// <summary>The rule's <c>if reading ...</c> items: it is in the treaty only under options where all hold (<see cref="Model.Treaty.WithChoices"/>).</summary>
    public ImmutableArray<ReadingTest> Gates { get; init; } = [];

    public bool IsForbid => Obligation is null;

    public bool IsCalendarDuty => Every is not null;

    /// <summary>Every <c>there was</c> in the rule, wherever it stands.</summary>
    public IEnumerable<ThereWasCondition> AllThereWas() =>
        (Where is null ? Unless : Unless.Prepend(Where)).SelectMany(Condition.ThereWasIn);

    /// <summary>
    /// The verbs whose events can matter to this rule: its trigger, its action, its <c>until</c>s, the
    /// end of a <c>before</c> window and its <c>there was</c>s. Events of other verbs need not be kept whole, or walked.
    /// </summary>
    public IEnumerable<string> VerbsUsed()
    {
        if (Trigger is { } trigger) yield return trigger.Verb;
        if (Obligation is { } obligation) yield return obligation.Verb;
        foreach (var until in Until) yield return until.Verb;
        if (Obligation?.Window is BeforeWindow before) yield return before.Pattern.Verb;
        foreach (var thereWas in AllThereWas()) yield return thereWas.Pattern.Verb;
    }
}

/// <summary><c>every Period from Start</c>: periods start on <see cref="Start"/> and every <see cref="Period"/> after it.</summary>
public sealed record CalendarDuty(Window Period, LocalDate Start);
