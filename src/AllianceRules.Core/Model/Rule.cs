using System.Collections.Immutable;
using AllianceRules.Text;

namespace AllianceRules.Model;

/// <summary>
/// A validated rule. Exactly one of <see cref="Obligation"/> (a <c>when ... then</c> rule) and a
/// forbid (<see cref="IsForbid"/>) is set. Several <c>unless</c> or <c>until</c> are alternatives.
/// </summary>
public sealed record Rule(
    string Treaty,
    string Id,
    string Title,
    RuleKind Kind,
    string? Cites,
    string? Quote,
    DateRange? Effective,
    Pattern Trigger,
    Condition? Where,
    Obligation? Obligation,
    ImmutableArray<Condition> Unless,
    ImmutableArray<Pattern> Until,
    ImmutableArray<string> Variables,
    SourceRef Location)
{
    public string QualifiedId => $"{Treaty}.{Id}";

    public bool IsForbid => Obligation is null;
}
