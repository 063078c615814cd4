using AllianceRules.Reporting;

namespace AllianceRules.Tests.Reporting;

/// <summary>The CSV report's quoting, as R's read.csv and Stata's import delimited read it back.</summary>
public sealed class CsvFormatTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    public void Fields_are_quoted_only_when_they_must_be(string value, string written) =>
        Assert.Equal(written, CsvFormat.Field(value));

    [Theory]
    [InlineData("war", "war")]
    [InlineData("War-Num", "war_num")]
    [InlineData("gdelt id", "gdelt_id")]
    public void Attribute_names_become_column_names_R_and_Stata_accept(string name, string column) =>
        Assert.Equal(column, CsvFormat.ColumnName(name));

    [Fact]
    public void A_table_has_a_header_and_a_line_per_row()
    {
        Assert.Equal("a,b\n1,\"x,y\"\n", CsvFormat.Write(["a", "b"], [["1", "x,y"]]));
    }
}
