using System.Text.Json.Nodes;
using AllianceRules.Evaluation;
using AllianceRules.Tests.Support;
using AllianceRules.Text;
using CsCheck;
using NodaTime;

namespace AllianceRules.Tests.Properties;

/// <summary>What the contract promises for every history, checked on random ones.</summary>
public sealed class EvaluationProperties
{
    private static readonly SourceFile Rules = new("rules.treaty", PropertyRules.Text);

    private static Report Evaluate(IEnumerable<string> lines, LocalDate? asOf = null)
    {
        var history = new SourceFile("h.events", string.Join("\n", lines) + "\n");
        var outcome = CaseRunner.Check([Rules, history], new EvaluationOptions(asOf));
        Assert.True(outcome.Succeeded, CaseRunner.Render(outcome));
        return outcome.Report!;
    }

    private static string Json(Report report) => AllianceRules.Reporting.JsonReportWriter.Write(report, Support.JsonGolden.Tool);

    [Fact]
    public void The_property_rules_trigger_every_status()
    {
        // Guards the generator: properties over histories that never reach a status prove little.
        var seen = new HashSet<InstanceStatus>();
        // Sample runs on several threads: the set is shared, so adding to it is locked (unlocked, a lost add once failed the test).
        HistoryGen.Lines.Sample(lines =>
        {
            var statuses = Evaluate(lines, HistoryGen.Start.PlusDays(HistoryGen.Days + 40)).Instances.Select(i => i.Status).ToList();
            lock (seen) seen.UnionWith(statuses);
        }, iter: 200, seed: "0000ALLIANCE");
        seen.UnionWith(Evaluate(["2010-12-01 AZE attack ARM"], new LocalDate(2010, 12, 5)).Instances.Select(i => i.Status));
        Assert.Equal(Enum.GetValues<InstanceStatus>().Order(), seen.Order());
    }

    [Fact]
    public void Shuffling_the_lines_never_changes_the_report()
    {
        Gen.Select(HistoryGen.Lines, Gen.Int).Sample((lines, seed) =>
        {
            var shuffled = lines.ToArray();
            new Random(seed).Shuffle(shuffled);
            var asOf = HistoryGen.Start.PlusDays(HistoryGen.Days + 10);
            Assert.Equal(Canonical(Evaluate(lines, asOf)), Canonical(Evaluate(shuffled, asOf)));
        }, iter: 300);
    }

    [Fact]
    public void Instances_are_ordered_and_numbered_as_the_contract_says()
    {
        HistoryGen.Lines.Sample(lines =>
        {
            var report = Evaluate(lines, HistoryGen.Start.PlusDays(HistoryGen.Days));
            var keys = report.Instances.Select(i => (i.TriggeredOn, i.Rule.QualifiedId, i.Party, Bindings: Bindings(i))).ToList();
            for (var k = 1; k < keys.Count; k++)
            {
                var (a, b) = (keys[k - 1], keys[k]);
                var order = a.TriggeredOn.CompareTo(b.TriggeredOn);
                if (order == 0) order = string.CompareOrdinal(a.QualifiedId, b.QualifiedId);
                if (order == 0) order = string.CompareOrdinal(a.Party, b.Party);
                if (order == 0) order = string.CompareOrdinal(a.Bindings, b.Bindings);
                Assert.True(order <= 0, $"instance {k} is out of order");
            }
            foreach (var rule in report.Instances.GroupBy(i => i.Rule.QualifiedId))
            {
                Assert.Equal(Enumerable.Range(1, rule.Count()).Select(n => $"{rule.Key}#{n}"), rule.Select(i => i.Id));
            }
        }, iter: 200);
    }

    private static string Bindings(InstanceResult i) =>
        "{" + string.Join(",", i.Bindings.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"\"{b.Key}\":\"{b.Value}\"")) + "}";

    [Fact]
    public void Events_after_the_horizon_never_change_a_decided_instance()
    {
        Gen.Select(HistoryGen.Lines, Gen.Int[0, HistoryGen.Days], Gen.Int[1, 60]).Sample((lines, cut, more) =>
        {
            var early = HistoryGen.Start.PlusDays(cut);
            var late = early.PlusDays(more);
            var before = Evaluate(lines, early);
            var after = Evaluate(lines, late).Instances.ToDictionary(i => i.Id);
            foreach (var decided in before.Instances.Where(i => i.Status != InstanceStatus.Pending))
            {
                Assert.True(after.TryGetValue(decided.Id, out var later), $"{decided.Id} vanished");
                Assert.Equal(Describe(decided), Describe(later));
            }
        }, iter: 300);
    }

    [Fact]
    public void Every_instance_has_one_status_and_a_consistent_decision_date()
    {
        Gen.Select(HistoryGen.Lines, Gen.Int[0, HistoryGen.Days + 60]).Sample((lines, horizonDay) =>
        {
            var horizon = HistoryGen.Start.PlusDays(horizonDay);
            var report = Evaluate(lines, horizon);
            foreach (var i in report.Instances) AssertConsistent(i, horizon);
            foreach (var row in report.Summary)
            {
                var mine = report.Instances.Where(i => i.Rule.Treaty == row.Treaty && i.Party == row.Party).ToList();
                Assert.NotEmpty(mine);
                Assert.Equal(mine.Count(i => i.Status == InstanceStatus.Fulfilled), row.Fulfilled);
                Assert.Equal(mine.Count(i => i.Status == InstanceStatus.Violated), row.Violated);
                Assert.Equal(mine.Count, row.Invoked + row.Pending + row.Discharged + row.Excused + row.Indeterminate);
                Assert.Equal(mine.Count(i => i.Status == InstanceStatus.Indeterminate), row.Indeterminate);
                Assert.Equal(row.Invoked == 0 ? null : (double)row.Fulfilled / row.Invoked, row.Reliability);
            }
            Assert.Equal(report.Instances.Select(i => (i.Rule.Treaty, i.Party)).Distinct().Count(), report.Summary.Length);
        }, iter: 300);
    }

    private static void AssertConsistent(InstanceResult i, LocalDate horizon)
    {
        Assert.NotEmpty(i.Triggers);
        Assert.All(i.Triggers, t => Assert.True(t.Date >= i.TriggeredOn && t.Date <= horizon));
        Assert.Equal(i.TriggeredOn, i.Triggers[0].Date);
        if (i.Rule.IsForbid)
        {
            Assert.Null(i.Deadline);
            Assert.Contains(i.Status, new[] { InstanceStatus.Violated, InstanceStatus.Excused });
            Assert.Equal(i.TriggeredOn, i.DecidedOn);
            return;
        }
        if (i.Deadline is not { } deadline)
        {
            // Only a 'before' window has no deadline: its closing event has not come, so only an event can have decided it.
            Assert.IsType<AllianceRules.Model.BeforeWindow>(i.Rule.Obligation!.Window);
            if (i.Status is InstanceStatus.Pending or InstanceStatus.Excused) return;
            Assert.NotEmpty(i.Evidence);
            Assert.True(i.DecidedOn >= i.TriggeredOn && i.DecidedOn <= horizon);
            return;
        }
        Assert.True(deadline >= i.TriggeredOn);
        switch (i.Status)
        {
            case InstanceStatus.Pending:
                Assert.Null(i.DecidedOn);
                Assert.True(horizon <= deadline, $"{i.Id} is pending past its deadline");
                Assert.Empty(i.Evidence);
                break;
            case InstanceStatus.Excused:
                Assert.Equal(i.TriggeredOn, i.DecidedOn);
                Assert.Empty(i.Evidence);
                break;
            default:
                var decided = i.DecidedOn!.Value;
                Assert.True(decided >= i.TriggeredOn && decided <= horizon);
                if (decided == deadline.PlusDays(1))
                {
                    Assert.Empty(i.Evidence);
                    var negated = i.Rule.Obligation!.Negated;
                    Assert.Equal(negated ? InstanceStatus.Fulfilled : InstanceStatus.Violated, i.WouldBe ?? i.Status);
                }
                else
                {
                    Assert.True(decided <= deadline);
                    Assert.NotEmpty(i.Evidence);
                    Assert.All(i.Evidence, e => Assert.Equal(decided, e.Date));
                }
                break;
        }
    }

    private static string Describe(InstanceResult i) =>
        $"{i.Rule.QualifiedId} {i.Party} {i.Status} {i.TriggeredOn} {i.Deadline} {i.DecidedOn} {string.Join(",", i.Bindings)} " +
        $"{string.Join(";", i.Triggers.Select(t => t.Origin.Line))} {string.Join(";", i.Evidence.Select(e => e.Origin.Line))} {i.Reason}";

    /// <summary>The report without ids' numbers and line numbers, instances as a sorted multiset.</summary>
    private static string Canonical(Report report)
    {
        var json = JsonNode.Parse(Json(report))!;
        var instances = json["instances"]!.AsArray().Select(i =>
        {
            var copy = WithoutLines(i!.DeepClone());
            copy["id"] = copy["id"]!.GetValue<string>().Split('#')[0];
            // Same-date events in 'triggers' and 'evidence' are ordered by line, which shuffling changes.
            foreach (var list in new[] { "triggers", "evidence" })
            {
                var events = copy[list]!.AsArray().Select(t => t!.ToJsonString()).Order(StringComparer.Ordinal);
                copy[list] = new JsonArray([.. events.Select(t => JsonNode.Parse(t))]);
            }
            if (copy["excuse"] is JsonObject excuse)
            {
                var found = excuse["evidence"]!.AsArray().Select(t => t!.ToJsonString()).Order(StringComparer.Ordinal);
                excuse["evidence"] = new JsonArray([.. found.Select(t => JsonNode.Parse(t))]);
            }
            // An excuse cites the lines of the events it found, which shuffling renumbers.
            copy["reason"] = System.Text.RegularExpressions.Regex.Replace(copy["reason"]!.GetValue<string>(), @"(\.events):\d+", "$1:#");
            return copy.ToJsonString();
        }).Order(StringComparer.Ordinal);
        return string.Join("\n", instances) + "\n" + json["summary"]!.ToJsonString() + json["asOf"];
    }

    private static JsonNode WithoutLines(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                o.Remove("line");
                foreach (var (_, child) in o.ToList()) if (child is not null) WithoutLines(child);
                break;
            case JsonArray a:
                foreach (var child in a) if (child is not null) WithoutLines(child);
                break;
        }
        return node;
    }
}
