using AllianceRules.Text;

namespace AllianceRules.Syntax;

/// <summary>A rule; <see cref="Recovered"/> is true when a broken item was skipped, so "missing" checks would only repeat that error.</summary>
public sealed record RuleSyntax(Identifier Id, StringLiteral Title, IReadOnlyList<RuleItemSyntax> Items, bool Recovered, TextSpan Span) : TreatyItemSyntax(Span);

public abstract record RuleItemSyntax(TextSpan Span) : SyntaxNode(Span);

public sealed record KindSyntax(Identifier Kind, TextSpan Span) : RuleItemSyntax(Span);

public sealed record CitesSyntax(StringLiteral Text, TextSpan Span) : RuleItemSyntax(Span);

public sealed record QuoteSyntax(StringLiteral Text, TextSpan Span) : RuleItemSyntax(Span);

public sealed record EffectiveSyntax(IntervalSyntax Interval, TextSpan Span) : RuleItemSyntax(Span);

public sealed record WhenThenSyntax(PatternSyntax When, ConditionSyntax? Where, ObligationSyntax Then, TextSpan Span) : RuleItemSyntax(Span);

public sealed record ForbidSyntax(PatternSyntax Pattern, ConditionSyntax? Where, TextSpan Span) : RuleItemSyntax(Span);

public sealed record UnlessSyntax(ConditionSyntax Condition, TextSpan Span) : RuleItemSyntax(Span);

public sealed record UntilSyntax(PatternSyntax Pattern, TextSpan Span) : RuleItemSyntax(Span);

/// <summary>
/// <c>subject must [not] verb target [attrs] within D [through ORG, ...]</c>. <see cref="Through"/>
/// names organisations whose act counts as the obligated party's own (collective performance).
/// </summary>
public sealed record ObligationSyntax(
    SubjectSyntax Subject,
    bool Negated,
    Identifier Verb,
    TermSyntax Target,
    IReadOnlyList<AttributeSyntax> Attributes,
    WindowSyntax Window,
    IReadOnlyList<Identifier> Through,
    TextSpan Span) : SyntaxNode(Span);

public abstract record SubjectSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary>A single obligated party: a code or a variable.</summary>
public sealed record PartySubjectSyntax(TermSyntax Party, TextSpan Span) : SubjectSyntax(Span);

/// <summary><c>each member $x [except a, b]</c>.</summary>
public sealed record EachMemberSubjectSyntax(VariableTermSyntax Variable, IReadOnlyList<TermSyntax> Except, TextSpan Span) : SubjectSyntax(Span);
