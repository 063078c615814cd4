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

    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
