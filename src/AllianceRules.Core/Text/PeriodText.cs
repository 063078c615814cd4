using System.Globalization;
using NodaTime;

namespace AllianceRules.Text;

/// <summary>A period in the words a rule file uses: <c>30 days</c>, <c>1 month</c>, <c>1 year 2 days</c>.</summary>
public static class PeriodText
{
    public static string Words(Period period)
    {
        var parts = new List<string>();
        Add(period.Years, "year");
        Add(period.Months, "month");
        Add(period.Weeks, "week");
        Add(period.Days, "day");
        return parts.Count == 0 ? "0 days" : string.Join(" ", parts);

        void Add(int amount, string unit)
        {
            if (amount != 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{amount} {unit}{(amount == 1 ? string.Empty : "s")}"));
        }
    }
}
