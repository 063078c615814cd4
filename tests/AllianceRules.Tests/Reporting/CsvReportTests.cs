using AllianceRules.Checking;
using AllianceRules.Reporting;
using AllianceRules.Text;

namespace AllianceRules.Tests.Reporting;

/// <summary>The CSV report: one row per instance under a fixed header, the same whatever the order of the history's lines.</summary>
public sealed class CsvReportTests
{
    private static readonly string Rules = Support.SmallPact.Rules("30 days");

    private static string Csv(string history, IReadOnlyList<string>? columns = null) =>
        CsvReportWriter.Write(Checker.Check([new SourceFile("t.treaty", Rules)], [new SourceFile("h.events", "as of 2001-12-31\n" + history)]).Report!, columns);

    [Fact]
    public void The_trigger_of_a_row_does_not_depend_on_the_order_of_same_day_lines()
    {
        // Regression: the row named the trigger on the first line, so shuffling lines changed the CSV.
        var one = Csv("2001-03-01 TUR attack ARM war=2\n2001-03-01 AZE attack ARM war=1\n");
        var other = Csv("2001-03-01 AZE attack ARM war=1\n2001-03-01 TUR attack ARM war=2\n");
        static string Trigger(string csv)
        {
            var lines = csv.Split('\n');
            var header = lines[0].Split(',').ToList();
            var row = lines[1].Split(',');
            return $"{row[header.IndexOf("trigger")]} {row[header.IndexOf("attrs")]}";
        }
        Assert.Equal("AZE attack ARM war=1", Trigger(one));
        Assert.Equal(Trigger(one), Trigger(other));
    }

    [Fact]
    public void Attribute_names_that_collide_as_columns_get_a_number()
    {
        // Regression: 'a-b' and 'a_b' both became the column trigger_attr_a_b.
        var header = Csv("2001-03-01 AZE attack ARM a-b=1 a_b=2\n", ["a-b", "a_b"]).Split('\n')[0].Split(',');
        Assert.Equal(["trigger_attr_a_b", "trigger_attr_a_b_2", "evidence_attr_a_b", "evidence_attr_a_b_2"], header.Skip(CsvReportWriter.Header.Count));
    }

    [Fact]
    public void The_header_does_not_depend_on_the_attributes_in_the_data()
    {
        // Issue #20: a column per attribute found made every report's header different.
        Assert.Equal(string.Join(",", CsvReportWriter.Header), Csv("2001-03-01 AZE attack ARM war=1 name=x\n").Split('\n')[0]);
        Assert.Equal(string.Join(",", CsvReportWriter.Header), Csv("2001-03-01 AZE attack ARM\n").Split('\n')[0]);
    }

    [Fact]
    public void Attrs_holds_the_triggers_attributes_by_key_then_the_evidences()
    {
        var csv = Csv("2001-03-01 AZE attack ARM war=1 name=x\n2001-03-02 RUS assist ARM war=1\n").Split('\n');
        Assert.EndsWith(",name=x;war=1;evidence.war=1", csv[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a;b", "a\\;b")]
    [InlineData("k=v", "k\\=v")]
    [InlineData("back\\slash", "back\\\\slash")]
    public void A_separator_in_a_value_is_escaped_with_a_backslash(string value, string written)
    {
        var e = new AllianceRules.Model.Event(new NodaTime.LocalDate(2001, 3, 1), "AZE", "attack", "ARM", System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("note", value), null, default);
        Assert.Equal("note=" + written, CsvReportWriter.Attributes(e, null));
        Assert.Equal("note=" + written + ";evidence.note=" + written, CsvReportWriter.Attributes(e, e));
    }
}
