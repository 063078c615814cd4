using CsCheck;
using NodaTime;
using NodaTime.Text;

namespace AllianceRules.Tests.Properties;

/// <summary>Random event lines over a few months around the CST rule change of 2010-12-10.</summary>
internal static class HistoryGen
{
    public static readonly LocalDate Start = new(2010, 11, 20);

    public const int Days = 90;

    public static readonly Gen<string> Line =
        Gen.Select(
            Gen.Int[0, Days - 1],
            Gen.OneOf(PropertyRules.Parties),
            Gen.OneOf(PropertyRules.Verbs),
            Gen.OneOf(PropertyRules.Parties),
            Gen.Int[0, 3],
            (day, actor, verb, target, attr) =>
                $"{Format(Start.PlusDays(day))} {actor} {verb} {(verb == "request" && attr < 3 ? "CSTO" : target)}{(attr == 0 ? " article=\"4\"" : attr == 1 ? " article=4" : string.Empty)}");

    public static readonly Gen<string[]> Lines = Line.Array[0, 60];

    /// <summary>A line of <see cref="Line"/>, written as an interval about one time in three: bounded (up to 40 days, one day included) or open.</summary>
    public static readonly Gen<string> IntervalLine =
        Gen.Select(Line, Gen.Int[0, 5], Gen.Int[1, 40], (line, shape, days) => shape switch
        {
            0 => $"{line[..10]} .. {Format(LocalDatePattern.Iso.Parse(line[..10]).Value.PlusDays(days))}{line[10..]}",
            1 => $"{line[..10]} ..{line[10..]}",
            _ => line,
        });

    public static readonly Gen<string[]> IntervalLines = IntervalLine.Array[0, 60];

    /// <summary>A point event line written as the one-day interval that means the same.</summary>
    public static string AsOneDayInterval(string line) =>
        $"{line[..10]} .. {Format(LocalDatePattern.Iso.Parse(line[..10]).Value.PlusDays(1))}{line[10..]}";

    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
