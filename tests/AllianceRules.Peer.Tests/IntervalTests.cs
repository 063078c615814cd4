using System.Text.RegularExpressions;
using AllianceRules.Bench.Gen;
using AllianceRules.Checking;
using AllianceRules.History;
using AllianceRules.Text;

namespace AllianceRules.Peer.Tests;

/// <summary>
/// Interval events (language.md §5.5) on the generated histories. Written as one-day intervals, a
/// history gives the verdicts it gives as points, and so still agrees with the peer; with attacks
/// that last weeks, the stream gives what the history read whole gives.
/// </summary>
public sealed partial class IntervalTests
{
    [GeneratedRegex(@"^(\d{4}-\d\d-\d\d) ", RegexOptions.Multiline)]
    private static partial Regex EventDate();

    private static readonly SourceFile[] Rules = [Repo.Source("bench/peer.treaty"), Repo.Source("rules/vocabulary.treaty")];

    /// <summary>Every verdict whole: rule, party, action, dates, status and bindings; not the events' text.</summary>
    private static string[] Verdicts(AllianceRules.Evaluation.Report report) =>
        [.. report.Instances.Select(i => $"{i.Rule.QualifiedId} {i.Party} {i.Action} {i.TriggeredOn:uuuu-MM-dd} {i.Deadline:uuuu-MM-dd} {i.Status} {i.DecidedOn:uuuu-MM-dd} {string.Join(",", i.Bindings)}")];

    private static AllianceRules.Evaluation.Report Check(string text)
    {
        var outcome = Checker.Check(Rules, [new SourceFile("generated.events", text)]);
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics.Select(d => d.ToString())));
        return outcome.Report!;
    }

    [Theory]
    [InlineData("2k-seed1")]
    [InlineData("members-1999")]
    public void One_day_intervals_give_the_verdicts_of_points(string name)
    {
        var text = EventsWriter.ToText(Histories.Cases[name]);
        var intervals = EventDate().Replace(text, m => $"{m.Groups[1].Value} .. {DateText.Format(DateText.TryParse(m.Groups[1].Value)!.Value.PlusDays(1))} ");
        Assert.NotEqual(text, intervals);
        Assert.Equal(Verdicts(Check(text)), Verdicts(Check(intervals)));
    }

    [Theory]
    [InlineData(2006, 90, false)]
    [InlineData(2006, 400, true)]
    public void Long_attacks_streamed_give_the_report_read_whole(int year, int days, bool firesLater)
    {
        // Every attack lasts weeks (or more than a year), so it holds over other attacks' windows and
        // over UZB's return on 2006-12-13, when attacks between it and members begun earlier break the pact.
        var options = new GeneratorOptions { Events = 20_000, Seed = 6, From = new(year, 1, 1), To = new(year + 1, 6, 30), AttackRate = 0.05 };
        var text = Regex.Replace(EventsWriter.ToText(options), @"^(\d{4}-\d\d-\d\d)( [A-Z0-9_]+ attack )", m => $"{m.Groups[1].Value} .. {DateText.Format(DateText.TryParse(m.Groups[1].Value)!.Value.PlusDays(days))}{m.Groups[2].Value}", RegexOptions.Multiline);
        var whole = Check(text);
        var streamed = CheckPipeline.Check(Rules, [HistorySource.FromText("generated.events", HistoryFormat.Events, text)], null);
        Assert.True(streamed.Outcome.Succeeded);
        Assert.Empty(streamed.Notes);
        Assert.Equal(Verdicts(whole), Verdicts(streamed.Outcome.Report!));
        // With attacks of more than a year, the intervals matter: some instance is triggered after its trigger's first day.
        if (firesLater) Assert.True(whole.Instances.Any(i => i.Triggers.Any(t => t.IsInterval && t.Date < i.TriggeredOn)), "no interval trigger fired after its first day");
    }
}
