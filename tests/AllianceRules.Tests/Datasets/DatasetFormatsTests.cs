using AllianceRules.History.Datasets;

namespace AllianceRules.Tests.Datasets;

public sealed class DatasetFormatsTests
{
    [Theory]
    [InlineData("gdelt1", DatasetFormat.Gdelt1)]
    [InlineData("gdelt2", DatasetFormat.Gdelt2)]
    [InlineData("icews", DatasetFormat.Icews)]
    [InlineData("GDELT1", null)]
    [InlineData("gdelt", null)]
    [InlineData(" icews", null)]
    [InlineData("", null)]
    public void Formats_are_named_exactly(string name, DatasetFormat? expected)
    {
        Assert.Equal(expected, DatasetFormats.Parse(name));
        if (expected is { } format) Assert.Equal(name, DatasetFormats.NameOf(format));
    }

    [Theory]
    [InlineData("sample.gdelt1.tsv", DatasetFormat.Gdelt1)]
    [InlineData("sample.gdelt2.tsv", DatasetFormat.Gdelt2)]
    [InlineData("sample.icews.tab", DatasetFormat.Icews)]
    public void Each_sample_is_recognised_by_its_first_line(string file, DatasetFormat expected) =>
        Assert.Equal(expected, DatasetFormats.Detect(DatasetSamples.Lines(file)[0]));

    [Fact]
    public void A_57_field_GDELT_1_row_and_a_byte_order_mark_are_recognised()
    {
        var lines = DatasetSamples.Lines("sample.gdelt1.tsv");
        Assert.Equal(57, lines[1].Split('\t').Length);
        Assert.Equal(DatasetFormat.Gdelt1, DatasetFormats.Detect(lines[1]));
        Assert.Equal(DatasetFormat.Icews, DatasetFormats.Detect("\uFEFF" + DatasetSamples.Lines("sample.icews.tab")[0] + "\r"));
    }

    [Fact]
    public void A_line_that_could_be_anything_is_not_recognised()
    {
        var gdelt1 = DatasetSamples.Lines("sample.gdelt1.tsv")[0].Split('\t');
        var gdelt2 = DatasetSamples.Lines("sample.gdelt2.tsv")[0].Split('\t');
        Assert.Null(DatasetFormats.Detect("2022-09-13 AZE attack ARM"));
        Assert.Null(DatasetFormats.Detect(""));
        // An ICEWS data row: the header is what marks an ICEWS file.
        Assert.Null(DatasetFormats.Detect(DatasetSamples.Lines("sample.icews.tab")[1]));
        // Field 1 not a date; one field too few; field 59 not a 14-digit timestamp.
        Assert.Null(DatasetFormats.Detect(string.Join('\t', gdelt1.Select((f, i) => i == 1 ? "2022-09-13" : f))));
        Assert.Null(DatasetFormats.Detect(string.Join('\t', gdelt1.Take(56))));
        Assert.Null(DatasetFormats.Detect(string.Join('\t', gdelt2.Select((f, i) => i == 59 ? "20220913" : f))));
        Assert.Null(DatasetFormats.Detect(string.Join('\t', gdelt2.Append("extra"))));
    }
}
