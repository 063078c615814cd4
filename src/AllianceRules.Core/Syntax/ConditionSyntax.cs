using AllianceRules.Text;

namespace AllianceRules.Syntax;

public abstract record ConditionSyntax(TextSpan Span) : SyntaxNode(Span);

internal sealed record OrConditionSyntax(ConditionSyntax Left, ConditionSyntax Right, TextSpan Span) : ConditionSyntax(Span);

internal sealed record AndConditionSyntax(ConditionSyntax Left, ConditionSyntax Right, TextSpan Span) : ConditionSyntax(Span);

internal sealed record NotConditionSyntax(ConditionSyntax Operand, TextSpan Span) : ConditionSyntax(Span);

/// <summary><c>term is [not] member [of CODE]</c>, or with <see cref="Frozen"/>, <c>term is [not] frozen [of CODE]</c>.</summary>
internal sealed record MembershipConditionSyntax(TermSyntax Term, bool Negated, Identifier? Treaty, TextSpan Span, bool Frozen = false) : ConditionSyntax(Span);

/// <summary><c>term = term</c> or <c>term != term</c>.</summary>
internal sealed record EqualityConditionSyntax(TermSyntax Left, TermSyntax Right, bool NotEqual, TextSpan Span) : ConditionSyntax(Span);

/// <summary><c>term [not] in [a, b]</c>.</summary>
internal sealed record InConditionSyntax(TermSyntax Term, bool Negated, IReadOnlyList<TermSyntax> Items, TextSpan Span) : ConditionSyntax(Span);

/// <summary><c>reading NAME is [not] OPTION</c>: a test of the interpretation in force, not of the event.</summary>
internal sealed record ReadingConditionSyntax(ReadingTestSyntax Test, TextSpan Span) : ConditionSyntax(Span);

/// <summary><c>there was PATTERN within D [strictly] before</c>; <see cref="Strictly"/> leaves out the trigger's own date.</summary>
public sealed record ThereWasConditionSyntax(PatternSyntax Pattern, WindowSyntax Window, bool Strictly, TextSpan Span) : ConditionSyntax(Span);
