using AllianceRules.Text;

namespace AllianceRules.Tests.Parsing;

/// <summary>The one CSV row splitter of histories and importers: quotes, line ends, and the COW files' bare CRs.</summary>
public sealed class CsvRowSplitterTests
{
    [Theory]
    [InlineData("a,b\r\nc", false, new[] { "a", "b" }, 5)]
    [InlineData("a,b\nc", false, new[] { "a", "b" }, 4)]
    [InlineData("a,b\rc\n", false, new[] { "a", "b\rc" }, 6)]
    [InlineData("a,b\rc\n", true, new[] { "a", "b" }, 4)]
    [InlineData("\"x, \"\"y\"\"\",z\n", false, new[] { "x, \"y\"", "z" }, 13)]
    public void Rows_split_as_RFC_4180_says(string text, bool bareCr, string[] fields, int end)
    {
        var row = CsvRowSplitter.Split(text, 0, bareCr);
        Assert.Equal(fields, row.Fields);
        Assert.Equal(end, row.End);
        Assert.Null(row.Error);
    }

    [Fact]
    public void A_quoted_field_may_span_lines_and_an_unclosed_one_says_where_it_began()
    {
        var spanning = CsvRowSplitter.Split("a,\"two\nlines\"\nb", 0, false);
        Assert.Equal(["a", "two\nlines"], spanning.Fields);
        Assert.Equal(2, spanning.Lines);
        Assert.Equal(2, CsvRowSplitter.Split("a,\"open", 0, false).Error);
    }
}
