using AllianceRules.Text;

namespace AllianceRules.Syntax;

/// <summary>Something that was written, with where it was written.</summary>
public abstract record SyntaxNode(TextSpan Span);

/// <summary>A word as written: a name, a code or a keyword argument.</summary>
public sealed record Identifier(string Text, TextSpan Span) : SyntaxNode(Span)
{
    public override string ToString() => Text;
}

/// <summary>A quoted string, with its escapes resolved.</summary>
public sealed record StringLiteral(string Value, TextSpan Span) : SyntaxNode(Span);

/// <summary>A date as written; <see cref="Value"/> is null when the calendar has no such day.</summary>
public sealed record DateSyntax(string Text, NodaTime.LocalDate? Value, string? Problem, TextSpan Span) : SyntaxNode(Span);

/// <summary>An amount and a unit such as <c>30 days</c>.</summary>
public sealed record PeriodSyntax(int Amount, PeriodUnit Unit, string Text, TextSpan Span) : SyntaxNode(Span)
{
    public NodaTime.Period ToPeriod() => PeriodWords.Period(Amount, Unit);
}

/// <summary>
/// <c>FROM .. [TO]</c>: from the first date up to but not including the second. In a members
/// block an interval may end with <c>frozen</c>: a membership in force whose participation is frozen;
/// and then with <c>if reading R is OPTION</c> (<see cref="Gate"/>): a membership only under that reading.
/// </summary>
internal sealed record IntervalSyntax(DateSyntax From, DateSyntax? To, TextSpan Span, bool Frozen = false) : SyntaxNode(Span)
{
    public ReadingTestSyntax? Gate { get; init; }
}
