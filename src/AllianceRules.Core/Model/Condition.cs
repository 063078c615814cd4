using System.Collections.Immutable;

namespace AllianceRules.Model;

public abstract record Condition;

public sealed record OrCondition(Condition Left, Condition Right) : Condition;

public sealed record AndCondition(Condition Left, Condition Right) : Condition;

public sealed record NotCondition(Condition Operand) : Condition;

/// <summary>
/// <c>term is [not] member [of TREATY]</c>, or with <see cref="Frozen"/> <c>is [not] frozen</c>;
/// <see cref="Treaty"/> null means the rule's own treaty.
/// </summary>
public sealed record MembershipCondition(Term Term, bool Negated, string? Treaty, bool Frozen = false) : Condition;

public sealed record EqualityCondition(Term Left, Term Right, bool NotEqual) : Condition;

public sealed record InCondition(Term Term, bool Negated, ImmutableArray<Term> Items) : Condition;

/// <summary>
/// <c>there was PATTERN within D before</c>: another event matching the pattern in <c>[t − D, t]</c>;
/// with <see cref="Strictly"/> (<c>strictly before</c>), in <c>[t − D, t − 1]</c>.
/// </summary>
public sealed record ThereWasCondition(Pattern Pattern, Window Window, bool Strictly = false) : Condition;
