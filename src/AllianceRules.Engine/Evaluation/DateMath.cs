using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// Date arithmetic that saturates at the ends of NodaTime's calendar instead of throwing: a window
/// reaching past 9999-12-31 simply never closes within any history.
/// </summary>
public static class DateMath
{
    private static readonly LocalDate Earliest = LocalDate.MinIsoValue;
    private static readonly LocalDate Latest = LocalDate.MaxIsoValue;

    public static LocalDate Plus(LocalDate date, Period period)
    {
        try
        {
            return date.Plus(period);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return Latest;
        }
    }

    public static LocalDate Minus(LocalDate date, Period period)
    {
        try
        {
            return date.Minus(period);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return Earliest;
        }
    }

    /// <summary>
    /// <paramref name="date"/> plus <paramref name="times"/> periods, counted from the date itself
    /// so months never drift (31 January, 30 April, 31 July ...); null past the calendar's end,
    /// where no further period starts.
    /// </summary>
    public static LocalDate? PlusTimes(LocalDate date, Period period, int times)
    {
        try
        {
            var scaled = new PeriodBuilder
            {
                Years = checked(period.Years * times),
                Months = checked(period.Months * times),
                Weeks = checked(period.Weeks * times),
                Days = checked(period.Days * times),
            }.Build();
            return date.Plus(scaled);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public static LocalDate PreviousDay(LocalDate date) => date == Earliest ? Earliest : date.PlusDays(-1);

    public static LocalDate NextDay(LocalDate date) => date == Latest ? Latest : date.PlusDays(1);
}
