using System.Globalization;
using AllianceRules.History.Datasets;
using CsCheck;
using NodaTime;
using NodaTime.Text;

namespace AllianceRules.Tests.Datasets;

/// <summary>Any GDELT line built from valid parts reads back those parts, whatever the other fields hold.</summary>
public sealed class GdeltRowProperties
{
    private static readonly LocalDate Epoch = new(1979, 1, 1);

    // CAMEO country codes and the ISO code each reads as: every code of the table, and CAMEO's own.
    private static readonly (string Cameo, string Iso3)[] Countries =
        [.. CountryCodes.All.Select(c => (c, c)), .. CountryTable.CameoDifferences];

    private static readonly Gen<string> Filler = Gen.String[Gen.Char["abcXYZ019 -.,'/:#"], 0, 12];

    private static readonly Gen<string> ActorCode = Gen.OneOf(Gen.Const(string.Empty), Gen.String[Gen.Char['A', 'Z'], 3, 9]);

    private sealed record Parts(
        int Fields, long Id, LocalDate Date, (string Cameo, string Iso3) Actor, (string Cameo, string Iso3) Target,
        string EventCode, string Actor1, string Actor2, int Quad, int Goldstein, string Source, string[] Other);

    private static readonly Gen<Parts> Lines =
        from fields in Gen.OneOf(57, 58, 61)
        from id in Gen.Long[1, 9_999_999_999]
        from day in Gen.Int[0, 20_000]
        from actor in Gen.OneOf(Countries)
        from target in Gen.OneOf(Countries)
        from code in Gen.String[Gen.Char['0', '9'], 2, 4]
        from actor1 in ActorCode
        from actor2 in ActorCode
        from quad in Gen.Int[1, 4]
        from goldstein in Gen.Int[-100, 100]
        from source in Gen.OneOf(Gen.Const(string.Empty), Gen.String[Gen.Char["abc/:._-\"%?=&19"], 1, 40].Select(s => "https://" + s))
        from other in Filler.Array[61]
        select new Parts(fields, id, Epoch.PlusDays(day), actor, target, code, actor1, actor2, quad, goldstein, source, other);

    private static string Line(Parts p)
    {
        var f = p.Other.Take(p.Fields).ToArray();
        f[0] = p.Id.ToString(CultureInfo.InvariantCulture);
        f[1] = LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd").Format(p.Date);
        (f[5], f[7], f[15], f[17]) = (p.Actor1, p.Actor.Cameo, p.Actor2, p.Target.Cameo);
        f[26] = p.EventCode;
        f[29] = p.Quad.ToString(CultureInfo.InvariantCulture);
        f[30] = (p.Goldstein / 10.0).ToString("0.0", CultureInfo.InvariantCulture);
        if (p.Fields != 57) f[^1] = p.Source;
        return string.Join('\t', f);
    }

    [Fact]
    public void A_line_of_valid_parts_reads_back_its_parts() =>
        Lines.Sample(p =>
        {
            var outcome = GdeltRowReader.Read(Line(p), p.Fields == 61 ? DatasetFormat.Gdelt2 : DatasetFormat.Gdelt1);
            Assert.Null(outcome.Skip);
            var row = outcome.Row!.Value;
            Assert.Equal(p.Date, row.Date);
            Assert.Equal(p.Actor.Iso3, row.Actor);
            Assert.Equal(p.Target.Iso3, row.Target);
            Assert.Equal(p.EventCode, row.Cameo);
            Assert.Null(row.Description);
            var expected = new List<(string, string)> { ("gdelt_id", p.Id.ToString(CultureInfo.InvariantCulture)) };
            if (p.Actor1.Length > 0) expected.Add(("actor1", p.Actor1));
            if (p.Actor2.Length > 0) expected.Add(("actor2", p.Actor2));
            expected.Add(("quad", p.Quad.ToString(CultureInfo.InvariantCulture)));
            expected.Add(("goldstein", (p.Goldstein / 10.0).ToString("0.0", CultureInfo.InvariantCulture)));
            if (p.Fields != 57 && p.Source.Length > 0) expected.Add(("source", p.Source.Replace('"', '\'')));
            Assert.Equal(expected, row.Attributes);
        });
}
