using AllianceRules.Text;

namespace AllianceRules.Syntax;

/// <summary>A <c>.test</c> file: rule writers' own regression tests (language.md "Rule tests").</summary>
public sealed record TestFileSyntax(SourceFile File, IReadOnlyList<RuleTestSyntax> Tests);

/// <summary>
/// <c>test "NAME" ... end</c>: the rule files and histories to read (paths relative to the test
/// file, or a history written inline), the horizon, assumptions and readings, and what must come out.
/// </summary>
public sealed record RuleTestSyntax(
    StringLiteral Name,
    IReadOnlyList<StringLiteral> Rules,
    IReadOnlyList<StringLiteral> Histories,
    SourceFile? InlineHistory,
    DateSyntax? AsOf,
    IReadOnlyList<TestAssumeSyntax> Assumptions,
    IReadOnlyList<ExpectationSyntax> Expectations,
    TextSpan Span) : SyntaxNode(Span)
{
    /// <summary>The <c>reading NAME=OPTION</c> lines: the options the test reads its treaties by.</summary>
    public IReadOnlyList<TestReadingSyntax> Readings { get; init; } = [];
}

public sealed record TestAssumeSyntax(Identifier Name, PeriodSyntax Period, TextSpan Span) : SyntaxNode(Span);

public sealed record TestReadingSyntax(Identifier Name, Identifier Option, TextSpan Span) : SyntaxNode(Span);

public abstract record ExpectationSyntax(string Text, TextSpan Span) : SyntaxNode(Span)
{
    /// <summary>The rule id as written (<c>CST.art4</c>, one span for both parts), for an editor; null in a summary.</summary>
    public Identifier? RuleName { get; init; }

    /// <summary>The treaty code of a summary as written, for an editor; null otherwise.</summary>
    public Identifier? TreatyName { get; init; }

    /// <summary>The party code as written, for an editor.</summary>
    public Identifier? PartyName { get; init; }
}

/// <summary><c>expect RULE PARTY DATE STATUS [decided DATE]</c>: the instance triggered on that date has that status (decided that day).</summary>
public sealed record InstanceExpectationSyntax(string Rule, string Party, DateSyntax TriggeredOn, string Status, string Text, TextSpan Span, DateSyntax? DecidedOn = null) : ExpectationSyntax(Text, Span);

/// <summary><c>expect no RULE PARTY [DATE]</c>: no such instance.</summary>
public sealed record NoInstanceExpectationSyntax(string Rule, string Party, DateSyntax? TriggeredOn, string Text, TextSpan Span) : ExpectationSyntax(Text, Span);

/// <summary>
/// <c>expect summary TREATY PARTY [KIND] MEASURE VALUE</c>: a number of the contract's summary
/// (per instance), or with a kind, of the reliability by kind (per episode).
/// </summary>
public sealed record SummaryExpectationSyntax(string Treaty, string Party, string Measure, decimal Value, string Text, TextSpan Span, string? Kind = null) : ExpectationSyntax(Text, Span);
