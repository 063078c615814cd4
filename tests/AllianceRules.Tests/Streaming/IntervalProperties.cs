using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.History;
using AllianceRules.Reporting;
using AllianceRules.Tests.Properties;
using AllianceRules.Tests.Support;
using AllianceRules.Text;
using CsCheck;

namespace AllianceRules.Tests.Streaming;

/// <summary>
/// Interval events (language.md §5.5) keep the promises points keep: streaming, splitting, sorting
/// on disk change nothing, and a point history rewritten as one-day intervals changes no verdict.
/// </summary>
public sealed class IntervalProperties
{
    private static readonly SourceFile Rules = new("rules.treaty", PropertyRules.Text);

    private static readonly Gen<string[]> SortedLines = HistoryGen.IntervalLines.Select(lines => lines.OrderBy(l => l[..10], StringComparer.Ordinal).ToArray());

    private static string Text(IEnumerable<string> lines) => string.Join("\n", lines) + "\n";

    private static string InMemory(params (string Path, string Text)[] files)
    {
        var outcome = Checker.Check([Rules], [.. files.Select(f => new SourceFile(f.Path, f.Text))]);
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics.Select(DiagnosticFormatter.Format)));
        return JsonReportWriter.Write(outcome.Report!, JsonGolden.Tool);
    }

    private static (string Json, StreamedCheck Check) Streamed((string Path, string Text)[] files, StreamOptions? stream = null)
    {
        var sources = files.Select(f => HistorySource.FromText(f.Path, HistoryReader.FormatOf(f.Path), f.Text)).ToList();
        var check = CheckPipeline.Check([Rules], sources, null, stream);
        Assert.True(check.Outcome.Succeeded, string.Join("\n", check.Outcome.Diagnostics.Select(DiagnosticFormatter.Format)));
        return (JsonReportWriter.Write(check.Outcome.Report!, JsonGolden.Tool), check);
    }

    /// <summary>What a verdict is: rule, party, target, dates and status; not the echoed text of the events.</summary>
    private static string[] Verdicts(string json) =>
        [.. System.Text.Json.Nodes.JsonNode.Parse(json)!["instances"]!.AsArray()
            .Select(i => $"{i!["rule"]} {i["party"]} {i["target"]} {i["triggeredOn"]} {i["deadline"]} {i["status"]} {i["decidedOn"]} {i["bindings"]!.ToJsonString()}")];

    [Fact]
    public void A_sorted_interval_history_streamed_gives_the_report_read_whole()
    {
        SortedLines.Sample(lines =>
        {
            var files = new[] { ("h.events", Text(lines)) };
            var (json, check) = Streamed(files);
            Assert.Empty(check.Notes);
            Assert.Equal(InMemory(files), json);
        }, iter: 150, seed: "0000INTERVALS");
    }

    [Fact]
    public void An_interval_history_split_and_sorted_on_disk_gives_the_report_read_whole()
    {
        Gen.Select(SortedLines, Gen.Int[0, 1000]).Where((lines, _) => lines.Length > 2).Sample((lines, seed) =>
        {
            var shuffled = lines.OrderBy(l => HashCode.Combine(l, seed)).ToArray();
            var files = new[] { ("a.events", Text(shuffled.Take(shuffled.Length / 2))), ("b.events", Text(shuffled.Skip(shuffled.Length / 2))) };
            var (json, _) = Streamed(files, new StreamOptions { MaxMemoryBytes = 1024, CreateSpill = () => new MemoryStream() });
            Assert.Equal(InMemory(files), json);
        }, iter: 100, seed: "0001INTERVALS");
    }

    [Fact]
    public void A_point_history_rewritten_as_one_day_intervals_changes_no_verdict()
    {
        HistoryGen.Lines.Sample(lines =>
        {
            var points = InMemory(("h.events", Text(lines)));
            var intervals = InMemory(("h.events", Text(lines.Select(HistoryGen.AsOneDayInterval))));
            Assert.Equal(Verdicts(points), Verdicts(intervals));
            // Only the echoed text may differ: the reports are the same once it is put back.
            Assert.Equal(points, System.Text.RegularExpressions.Regex.Replace(intervals, @"(\d{4}-\d\d-\d\d) \.\. \d{4}-\d\d-\d\d", "$1"));
        }, iter: 200, seed: "0002INTERVALS");
    }

    [Fact]
    public void Interval_histories_do_decide_later_than_their_first_day()
    {
        // The property rules have members joining and leaving inside the generated months, so some
        // interval trigger fires after its first day: the generator reaches the new code paths.
        var fired = 0;
        SortedLines.Sample(lines =>
        {
            var outcome = Checker.Check([Rules], [new SourceFile("h.events", Text(lines))]);
            fired += outcome.Report!.Instances.Count(i => i.Triggers.Any(t => t.Date < i.TriggeredOn && t.IsInterval));
        }, iter: 150, seed: "0000INTERVALS");
        Assert.True(fired > 0);
    }
}
