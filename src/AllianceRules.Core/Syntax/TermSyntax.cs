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

/// <summary>
/// An attribute constraint <c>name=value</c>; the value is kept as text (rule 5.1.8). With
/// <see cref="FromTrigger"/> it was written <c>name=@value</c>: the triggering event's attribute
/// <see cref="Value"/>, allowed in an obligation and in <c>until</c> and <c>before</c> patterns.
/// </summary>
public sealed record AttributeSyntax(Identifier Name, string Value, TextSpan Span, bool FromTrigger = false) : SyntaxNode(Span);

/// <summary><c>actor verb target [attrs]</c>.</summary>
public sealed record PatternSyntax(
    TermSyntax Actor,
    Identifier Verb,
    TermSyntax Target,
    IReadOnlyList<AttributeSyntax> Attributes,
    TextSpan Span) : SyntaxNode(Span);

/// <summary><c>within 30 days</c> or <c>within prompt</c>.</summary>
public abstract record WindowSyntax(TextSpan Span) : SyntaxNode(Span);

internal sealed record PeriodWindowSyntax(PeriodSyntax Period, TextSpan Span) : WindowSyntax(Span);

internal sealed record NamedWindowSyntax(Identifier Name, TextSpan Span) : WindowSyntax(Span);

/// <summary><c>before PATTERN</c>: the window ends on the date of the first event matching the pattern (such as the end of a war).</summary>
internal sealed record BeforeWindowSyntax(PatternSyntax Pattern, TextSpan Span) : WindowSyntax(Span);
