using AllianceRules.Text;

namespace AllianceRules.Syntax;

/// <summary>A party code, a variable or the wildcard <c>_</c>.</summary>
public abstract record TermSyntax(TextSpan Span) : SyntaxNode(Span);

internal sealed record CodeTermSyntax(string Code, TextSpan Span) : TermSyntax(Span)
{
    public override string ToString() => Code;
}

/// <summary>A variable; <see cref="Name"/> is without the <c>$</c>.</summary>
public sealed record VariableTermSyntax(string Name, TextSpan Span) : TermSyntax(Span)
{
    public override string ToString() => "$" + Name;
}

/// <summary><c>@name</c>: the value of an attribute of the triggering event (conditions only).</summary>
internal sealed record AttributeTermSyntax(string Name, TextSpan Span) : TermSyntax(Span)
{
    public override string ToString() => "@" + Name;
}

internal sealed record WildcardTermSyntax(TextSpan Span) : TermSyntax(Span)
{
    public override string ToString() => "_";
}

/// <summary>One test of an attribute in a pattern's brackets: <c>name=value</c>, <c>name=@attr</c>, <c>name in [...]</c> or <c>name=_</c>.</summary>
public abstract record AttributeTestSyntax(Identifier Name, TextSpan Span) : SyntaxNode(Span);

/// <summary>
/// An attribute constraint <c>name=value</c> (and an event's attribute); the value is kept as text
/// (rule 5.1.8). With <see cref="FromTrigger"/> it was written <c>name=@value</c>: the triggering
/// event's attribute <see cref="Value"/>, allowed in an obligation and in <c>until</c> and <c>before</c> patterns.
/// </summary>
public sealed record AttributeSyntax(Identifier Name, string Value, TextSpan Span, bool FromTrigger = false) : AttributeTestSyntax(Name, Span);

/// <summary><c>name in [v1, v2]</c>: the attribute has one of the values.</summary>
internal sealed record AttributeInSyntax(Identifier Name, IReadOnlyList<AttributeValueSyntax> Values, TextSpan Span) : AttributeTestSyntax(Name, Span);

/// <summary><c>name=_</c>: the attribute is present, with any value.</summary>
internal sealed record AttributePresentSyntax(Identifier Name, TextSpan Span) : AttributeTestSyntax(Name, Span);

/// <summary>A value of an <c>in [...]</c> list; <see cref="FromTrigger"/> when written <c>@name</c>, which validation refuses (AR3036).</summary>
internal sealed record AttributeValueSyntax(string Value, bool FromTrigger, TextSpan Span) : SyntaxNode(Span);

/// <summary><c>actor verb target [attrs]</c>.</summary>
public sealed record PatternSyntax(
    TermSyntax Actor,
    Identifier Verb,
    TermSyntax Target,
    IReadOnlyList<AttributeTestSyntax> Attributes,
    TextSpan Span) : SyntaxNode(Span);

/// <summary><c>within 30 days</c> or <c>within prompt</c>.</summary>
public abstract record WindowSyntax(TextSpan Span) : SyntaxNode(Span);

internal sealed record PeriodWindowSyntax(PeriodSyntax Period, TextSpan Span) : WindowSyntax(Span);

internal sealed record NamedWindowSyntax(Identifier Name, TextSpan Span) : WindowSyntax(Span);

/// <summary><c>before PATTERN</c>: the window ends on the date of the first event matching the pattern (such as the end of a war).</summary>
internal sealed record BeforeWindowSyntax(PatternSyntax Pattern, TextSpan Span) : WindowSyntax(Span);
