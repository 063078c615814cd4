using System.Text.Json;
using AllianceRules.Evaluation;
using AllianceRules.Reporting;
using AllianceRules.Tests.Support;
using AllianceRules.Text;
using CsCheck;
using NodaTime;

namespace AllianceRules.Tests.Properties;

/// <summary>
/// <c>--baseline</c> on random histories: a report compared with itself has no changes, and the
/// changes from A to B, read back from B's JSON report, turn A's instances into B's.
/// </summary>
public sealed class BaselineProperties
{
    private static readonly SourceFile Rules = new("rules.treaty", PropertyRules.Text);

    private static readonly LocalDate AsOf = HistoryGen.Start.PlusDays(HistoryGen.Days + 40);

    private static Report Evaluate(IEnumerable<string> lines)
    {
        var outcome = CaseRunner.Check([Rules, new SourceFile("h.events", string.Join("\n", lines) + "\n")], new EvaluationOptions(AsOf));
        Assert.True(outcome.Succeeded, CaseRunner.Render(outcome));
        return outcome.Report!;
    }

    private static BaselineReport AsBaseline(Report report) => new("a.json", [.. report.Instances.Select(BaselineInstance.Of)]);

    [Fact]
    public void A_report_compared_with_itself_has_no_changes() =>
        HistoryGen.Lines.Sample(lines =>
        {
            var report = Evaluate(lines);
            Assert.Empty(BaselineComparer.Compare(AsBaseline(report), report.Instances).Changes);
        }, iter: 100, seed: "0000ALLIANCE");

    [Fact]
    public void The_changes_read_back_turn_the_baseline_into_the_report()
    {
        var seen = new HashSet<ChangeKind>();
        Gen.Select(HistoryGen.Lines, HistoryGen.Lines).Sample((first, more) =>
        {
            // More events change statuses and open instances; fewer remove them: both directions.
            var shorter = Evaluate(first);
            var longer = Evaluate(first.Concat(more));
            var kinds = Reconstructs(shorter, longer).Concat(Reconstructs(longer, shorter)).ToList();
            lock (seen) seen.UnionWith(kinds);
        }, iter: 100, seed: "0000ALLIANCE");
        // Guards the generator: a property over histories that change nothing proves little.
        Assert.Equal(Enum.GetValues<ChangeKind>().Order(), seen.Order());
    }

    /// <summary>Applies the <c>changes</c> of B's JSON report to A's instances, as a consumer would, and finds B's.</summary>
    private static IEnumerable<ChangeKind> Reconstructs(Report a, Report b)
    {
        var comparison = BaselineComparer.Compare(AsBaseline(a), b.Instances);
        var json = JsonReportWriter.Write(b with { Baseline = comparison }, JsonGolden.Tool);
        using var document = JsonDocument.Parse(json);
        var statuses = a.Instances.Select(i => (Key: Key(i.Rule.QualifiedId, i.Party, DateText.Format(i.TriggeredOn), i.Bindings), Status: Word(i.Status))).ToList();
        foreach (var change in document.RootElement.GetProperty("changes").EnumerateArray())
        {
            var key = Key(change.GetProperty("rule").GetString()!, change.GetProperty("party").GetString()!, change.GetProperty("triggeredOn").GetString()!,
                change.GetProperty("bindings").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!)));
            var was = change.GetProperty("was").GetString();
            var now = change.GetProperty("now").GetString();
            switch (change.GetProperty("change").GetString())
            {
                case "changed":
                    statuses[statuses.IndexOf((key, was!))] = (key, now!);
                    break;
                case "added":
                    Assert.Null(was);
                    statuses.Add((key, now!));
                    break;
                case "removed":
                    Assert.Null(now);
                    Assert.True(statuses.Remove((key, was!)), $"removed {key} was not in the baseline");
                    break;
                default:
                    Assert.Fail(change.ToString());
                    break;
            }
        }
        var expected = b.Instances.Select(i => (Key(i.Rule.QualifiedId, i.Party, DateText.Format(i.TriggeredOn), i.Bindings), Word(i.Status)));
        Assert.Equal(expected.Order(), statuses.Order());
        return comparison.Changes.Select(c => c.Kind);
    }

    private static string Key(string rule, string party, string on, IEnumerable<KeyValuePair<string, string>> bindings) =>
        $"{rule} {party} {on} {string.Join(",", bindings.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key}={b.Value}"))}";

    private static string Word(InstanceStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Two instances of one identity are paired in order; what is left over is added or removed, after the report's instances of its date, rule and party.</summary>
    [Fact]
    public void Instances_of_one_identity_pair_in_order()
    {
        var report = Evaluate(["2010-12-01 AZE attack ARM"]);
        Assert.NotEmpty(report.Instances);
        var only = report.Instances[0];
        var twice = report.Instances.Insert(1, only with { Id = only.Id + "b", Status = InstanceStatus.Pending });
        var baseline = AsBaseline(report);

        var added = BaselineComparer.Compare(baseline, twice).Changes;
        Assert.Equal([(ChangeKind.Added, only.Id + "b")], added.Select(c => (c.Kind, c.Id)));

        var removed = BaselineComparer.Compare(new BaselineReport("a.json", [.. baseline.Instances, BaselineInstance.Of(only) with { Status = InstanceStatus.Fulfilled, Id = "old#9" }]), report.Instances).Changes;
        Assert.Equal([(ChangeKind.Removed, "old#9", (InstanceStatus?)InstanceStatus.Fulfilled)], removed.Select(c => (c.Kind, c.BaselineId!, c.Was)));
        Assert.Empty(BaselineComparer.Compare(baseline, report.Instances).Changes);
    }
}
