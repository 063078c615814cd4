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

public enum PeriodUnit
{
    Day,
    Week,
    Month,
    Year,
}

/// <summary>
/// The units of a period as rule files, .test files and the command line write them
/// (language.md §2): singular or plural.
/// </summary>
public static class PeriodWords
{
    public static readonly string[] Words = ["day", "days", "week", "weeks", "month", "months", "year", "years"];

    /// <summary>The unit a word names, or null when it names none.</summary>
    public static PeriodUnit? Of(string word) => Words.Contains(word) ? word.TrimEnd('s') switch
    {
        "day" => PeriodUnit.Day,
        "week" => PeriodUnit.Week,
        "month" => PeriodUnit.Month,
        _ => PeriodUnit.Year,
    } : null;

    public static NodaTime.Period Period(int amount, PeriodUnit unit) => unit switch
    {
        PeriodUnit.Day => NodaTime.Period.FromDays(amount),
        PeriodUnit.Week => NodaTime.Period.FromWeeks(amount),
        PeriodUnit.Month => NodaTime.Period.FromMonths(amount),
        _ => NodaTime.Period.FromYears(amount),
    };
}

/// <summary>
/// <c>FROM .. [TO]</c>: from the first date up to but not including the second. In a members
/// block an interval may end with <c>frozen</c>: a membership in force whose participation is frozen.
/// </summary>
internal sealed record IntervalSyntax(DateSyntax From, DateSyntax? To, TextSpan Span, bool Frozen = false) : SyntaxNode(Span);
