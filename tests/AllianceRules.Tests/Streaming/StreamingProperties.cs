using System.Collections.Immutable;
using AllianceRules.History;
using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Model;
using AllianceRules.Reporting;
using AllianceRules.Tests.Properties;
using AllianceRules.Tests.Support;
using AllianceRules.Text;
using CsCheck;
using NodaTime;

namespace AllianceRules.Tests.Streaming;

/// <summary>
/// Streaming is an implementation choice, never a change of meaning: whether the history is
/// read whole, streamed from sorted files, split across files, re-read after an unsorted line, or
/// sorted on disk, the report is the same.
/// </summary>
public sealed class StreamingProperties
{
    private static readonly SourceFile Rules = new("rules.treaty", PropertyRules.Text);

    private static readonly Gen<string[]> SortedLines = HistoryGen.Lines.Select(lines => lines.OrderBy(l => l[..10], StringComparer.Ordinal).ToArray());

    private static string InMemory(IEnumerable<(string Path, string Text)> files, EvaluationOptions? options = null)
    {
        var outcome = Checker.Check([Rules], [.. files.Select(f => new SourceFile(f.Path, f.Text))], options);
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics.Select(DiagnosticFormatter.Format)));
        return JsonReportWriter.Write(outcome.Report!, JsonGolden.Tool);
    }

    private static (string Json, StreamedCheck Check) Streamed(IEnumerable<(string Path, string Text)> files, StreamOptions? stream = null, EvaluationOptions? options = null)
    {
        var sources = files.Select(f => HistorySource.FromText(f.Path, HistoryReader.FormatOf(f.Path), f.Text)).ToList();
        var check = CheckPipeline.Check([Rules], sources, options, stream);
        Assert.True(check.Outcome.Succeeded, string.Join("\n", check.Outcome.Diagnostics.Select(DiagnosticFormatter.Format)));
        return (JsonReportWriter.Write(check.Outcome.Report!, JsonGolden.Tool), check);
    }

    private static string Text(IEnumerable<string> lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public void A_sorted_history_streamed_gives_the_report_read_whole()
    {
        SortedLines.Sample(lines =>
        {
            var files = new[] { ("h.events", Text(lines)) };
            var (json, check) = Streamed(files);
            Assert.Empty(check.Notes);
            Assert.Equal(InMemory(files), json);
        }, iter: 150, seed: "0000STREAMING");
    }

    [Fact]
    public void A_history_split_into_sorted_files_gives_the_report_of_one_file()
    {
        Gen.Select(SortedLines, Gen.Int[1, 4].Array[60]).Sample((lines, assignment) =>
        {
            var parts = Enumerable.Range(0, 4).Select(k => lines.Where((_, i) => assignment[i] == k + 1).ToList()).ToList();
            var split = parts.Select((p, k) => ($"part-{k}.events", Text(p))).ToArray();
            var (json, check) = Streamed(split);
            Assert.Empty(check.Notes);
            // The evidence names the file each event came from, so compare with the same files read whole.
            Assert.Equal(InMemory(split), json);
            Assert.Equal(Verdicts(InMemory([("one.events", Text(lines))])), Verdicts(json));
        }, iter: 100, seed: "0001STREAMING");
    }

    [Fact]
    public void An_unsorted_history_is_read_again_and_gives_the_report_read_whole()
    {
        Gen.Select(SortedLines, Gen.Int[0, 1000]).Where((lines, _) => lines.Length > 2).Sample((lines, seed) =>
        {
            var shuffled = lines.OrderBy(l => HashCode.Combine(l, seed)).ToArray();
            var files = new[] { ("h.events", Text(shuffled)) };
            var (json, _) = Streamed(files);
            Assert.Equal(InMemory(files), json);
        }, iter: 100, seed: "0002STREAMING");
    }

    [Fact]
    public void An_external_sort_with_a_tiny_memory_limit_gives_the_report_read_whole()
    {
        Gen.Select(SortedLines, Gen.Int[0, 1000]).Where((lines, _) => lines.Length > 2).Sample((lines, seed) =>
        {
            var shuffled = lines.OrderBy(l => HashCode.Combine(l, seed)).ToArray();
            var files = new[] { ("a.events", Text(shuffled.Take(shuffled.Length / 2))), ("b.events", Text(shuffled.Skip(shuffled.Length / 2))) };
            var spills = 0;
            var (json, check) = Streamed(files, new StreamOptions { MaxMemoryBytes = 1024, CreateSpill = () => { spills++; return new MemoryStream(); } });
            Assert.Equal(InMemory(files), json);
            // A budget of 1 KB holds three or four events, so a longer unsorted history needs several runs.
            if (check.Notes.Length > 0 && lines.Length >= 8) Assert.True(spills > 1, $"{spills} runs");
        }, iter: 100, seed: "0003STREAMING");
    }

    [Fact]
    public void More_runs_than_can_be_merged_at_once_are_merged_in_passes_with_the_same_report()
    {
        var lines = Enumerable.Range(0, 400).Select(i => $"{HistoryGen.Format(HistoryGen.Start.PlusDays(i * 37 % HistoryGen.Days))} {(i % 3 == 0 ? "AZE attack ARM" : i % 3 == 1 ? "ARM request CSTO" : "RUS assist ARM")}");
        var files = new[] { ("h.events", Text(lines)) };
        var opened = 0;
        var (json, check) = Streamed(files, new StreamOptions { MaxMemoryBytes = 1024, CreateSpill = () => { opened++; return new MemoryStream(); } });
        Assert.Equal(InMemory(files), json);
        var runs = int.Parse(check.Notes[1].Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(runs > ExternalSort.MaxFanIn, $"{runs} runs");
        Assert.True(opened > runs, "the runs were merged in passes, each writing new spill streams");
    }

    [Fact]
    public void An_unsorted_history_says_where_it_stopped_being_sorted()
    {
        var (_, check) = Streamed([("h.events", "2010-12-02 AZE attack ARM\n2010-12-03 AZE attack ARM\n2010-12-01 RUS assist ARM\n")]);
        Assert.Equal<string>(["h.events:3 is dated before the line above it: the history is not in date order, so it was read again and sorted in memory (--max-memory SIZE sorts on disk instead)"], check.Notes);
    }

    [Fact]
    public void An_as_of_line_after_the_events_is_honoured_when_streaming()
    {
        var files = new[] { ("h.events", "2010-12-02 AZE attack ARM\n2010-12-20 RUS assist ARM\nas of 2010-12-10\n") };
        var (json, check) = Streamed(files);
        Assert.Equal<string>(["an 'as of' or 'observed' line comes after events were read, so the histories were read again whole before evaluating"], check.Notes);
        Assert.Equal(InMemory(files), json);
        Assert.Contains("\"asOf\": \"2010-12-10\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void More_files_than_can_be_open_at_once_are_read_one_after_another_with_the_same_report()
    {
        SortedLines.Sample(lines =>
        {
            // Each line a file of its own, named so that path order is date order, and a few more.
            var files = lines.Select((l, i) => ($"day-{i:000}.events", l + "\n"))
                .Concat(Enumerable.Range(0, SortedMerge.MaxOpen + 1).Select(i => ($"empty-{i:000}.events", "# nothing\n")))
                .ToArray();
            var (json, check) = Streamed(files);
            Assert.Empty(check.Notes);
            Assert.Equal(InMemory(files), json);
        }, iter: 30, seed: "0004STREAMING");
    }

    [Fact]
    public void Files_read_one_after_another_that_overlap_in_time_are_sorted_after_all()
    {
        var files = Enumerable.Range(0, SortedMerge.MaxOpen + 1).Select(i => ($"f-{i:000}.events", $"2010-12-{1 + (i % 20):00} AZE attack ARM\n")).ToArray();
        var (json, check) = Streamed(files);
        // Regression: each file is in order, so the note must not say a file is out of order.
        Assert.Equal<string>([$"f-020.events:1 is dated before the end of f-019.events, and more than {SortedMerge.MaxOpen} files are read one after another, not merged: together they are not in date order, so it was read again and sorted in memory (--max-memory SIZE sorts on disk instead)"], check.Notes);
        Assert.Equal(InMemory(files), json);
    }

    [Fact]
    public void A_horizon_in_a_later_file_of_a_long_list_is_honoured()
    {
        var files = Enumerable.Range(0, SortedMerge.MaxOpen + 1).Select(i => ($"f-{i:000}.events", i == 40 ? "as of 2010-12-05\n" : $"2010-12-{1 + (i * 30 / (SortedMerge.MaxOpen + 1)):00} AZE attack ARM\n")).ToArray();
        var (json, check) = Streamed(files);
        Assert.Equal<string>(["an 'as of' or 'observed' line comes after events were read, so the histories were read again whole before evaluating"], check.Notes);
        Assert.Equal(InMemory(files), json);
    }

    [Fact]
    public void Errors_in_a_streamed_history_are_the_errors_of_the_history_read_whole()
    {
        var text = "2010-12-02 AZE attack ARM\n2010-13-01 AZE attack ARM\n2010-12-03 AZE atack ARM\nas of nonsense\n";
        var whole = Checker.Check([Rules], [new SourceFile("h.events", text)]);
        var streamed = CheckPipeline.Check([Rules], [HistorySource.FromText("h.events", HistoryFormat.Events, text)], null);
        Assert.Null(streamed.Outcome.Report);
        Assert.Equal(whole.Diagnostics.Select(DiagnosticFormatter.Format), streamed.Outcome.Diagnostics.Select(DiagnosticFormatter.Format));
        Assert.Equal(3, streamed.Outcome.Diagnostics.Length);
    }

    [Fact]
    public void Events_that_only_close_a_before_window_keep_their_attributes_when_streamed()
    {
        // Regression: 'endwar' is named only by a 'before' window, so streaming read it light, without
        // its war=55, and the window never closed.
        var case_ = AllianceRules.Tests.Support.Repo.Path("tests", "AllianceRules.Tests", "Cases", "eval", "260-war-before-judgment");
        var rules = new SourceFile("rules.treaty", File.ReadAllText(Path.Combine(case_, "rules.treaty")));
        var text = File.ReadAllText(Path.Combine(case_, "history.events"));
        var whole = Checker.Check([rules], [new SourceFile("history.events", text)]);
        var streamed = CheckPipeline.Check([rules], [HistorySource.FromText("history.events", HistoryFormat.Events, text)], null);
        Assert.Contains(whole.Report!.Instances, i => i.Party == "HAN" && i.Status == AllianceRules.Evaluation.InstanceStatus.Violated);
        Assert.Equal(JsonReportWriter.Write(whole.Report!, JsonGolden.Tool), JsonReportWriter.Write(streamed.Outcome.Report!, JsonGolden.Tool));
    }

    [Fact]
    public void Instances_apart_only_by_a_trigger_attribute_keep_their_order_whatever_the_files()
    {
        // Regression (seed 5mTjK2bvJgb3): two 'aid' instances for one party, one with article=4 and one
        // without, were ordered by their triggers' files, so splitting the history reordered the report.
        const string a = "2010-12-19 AZE attack ARM\n", b = "2010-12-19 AZE attack ARM article=4\n";
        string Json(params (string Path, string Text)[] files) =>
            JsonReportWriter.Write(Checker.Check([Rules], [.. files.Select(f => new SourceFile(f.Path, f.Text))], new EvaluationOptions(new LocalDate(2011, 3, 1))).Report!, JsonGolden.Tool);
        static IEnumerable<string> Aid(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!["instances"]!.AsArray()
            .Where(i => (string)i!["rule"]! == "TEST.aid" && (string)i["party"]! == "KAZ").Select(i => (string)i!["reason"]!);
        Assert.Equal(Aid(Json(("x.events", a), ("y.events", b))), Aid(Json(("x.events", b), ("y.events", a))));
        Assert.Equal(2, Aid(Json(("x.events", a + b))).Count());
    }

    [Fact]
    public void Errors_in_several_files_come_file_by_file_in_the_order_given_as_when_read_whole()
    {
        // b.events is dated earlier, so the merge reaches its second piece, and its error, first; the report of errors must not change with that.
        static string Padded(string date, string bad) => string.Concat(Enumerable.Repeat($"{date} AZE consult ARM\n", 5000)) + $"{date} AZE {bad} ARM\n";
        (string Path, string Text)[] files = [("a.events", Padded("2011-03-01", "atack")), ("b.events", Padded("2011-01-01", "atakc"))];
        var whole = Checker.Check([Rules], [.. files.Select(f => new SourceFile(f.Path, f.Text))]);
        var streamed = CheckPipeline.Check([Rules], [.. files.Select(f => HistorySource.FromText(f.Path, HistoryFormat.Events, f.Text))], null);
        Assert.Equal(["a.events", "b.events"], streamed.Outcome.Diagnostics.Select(d => d.File!.Path));
        Assert.Equal(whole.Diagnostics.Select(DiagnosticFormatter.Format), streamed.Outcome.Diagnostics.Select(DiagnosticFormatter.Format));
    }

    [Fact]
    public void Progress_is_told_every_so_many_events()
    {
        var told = new List<(long, LocalDate)>();
        Streamed([("h.events", Text(Enumerable.Range(0, 10).Select(d => $"2010-12-{d + 1:00} AZE consult ARM")))], new StreamOptions { Progress = (n, d) => told.Add((n, d)), ProgressEvery = 4 });
        Assert.Equal([(4L, new LocalDate(2010, 12, 4)), (8L, new LocalDate(2010, 12, 8))], told);
    }

    private static string[] Verdicts(string json) =>
        [.. System.Text.Json.Nodes.JsonNode.Parse(json)!["instances"]!.AsArray().Select(i => $"{i!["rule"]} {i["party"]} {i["target"]} {i["triggeredOn"]} {i["status"]}")];
}
