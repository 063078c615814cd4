using System.Text;
using AllianceRules.Checking;
using AllianceRules.Evaluation;
using AllianceRules.Playground.Bundle;
using AllianceRules.Playground.Tests.Bundle;
using AllianceRules.Playground.Workspace;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Playground.Tests.Workspace;

/// <summary>The page's way into the engine: the command line's checker, bounded for a browser's one thread.</summary>
public sealed class PlaygroundEngineTests
{
    private static readonly BundledFiles Embedded = BundledFiles.Embedded;

    private static List<WorkFile> Tour() =>
        [new(Samples.TourRules, Embedded.Text(Samples.TourRules)!, Samples.TourRules), new(Samples.TourHistory, Embedded.Text(Samples.TourHistory)!, Samples.TourHistory)];

    [Theory]
    [InlineData(1_048_577, "a", 1_048_577)]
    [InlineData(600_000, "é", 1_200_000)]
    public void A_file_over_a_megabyte_is_refused_with_AR9020_and_nothing_is_evaluated(int count, string piece, long bytes)
    {
        var big = new StringBuilder().Insert(0, piece, count).ToString();
        var result = PlaygroundEngine.Evaluate([.. Tour(), new WorkFile("big.events", big)], ChoiceState.None);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("AR9020", d.Code);
        Assert.Equal($"'big.events' is {bytes:N0} bytes, more than 1,048,576: the playground reads files of at most 1 MB; use the command line for larger ones", d.Message);
        Assert.Null(result.Outcome.Report);
        Assert.Null(result.Document);
        Assert.Empty(result.Statuses);
        Assert.Equal("AR9020", Assert.Single(PlaygroundEngine.Evaluate([new WorkFile("big.events", big)], ChoiceState.None, new VerdictKey("CST.x", "ARM", new LocalDate(2022, 1, 1))).Diagnostics).Code);
        Assert.Equal("AR9020", Assert.Single(PlaygroundEngine.WhyNot([new WorkFile("big.events", big)], ChoiceState.None, "big.events", 1).Diagnostics).Code);
    }

    [Fact]
    public void Regression_files_each_under_a_megabyte_are_refused_past_four_in_all()
    {
        // What a link can carry: five histories of 0.9 MB, each under the per-file limit.
        var piece = new StringBuilder().Insert(0, "# a comment line of padding\n", 900_000 / 28).ToString();
        var files = Tour().Concat(Enumerable.Range(1, 5).Select(n => new WorkFile($"h{n}.events", piece))).ToList();
        var result = PlaygroundEngine.Evaluate(files, ChoiceState.None);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("AR9020", d.Code);
        var total = files.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Text));
        Assert.Equal($"with 'h5.events' the files come to {total:N0} bytes, more than 4,194,304: the playground reads at most 4 MB in all; use the command line for more", d.Message);
        Assert.Null(result.Outcome.Report);
        Assert.NotNull(PlaygroundEngine.Evaluate(files.Take(6).ToList(), ChoiceState.None).Outcome.Report);
    }

    [Fact]
    public void A_file_of_exactly_a_megabyte_is_read()
    {
        var tour = Embedded.Text(Samples.TourHistory)!;
        var history = tour + "# " + new string('x', (int)PlaygroundEngine.FileBytes - Encoding.UTF8.GetByteCount(tour) - 3) + "\n";
        Assert.Equal(PlaygroundEngine.FileBytes, Encoding.UTF8.GetByteCount(history));
        var result = PlaygroundEngine.Evaluate([Tour()[0], new WorkFile(Samples.TourHistory, history)], ChoiceState.None);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Outcome.Report!.Instances.Length);
    }

    [Fact]
    public void A_rule_that_opens_too_many_instances_stops_with_AR8001()
    {
        // Each request opens two instances (Kazakhstan's and Russia's): the 10,001st request passes 20,000.
        // A month apart, so that no request falls inside the window an earlier one opened.
        var start = new LocalDate(2013, 1, 1);
        const int Apart = 31;
        var history = new StringBuilder();
        for (var k = 0; k <= PlaygroundEngine.MaxInstancesPerRule / 2; k++)
        {
            var day = DateText.Format(start.PlusDays(k * Apart));
            history.Append(day).Append(" AZE attack ARM\n").Append(day).Append(" ARM request CSTO\n");
        }
        Assert.True(history.Length < PlaygroundEngine.FileBytes);
        var result = PlaygroundEngine.Evaluate([Tour()[0], new WorkFile("many.events", history.ToString())], ChoiceState.None);
        var d = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("AR8001", d.Code);
        Assert.Equal($"rule 'CST.art4-request' opened more than 20,000 obligation instances (the limit was passed by a trigger on {DateText.Format(start.PlusDays(PlaygroundEngine.MaxInstancesPerRule / 2 * Apart))}); a rule that matches this often is almost certainly too broad: narrow its 'when' or 'where', or split the history by period", d.Message);
        Assert.Null(result.Outcome.Report);
    }

    [Fact]
    public void The_controls_give_the_verdicts_of_assume_and_reading_on_the_command_line()
    {
        var sample = Samples.All(Embedded).Single(s => s.Id == "armenia-azerbaijan-1993-1994");
        var files = sample.Files.Select(p => new WorkFile(p, Embedded.Text(p)!, p)).ToList();
        var choices = ChoiceState.None.WithAssumption("CST.necessary", "14 days").WithReading("CST.window", "war");
        var options = new EvaluationOptions(AssumptionOverrides: new Dictionary<string, Period> { ["CST.necessary"] = Period.FromDays(14) })
        {
            ReadingChoices = new Dictionary<string, string> { ["CST.window"] = "war" },
        };
        var cli = Checker.Check(
            [.. files.Where(f => f.IsRules).Select(f => new SourceFile(f.Path, f.Text))],
            [.. files.Where(f => f.IsHistory).Select(f => new SourceFile(f.Path, f.Text))], options);

        var chosen = PlaygroundEngine.Evaluate(files, choices);
        var plain = PlaygroundEngine.Evaluate(files, ChoiceState.None);
        Assert.Empty(chosen.Diagnostics.Where(d => d.IsError));
        Assert.Equal(BundleTests.Summaries(cli.Report!), BundleTests.Summaries(chosen.Outcome.Report!));
        Assert.NotEqual(BundleTests.Summaries(plain.Outcome.Report!), BundleTests.Summaries(chosen.Outcome.Report!));
        Assert.Equal(cli.Diagnostics.Select(d => d.Code + d.Message), chosen.Diagnostics.Select(d => d.Code + d.Message));
    }

    [Fact]
    public void An_assumption_that_is_not_a_period_is_left_to_the_treaty()
    {
        var options = PlaygroundEngine.Options(ChoiceState.None.WithAssumption("CST.prompt", "soon").WithAssumption("CST.other", "2 weeks"));
        var only = Assert.Single(options.Overrides);
        Assert.Equal(("CST.other", Period.FromDays(14)), (only.Key, only.Value.Normalize()));
        Assert.Equal(PlaygroundEngine.MaxInstancesPerRule, options.MaxInstancesPerRule);
    }
}
