namespace AllianceRules.Text;

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
