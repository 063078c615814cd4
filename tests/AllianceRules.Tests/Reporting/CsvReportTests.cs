using AllianceRules.Checking;
using AllianceRules.Reporting;
using AllianceRules.Text;

namespace AllianceRules.Tests.Reporting;

/// <summary>The CSV report: one row per instance, the same whatever the order of the history's lines.</summary>
public sealed class CsvReportTests
{
    private static readonly string Rules = Support.SmallPact.Rules("30 days");

    private static string Csv(string history) =>
        CsvReportWriter.Write(Checker.Check([new SourceFile("t.treaty", Rules)], [new SourceFile("h.events", "as of 2001-12-31\n" + history)]).Report!);

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
            return $"{row[header.IndexOf("trigger")]} war={row[header.IndexOf("trigger_attr_war")]}";
        }
        Assert.Equal("AZE attack ARM war=1", Trigger(one));
        Assert.Equal(Trigger(one), Trigger(other));
    }

    [Fact]
    public void Attribute_names_that_collide_as_columns_get_a_number()
    {
        // Regression: 'a-b' and 'a_b' both became the column trigger_attr_a_b.
        var header = Csv("2001-03-01 AZE attack ARM a-b=1 a_b=2\n").Split('\n')[0].Split(',');
        Assert.Equal(["trigger_attr_a_b", "trigger_attr_a_b_2"], header.Where(h => h.StartsWith("trigger_attr_", StringComparison.Ordinal)));
    }
}
