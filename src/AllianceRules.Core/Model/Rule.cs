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

    public bool IsForbid => Obligation is null;

    public bool IsCalendarDuty => Every is not null;
}

/// <summary><c>every Period from Start</c>: periods start on <see cref="Start"/> and every <see cref="Period"/> after it.</summary>
public sealed record CalendarDuty(Window Period, LocalDate Start);
