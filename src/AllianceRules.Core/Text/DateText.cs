using NodaTime;
using NodaTime.Text;

namespace AllianceRules.Text;

/// <summary>Reads ISO dates (<c>yyyy-MM-dd</c>) and says, in words, why a text is not one.</summary>
public static class DateText
{
    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static LocalDate? TryParse(string text)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success && text.Length == 10 ? result.Value : null;
    }

    /// <summary>Why <paramref name="text"/> is not a date: "February 2022 has 28 days", or "it is not written yyyy-MM-dd".</summary>
    public static string Problem(string text)
    {
        var shaped = text.Length == 10 && text[4] == '-' && text[7] == '-' && text.Where((c, i) => i is not (4 or 7)).All(char.IsAsciiDigit);
        if (!shaped) return "it is not written yyyy-MM-dd";
        var year = int.Parse(text.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(text.AsSpan(5, 2), System.Globalization.CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return $"there is no month {month}";
        var days = CalendarSystem.Iso.GetDaysInMonth(year, month);
        return $"{MonthNames[month - 1]} {year} has {days} days";
    }
}
