using AllianceRules.Text;

namespace AllianceRules.Syntax;

/// <summary>A rule; <see cref="Recovered"/> is true when a broken item was skipped, so "missing" checks would only repeat that error.</summary>
public sealed record RuleSyntax(Identifier Id, StringLiteral Title, IReadOnlyList<RuleItemSyntax> Items, bool Recovered, TextSpan Span) : TreatyItemSyntax(Span);

public abstract record RuleItemSyntax(TextSpan Span) : SyntaxNode(Span);

internal sealed record KindSyntax(Identifier Kind, TextSpan Span) : RuleItemSyntax(Span);

internal sealed record CitesSyntax(StringLiteral Text, TextSpan Span) : RuleItemSyntax(Span);

internal sealed record QuoteSyntax(StringLiteral Text, TextSpan Span) : RuleItemSyntax(Span);

internal sealed record EffectiveSyntax(IntervalSyntax Interval, TextSpan Span) : RuleItemSyntax(Span);

/// <summary>
/// <c>if reading NAME is [not] OPTION</c> as an item of a rule: the rule is in the treaty only under
/// that option, so two versions of one article may share an id under options that exclude each other.
/// </summary>
internal sealed record RuleGateSyntax(ReadingTestSyntax Test, TextSpan Span) : RuleItemSyntax(Span);

internal sealed record WhenThenSyntax(PatternSyntax When, ConditionSyntax? Where, ObligationSyntax Then, TextSpan Span) : RuleItemSyntax(Span);

/// <summary>
/// <c>every D [from DATE] then obligation</c>: a calendar duty. The periods start on DATE and
/// every D after it; each one obliges afresh, with no trigger event.
/// </summary>
internal sealed record EveryThenSyntax(WindowSyntax Period, DateSyntax? From, ObligationSyntax Then, TextSpan Span) : RuleItemSyntax(Span);

internal sealed record ForbidSyntax(PatternSyntax Pattern, ConditionSyntax? Where, TextSpan Span) : RuleItemSyntax(Span);

internal sealed record UnlessSyntax(ConditionSyntax Condition, TextSpan Span) : RuleItemSyntax(Span);

internal sealed record UntilSyntax(PatternSyntax Pattern, TextSpan Span) : RuleItemSyntax(Span);

/// <summary><c>judgment "why"</c>: the rule's coding needs an analyst's judgment, so its verdicts are reported as indeterminate.</summary>
internal sealed record JudgmentSyntax(StringLiteral Text, TextSpan Span) : RuleItemSyntax(Span);

/// <summary>
/// <c>subject must [not] verb target [attrs] within D [through ORG, ...]</c>. <see cref="Through"/>
/// names organisations whose act counts as the obligated party's own (collective performance).
/// <see cref="Window"/> is null only in a calendar duty, where it defaults to the period.
/// </summary>
public sealed record ObligationSyntax(
    SubjectSyntax Subject,
    bool Negated,
    Identifier Verb,
    TermSyntax Target,
    IReadOnlyList<AttributeTestSyntax> Attributes,
    WindowSyntax? Window,
    IReadOnlyList<Identifier> Through,
    TextSpan Span) : SyntaxNode(Span);

public abstract record SubjectSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary>A single obligated party: a code or a variable.</summary>
internal sealed record PartySubjectSyntax(TermSyntax Party, TextSpan Span) : SubjectSyntax(Span);

/// <summary><c>each member $x [except a, b]</c>.</summary>
internal sealed record EachMemberSubjectSyntax(VariableTermSyntax Variable, IReadOnlyList<TermSyntax> Except, TextSpan Span) : SubjectSyntax(Span);

/// <summary>The clause of a rule: <c>when ... then</c>, <c>every ... then</c> or <c>forbid</c>.</summary>
internal static class RuleClauses
{
    public static bool IsClause(RuleItemSyntax item) => item is WhenThenSyntax or EveryThenSyntax or ForbidSyntax;

    public static RuleItemSyntax? First(RuleSyntax rule) => rule.Items.FirstOrDefault(IsClause);

    /// <summary>The keyword that starts a clause.</summary>
    public static string Keyword(RuleItemSyntax clause) => clause switch
    {
        ForbidSyntax => "forbid",
        EveryThenSyntax => "every",
        _ => "when",
    };

    public static ObligationSyntax? Obligation(RuleItemSyntax? clause) => clause switch
    {
        WhenThenSyntax w => w.Then,
        EveryThenSyntax e => e.Then,
        _ => null,
    };

    /// <summary>The condition an item holds: a clause's <c>where</c>, or an <c>unless</c>.</summary>
    public static ConditionSyntax? Condition(RuleItemSyntax item) => item switch
    {
        WhenThenSyntax w => w.Where,
        ForbidSyntax f => f.Where,
        UnlessSyntax u => u.Condition,
        _ => null,
    };

    /// <summary>Every condition of a rule: its <c>where</c> and its <c>unless</c>es.</summary>
    public static IEnumerable<ConditionSyntax> Conditions(RuleSyntax rule) => rule.Items.Select(Condition).OfType<ConditionSyntax>();

    public static (PatternSyntax? Pattern, ConditionSyntax? Where) Trigger(RuleItemSyntax? clause) => clause switch
    {
        WhenThenSyntax w => (w.When, w.Where),
        ForbidSyntax f => (f.Pattern, f.Where),
        _ => (null, null),
    };
}
