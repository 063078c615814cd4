using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Text;

namespace AllianceRules.Tests.Evaluation;

/// <summary>What an episode is (language.md §7, "Episodes"): its status by precedence, and where the gap rule cuts.</summary>
public sealed class EpisodeTests
{
    private const string Rules = """
        vocabulary {
          verb attack "uses armed force against"
        }
        treaty T "A pact (illustrative)" {
          members {
            AAA 2000-01-01 ..
            BBB 2000-01-01 ..
            CCC 2000-01-01 ..
          }
          rule art1 "No force among members" {
            kind nonaggression
            forbid $a attack $b where $a is member and $b is member
          }
        }
        """;

    [Theory]
    [InlineData("violated", "fulfilled", "violated", "pending", "indeterminate", "discharged", "excused")]
    [InlineData("pending", "fulfilled", "pending", "indeterminate", "discharged", "excused")]
    [InlineData("indeterminate", "fulfilled", "indeterminate", "discharged", "excused")]
    [InlineData("fulfilled", "fulfilled", "discharged", "excused")]
    [InlineData("discharged", "discharged", "excused")]
    [InlineData("excused", "excused", "excused")]
    [InlineData("violated", "fulfilled", "fulfilled", "violated")]
    public void An_episode_takes_the_first_status_of_its_instances_in_the_precedence(string expected, params string[] statuses)
    {
        var status = Episodes.StatusOf(statuses.Select(s => Enum.Parse<InstanceStatus>(s, ignoreCase: true)));
        Assert.Equal(expected, status.ToString().ToLowerInvariant());
    }

    [Fact]
    public void Every_status_has_its_place_in_the_precedence() =>
        Assert.Equal(Enum.GetValues<InstanceStatus>().Order(), Episodes.Precedence.Order());

    [Theory]
    [InlineData("2001-01-31", 1)] // exactly the gap: one episode
    [InlineData("2001-02-01", 2)] // one day more: two
    public void Triggers_at_most_the_gap_apart_are_one_episode(string second, int episodes)
    {
        Assert.Equal(30, Episodes.GapDays);
        var report = Run($"2001-01-01 AAA attack BBB\n{second} AAA attack BBB\n");
        Assert.Equal(2, report.Instances.Length);
        var row = Assert.Single(report.SummaryByKind);
        Assert.Equal((episodes, episodes, 0), (row.Episodes, row.Violated, row.Fulfilled));
    }

    [Fact]
    public void The_gap_is_measured_from_the_previous_trigger_so_a_long_crisis_stays_one_episode()
    {
        var report = Run("2001-01-01 AAA attack BBB\n2001-01-26 AAA attack BBB\n2001-02-20 AAA attack BBB\n2001-03-17 AAA attack BBB\n");
        var episode = Assert.Single(Episodes.Of(report.Instances));
        Assert.Equal(4, episode.Instances.Length);
        Assert.Equal("from 2001-01-01 (a=AAA;b=BBB)", episode.Key);
    }

    [Fact]
    public void Instances_with_other_bindings_are_other_episodes()
    {
        // AAA attacking BBB and, the next day, CCC: two casus, one row of two episodes.
        var report = Run("2001-01-01 AAA attack BBB\n2001-01-02 AAA attack CCC\n");
        Assert.Equal(2, Episodes.Of(report.Instances).Length);
        Assert.Equal(2, Assert.Single(report.SummaryByKind).Episodes);
    }

    [Fact]
    public void An_episode_attribute_groups_across_any_gap_and_wins_over_war()
    {
        var report = Run("2001-01-01 AAA attack BBB war=1 episode=E\n2003-01-01 AAA attack BBB war=2 episode=E\n2005-01-01 AAA attack BBB war=2\n2001-01-02 AAA attack BBB\n");
        var keys = Episodes.Of(report.Instances).Select(e => (e.Key, e.Instances.Length));
        // Named episodes and the gap rule's keep apart, even a day apart.
        Assert.Equal([("episode=E", 2), ("from 2001-01-02 (a=AAA;b=BBB)", 1), ("war=2", 1)], keys.Order());
    }

    [Fact]
    public void The_per_instance_summary_keeps_its_meaning()
    {
        var report = Run("2001-01-01 AAA attack BBB\n2001-01-02 AAA attack BBB\n");
        var row = Assert.Single(report.Summary);
        Assert.Equal((2, 2), (row.Invoked, row.Violated));
        Assert.Equal(1, Assert.Single(report.SummaryByKind).Invoked);
    }

    [Fact]
    public void In_every_eval_case_each_instance_is_in_one_episode_whose_key_is_unique_within_its_rule_and_party()
    {
        var folder = Support.Repo.Path("tests", "AllianceRules.Tests", "Cases", "eval");
        string[] extensions = [".treaty", ".events", ".jsonl", ".csv", ".tsv", ".tab"];
        foreach (var dir in Directory.GetDirectories(folder))
        {
            var files = Directory.GetFiles(dir).Where(p => extensions.Any(e => p.EndsWith(e, StringComparison.Ordinal))).Order(StringComparer.Ordinal).Select(p => (p, Path.GetFileName(p)));
            var report = Support.CaseRunner.Run(files, Support.CaseRunner.ReadOptions(Path.Combine(dir, "args"))).Report!;
            var episodes = Episodes.Of(report.Instances);
            Assert.Equal(report.Instances.Length, episodes.Sum(e => e.Instances.Length));
            Assert.All(episodes.GroupBy(e => (e.Rule, e.Party, e.Key)), g => Assert.Single(g));
            Assert.Equal(episodes.Length, report.SummaryByKind.Sum(r => r.Episodes));
        }
    }

    private static Report Run(string history)
    {
        var outcome = Checker.Check([new SourceFile("rules.treaty", Rules)], [new SourceFile("h.events", "as of 2010-01-01\n" + history)]);
        Assert.True(outcome.Report is not null, string.Join("\n", outcome.Diagnostics.Select(DiagnosticFormatter.Format)));
        return outcome.Report!;
    }
}
