using AllianceRules.History;
using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Text;

namespace AllianceRules.Tests.Evaluation;

/// <summary>The limits of docs/robustness.md that the engine enforces: each a located error, never running out of memory.</summary>
public sealed class LimitTests
{
    private static readonly string Rules = Support.SmallPact.Rules("1 day");

    private static readonly string History = string.Concat(Enumerable.Range(0, 5).Select(i => $"2001-01-{10 + (i * 3)} AZE attack ARM\n"));

    private const string Expected = "rules.treaty:10:3: error AR8001: rule 'T.help' opened more than 3 obligation instances (the limit was passed by a trigger on 2001-01-19); a rule that matches this often is almost certainly too broad: narrow its 'when' or 'where', or split the history by period";

    [Fact]
    public void A_rule_past_its_instance_limit_stops_the_check_with_a_located_error()
    {
        var outcome = Checker.Check([new SourceFile("rules.treaty", Rules)], [new SourceFile("h.events", History)], new EvaluationOptions { MaxInstancesPerRule = 3 });
        Assert.Null(outcome.Report);
        Assert.Equal(Expected, DiagnosticFormatter.Format(Assert.Single(outcome.Diagnostics)).Split('\n')[0]);
    }

    [Fact]
    public void A_streamed_check_stops_at_the_same_limit_with_the_same_error()
    {
        var streamed = CheckPipeline.Check([new SourceFile("rules.treaty", Rules)], [HistorySource.FromText("h.events", HistoryFormat.Events, History)], new EvaluationOptions { MaxInstancesPerRule = 3 });
        Assert.Null(streamed.Outcome.Report);
        Assert.Equal(Expected, DiagnosticFormatter.Format(Assert.Single(streamed.Outcome.Diagnostics)).Split('\n')[0]);
    }

    [Fact]
    public void At_the_limit_itself_the_check_goes_through()
    {
        var outcome = Checker.Check([new SourceFile("rules.treaty", Rules)], [new SourceFile("h.events", History)], new EvaluationOptions { MaxInstancesPerRule = 5 });
        Assert.Equal(5, outcome.Report!.Instances.Length);
    }
}
