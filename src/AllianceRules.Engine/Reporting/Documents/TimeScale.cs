using System.Globalization;
using AllianceRules.Evaluation;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Reporting.Documents;

/// <summary>Maps dates to x between two pixel bounds, with ticks at years, months or days, as the span needs.</summary>
public sealed class TimeScale(LocalDate from, LocalDate to, double left, double right)
{
    private readonly double _days = Math.Max(1, Period.Between(from, to, PeriodUnits.Days).Days);

    /// <summary>
    /// The scale of one crisis's chart: from its first trigger to the day after the last deadline
    /// or decision (or late performance), so every window and every decision shows (the HTML report
    /// and the playground draw it alike).
    /// </summary>
    public static TimeScale Of(CrisisSection crisis, double left, double right)
    {
        var from = crisis.Instances.Min(i => i.TriggeredOn);
        var last = crisis.Instances.Select(i => LocalDate.Max(LocalDate.Max(i.Deadline ?? i.TriggeredOn, i.DecidedOn ?? i.TriggeredOn), i.Late?.Event.Date ?? i.TriggeredOn)).Max();
        return new TimeScale(from, DateMath.NextDay(last), left, right);
    }

    public double X(LocalDate d) => left + (right - left) * Math.Clamp(Period.Between(from, d, PeriodUnits.Days).Days / _days, 0, 1);

    /// <summary>About ten ticks: whole years for long spans, months for shorter, days for a window of weeks.</summary>
    public IEnumerable<LocalDate> Ticks()
    {
        Period step;
        LocalDate first;
        if (_days >= 800)
        {
            step = Period.FromYears(Math.Max(1, (int)Math.Ceiling(_days / 365 / 10)));
            first = from.Year < 9999 ? new LocalDate(from.Year + 1, 1, 1) : from;
        }
        else if (_days >= 62)
        {
            step = Period.FromMonths(Math.Max(1, (int)Math.Ceiling(_days / 30 / 10)));
            first = DateMath.Plus(new LocalDate(from.Year, from.Month, 1), Period.FromMonths(1));
        }
        else
        {
            step = Period.FromDays(Math.Max(1, (int)Math.Ceiling(_days / 10)));
            first = from;
        }
        // A label needs room before the right edge; the calendar's end stops the walk.
        for (var d = first; d <= to && X(d) <= right - 50; d = DateMath.Plus(d, step))
        {
            yield return d;
            if (DateMath.Plus(d, step) <= d) yield break;
        }
    }

    public string Label(LocalDate d) => _days >= 800 ? d.Year.ToString(CultureInfo.InvariantCulture) : _days >= 62 ? DateText.Format(d)[..7] : DateText.Format(d)[5..];
}
