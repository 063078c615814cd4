using AllianceRules.History.Datasets;

namespace AllianceRules.Tests.Datasets;

public sealed class IcewsRowReaderTests
{
    private const string Header = "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude";

    [Fact]
    public void The_ICEWS_sample_reads_row_by_row_as_pinned()
    {
        string[] expected =
        [
            "2022-09-13 AZE 190 ARM icews_id=38701234 story=55012345 intensity=-10 source_name=Military (Azerbaijan) target_name=Military (Armenia) \"Use conventional military force\"",
            "2022-09-13 ARM 0234 RUS icews_id=38701235 story=55012346 intensity=3.4 source_name=Government (Armenia) target_name=Government (Russia) \"Appeal for military protection or peacekeeping\"",
            // ICEWS writes NA for the country of an organisation.
            "skip NoTargetCountry (Collective Security Treaty Organization)",
            "skip NoActorCountry (Collective Security Treaty Organization)",
            // Kosovo has no ISO 3166-1 code.
            "skip UnknownActorCountry (Kosovo)",
            // The m/d/Y dates of the 2017 file.
            "2017-05-16 ARM 190 AZE icews_id=27801239 story=39012352 intensity=-10 source_name=Military (Armenia) target_name=Military (Azerbaijan) \"Use conventional military force\"",
            "skip BadDate (2022-02-30)",
            "skip WrongFieldCount (19 fields; the header has 20)",
            // Inner double quotes become single ones.
            "2022-01-05 KAZ 173 KAZ icews_id=33401242 story=53012355 intensity=-5 source_name=Kassym-Jomart Tokayev target_name=Protester 'Qantar' (Kazakhstan) \"Arrest, detain, or charge with legal action\"",
            "skip NoEventCode",
            // A second header, as where two files were joined.
            "skip Header",
            "2022-09-15 RUS 0334 ARM icews_id=38701244 story=55012357 intensity=4.5 source_name=Government (Russia) target_name=Government (Armenia) \"Express intent to provide military protection or peacekeeping\"",
        ];
        Assert.Equal(expected, DatasetSamples.ReadIcews("sample.icews.tab").Select(DatasetSamples.Render));
    }

    [Fact]
    public void Columns_are_found_by_name_whatever_their_order()
    {
        var reader = IcewsRowReader.FromHeader("CAMEO Code\tTarget Country\tEvent Date\tSource Country\tEvent Text", out var error);
        Assert.Null(error);
        Assert.Equal(
            "2022-09-13 AZE 190 ARM \"Use conventional military force\"",
            DatasetSamples.Render(reader!.Read("190\tArmenia\t2022-09-13\tAzerbaijan\tUse conventional military force")));
    }

    [Fact]
    public void A_fully_quoted_field_loses_its_quotes()
    {
        var reader = IcewsRowReader.FromHeader("Event Date\tSource Country\tCAMEO Code\tTarget Country\tSource Name", out _)!;
        Assert.Equal(
            "2022-09-13 AZE 190 ARM source_name=Military (Azerbaijan)",
            DatasetSamples.Render(reader.Read("\"2022-09-13\"\t\"Azerbaijan\"\t\"190\"\t\"Armenia\"\t\"Military (Azerbaijan)\"")));
    }

    [Theory]
    [InlineData("Event ID\tSource Country\tTarget Country", "the ICEWS header has no column 'Event Date' or 'CAMEO Code'; an ICEWS file needs Event Date, Source Country, CAMEO Code and Target Country")]
    [InlineData("GLOBALEVENTID\tSQLDATE", "the ICEWS header has no column 'Event Date', 'Source Country', 'CAMEO Code' or 'Target Country'; an ICEWS file needs Event Date, Source Country, CAMEO Code and Target Country")]
    public void A_header_without_a_required_column_is_refused_with_a_message(string header, string message)
    {
        Assert.Null(IcewsRowReader.FromHeader(header, out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("2022-09-04", "2022-09-04")]
    [InlineData("9/4/2022", "2022-09-04")]
    [InlineData("09/04/2022", "2022-09-04")]
    [InlineData("2/29/2016", "2016-02-29")]
    [InlineData("2/29/2017", null)]
    [InlineData("13/1/2017", null)]
    [InlineData("1/32/2017", null)]
    [InlineData("2022/09/04", null)]
    [InlineData("2022-9-4", null)]
    [InlineData("20220904", null)]
    [InlineData("1/1/17", null)]
    [InlineData("", null)]
    public void Dates_are_ISO_or_month_day_year(string text, string? expected)
    {
        var reader = IcewsRowReader.FromHeader("Event Date\tSource Country\tCAMEO Code\tTarget Country", out _)!;
        var outcome = DatasetSamples.Render(reader.Read($"{text}\tArmenia\t190\tAzerbaijan"));
        Assert.Equal(expected is null ? $"skip BadDate{(text.Length == 0 ? string.Empty : $" ({text})")}" : $"{expected} ARM 190 AZE", outcome);
    }

    [Fact]
    public void The_sample_header_is_the_published_one() =>
        Assert.Equal(Header, DatasetSamples.Lines("sample.icews.tab")[0]);
}
