using AllianceRules.History.Datasets;

namespace AllianceRules.Tests.Datasets;

public sealed class GdeltRowReaderTests
{
    [Fact]
    public void The_GDELT_1_sample_reads_row_by_row_as_pinned()
    {
        string[] expected =
        [
            "2022-09-13 AZE 190 ARM gdelt_id=1057761001 actor1=AZEMIL actor2=ARMMIL quad=4 goldstein=-10.0 source=https://news.example.org/2022/09/13/azerbaijan-shells-jermuk",
            // 57 fields: an older row without SOURCEURL.
            "2008-08-08 RUS 190 GEO gdelt_id=172345678 actor1=RUSMIL actor2=GEO quad=4 goldstein=-10.0",
            "2022-09-13 AZE 193 ARM gdelt_id=1057761002 actor1=AZEMIL actor2=ARM quad=4 goldstein=-10.0 source=https://news.example.org/2022/09/13/goris-small-arms",
            "2022-09-13 AZE 195 ARM gdelt_id=1057761003 actor1=AZEMIL actor2=ARM quad=4 goldstein=-10.0 source=https://news.example.org/2022/09/13/drones-over-syunik",
            "2022-09-13 ARM 0234 RUS gdelt_id=1057761004 actor1=ARMGOV actor2=RUSGOV quad=1 goldstein=3.4 source=https://news.example.org/2022/09/13/pashinyan-calls-putin",
            "skip NoTargetCountry (IGO)",
            "skip NoActorCountry (IGOUNO)",
            "skip UnknownActorCountry (CAU)",
            "skip BadDate (20220931)",
            "skip WrongFieldCount (20 fields; GDELT 1.0 rows have 57 or 58)",
            // CAMEO's ROM is ISO's ROU.
            "2022-09-14 ROU 111 RUS gdelt_id=1057761010 actor1=ROMGOV actor2=RUSGOV quad=3 goldstein=-2.0 source=https://news.example.org/2022/09/14/bucharest-criticises-moscow",
            // Self-directed events are kept.
            "2022-01-05 KAZ 173 KAZ gdelt_id=1015551011 actor1=KAZCOP actor2=KAZOPP quad=4 goldstein=-5.0 source=https://news.example.org/2022/01/05/almaty-arrests",
            "skip NoEventCode",
        ];
        Assert.Equal(expected, DatasetSamples.ReadGdelt("sample.gdelt1.tsv", DatasetFormat.Gdelt1).Select(DatasetSamples.Render));
    }

    [Fact]
    public void The_GDELT_2_sample_reads_row_by_row_as_pinned()
    {
        string[] expected =
        [
            "2022-09-13 AZE 190 ARM gdelt_id=1057770001 actor1=AZEMIL actor2=ARMMIL quad=4 goldstein=-10.0 source=https://news.example.org/2022/09/13/azerbaijan-shells-jermuk",
            // A double quote in a value becomes a single one.
            "2022-09-13 AZE 195 ARM gdelt_id=1057770002 actor1=AZEMIL actor2=ARM quad=4 goldstein=-10.0 source=https://news.example.org/2022/09/13/'drone'-strikes",
            "2022-09-13 ARM 0234 RUS gdelt_id=1057770003 actor1=ARMGOV actor2=RUSGOV quad=1 goldstein=3.4 source=https://news.example.org/2022/09/13/pashinyan-calls-putin",
            "skip UnknownTargetCountry (EUR)",
            "skip NoTargetCountry",
            "skip BadDate (2022091)",
            "skip WrongFieldCount (60 fields; GDELT 2.0 rows have 61)",
            "skip BadEventCode (19X)",
        ];
        Assert.Equal(expected, DatasetSamples.ReadGdelt("sample.gdelt2.tsv", DatasetFormat.Gdelt2).Select(DatasetSamples.Render));
    }

    [Theory]
    [InlineData("IGOWSTNAT", "NATO")]
    [InlineData("NATO", "NATO")]
    [InlineData("CSTO", "CSTO")]
    public void An_alliance_without_a_country_code_reads_as_its_party(string actorCode, string party)
    {
        var fields = DatasetSamples.Lines("sample.gdelt2.tsv")[0].Split('\t');
        (fields[5], fields[6], fields[7]) = (actorCode, "ALLIANCE", string.Empty);
        Assert.StartsWith($"2022-09-13 {party} 190 ARM gdelt_id=1057770001 actor1={actorCode} ", DatasetSamples.Render(GdeltRowReader.Read(string.Join('\t', fields), DatasetFormat.Gdelt2)), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_organisation_without_a_country_code_is_skipped()
    {
        var fields = DatasetSamples.Lines("sample.gdelt2.tsv")[0].Split('\t');
        (fields[5], fields[7]) = ("IGOUNO", string.Empty);
        Assert.Equal("skip NoActorCountry (IGOUNO)", DatasetSamples.Render(GdeltRowReader.Read(string.Join('\t', fields), DatasetFormat.Gdelt2)));
    }

    [Fact]
    public void A_row_read_as_the_other_GDELT_version_has_the_wrong_field_count()
    {
        var gdelt1 = DatasetSamples.Lines("sample.gdelt1.tsv")[0];
        var gdelt2 = DatasetSamples.Lines("sample.gdelt2.tsv")[0];
        Assert.Equal("skip WrongFieldCount (58 fields; GDELT 2.0 rows have 61)", DatasetSamples.Render(GdeltRowReader.Read(gdelt1, DatasetFormat.Gdelt2)));
        Assert.Equal("skip WrongFieldCount (61 fields; GDELT 1.0 rows have 57 or 58)", DatasetSamples.Render(GdeltRowReader.Read(gdelt2, DatasetFormat.Gdelt1)));
    }

    [Theory]
    [InlineData("GLOBALEVENTID\tSQLDATE\tMonthYear\tYear")]
    [InlineData("GlobalEventID\tDay\tMonthYear")]
    public void A_header_row_is_skipped_as_a_header(string line) =>
        Assert.Equal("skip Header", DatasetSamples.Render(GdeltRowReader.Read(line, DatasetFormat.Gdelt2)));

    [Fact]
    public void A_carriage_return_or_a_byte_order_mark_does_not_change_the_row()
    {
        var line = DatasetSamples.Lines("sample.gdelt1.tsv")[0];
        var plain = DatasetSamples.Render(GdeltRowReader.Read(line, DatasetFormat.Gdelt1));
        Assert.Equal(plain, DatasetSamples.Render(GdeltRowReader.Read(line + "\r", DatasetFormat.Gdelt1)));
        Assert.Equal(plain, DatasetSamples.Render(GdeltRowReader.Read("\uFEFF" + line + "\r\n", DatasetFormat.Gdelt1)));
    }

    [Fact]
    public void The_countries_of_a_row_are_the_shared_instances_of_the_country_table()
    {
        var row = GdeltRowReader.Read(DatasetSamples.Lines("sample.gdelt1.tsv")[0], DatasetFormat.Gdelt1).Row!.Value;
        Assert.Same(CountryCodes.All.Single(c => c == "AZE"), row.Actor);
        Assert.Same(CountryCodes.All.Single(c => c == "ARM"), row.Target);
        var again = GdeltRowReader.Read(DatasetSamples.Lines("sample.gdelt1.tsv")[0], DatasetFormat.Gdelt1).Row!.Value;
        Assert.Same(row.Cameo, again.Cameo);
    }

    [Fact]
    public void An_ICEWS_format_is_a_programming_error_here() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GdeltRowReader.Read("x", DatasetFormat.Icews));
}
