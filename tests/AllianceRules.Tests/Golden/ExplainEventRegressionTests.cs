using AllianceRules.Checking;
using AllianceRules.Evaluation.Tracing;
using AllianceRules.Text;

namespace AllianceRules.Tests.Golden;

/// <summary>Bugs review found in <c>explain --event</c>, one test each.</summary>
public sealed class ExplainEventRegressionTests
{
    private static SourceFile Pact(string rule) => new("pact.treaty", $$"""
        vocabulary {
          verb attack "uses armed force against"
          verb consult "consults"
        }
        treaty PACT "A pact" {
          members {
            AAA 2020-01-01 ..
            BBB 2020-01-01 ..
          }
        {{rule}}
        }
        """);

    private static RuleAttempt Explain(SourceFile rules, string history, int line) =>
        Assert.Single(Checker.ExplainEvent([rules], [new SourceFile("h.events", history)], null, "h.events", line).Explanation!.Rules);

    [Fact]
    public void A_rule_without_where_whose_pattern_fails_leaves_its_parties_unjudged()
    {
        // Regression: the attempt was recorded before the pattern was matched, so a rule with no
        // 'where' counted as holding, and its parties step said "it obliged no one".
        var rules = Pact("""
              rule r1 "Consult when AAA is attacked" {
                kind consultation
                when _ attack AAA
                then BBB must consult AAA within 7 days
              }
            """);
        var rule = Explain(rules, "as of 2020-12-31\n2020-01-05 BBB attack CCC\n", 2);
        Assert.False(rule.Fired);
        Assert.Equal(EventStep.Pattern, rule.FailedAt);
        var parties = rule.Steps.Single(s => s.Step == EventStep.Parties);
        Assert.False(parties.Judged);
        Assert.Equal("not judged: the rule did not fire", parties.Detail);
    }

    [Fact]
    public void An_interval_event_in_force_only_after_the_horizon_fails_at_the_horizon()
    {
        // Regression: the rule's days in force within the event all fell after the horizon, where
        // the engine never carries it, yet 'effective' and the horizon both passed and the text
        // fell back to "the engine did not try it".
        var rules = Pact("""
              rule r1 "Consult when a member is attacked" {
                kind consultation
                effective 2020-02-01 ..
                when _ attack $v where $v is member
                then each member $m except $v must consult $v within 7 days
              }
            """);
        var rule = Explain(rules, "as of 2020-01-20\n2020-01-10 .. 2020-03-01 CCC attack AAA\n", 2);
        Assert.Equal(EventStep.Horizon, rule.FailedAt);
        Assert.StartsWith("the event's days in force (from 2020-02-01) lie after the horizon, 2020-01-20", rule.Steps.Single(s => s.Step == EventStep.Horizon).Detail, StringComparison.Ordinal);
        Assert.False(rule.Steps.Single(s => s.Step == EventStep.Where).Judged);
    }

    [Fact]
    public void The_ways_a_where_held_are_capped_as_the_ways_it_failed_are()
    {
        // Regression: each 'there was' match gave its own "it holds" block, uncapped (915 lines for 300 requests).
        var rules = Pact("""
              rule r1 "Consult an attacked member that asked" {
                kind consultation
                when _ attack $v where there was $v consult _ within 30 days before
                then each member $m except $v must consult $v within 7 days
              }
            """);
        var requests = string.Concat(Enumerable.Range(1, 12).Select(d => $"2020-01-{d:00} AAA consult BBB\n"));
        var rule = Explain(rules, "as of 2020-12-31\n" + requests + "2020-01-20 CCC attack AAA\n", 14);
        var where = rule.Steps.Where(s => s.Step == EventStep.Where).ToList();
        Assert.Equal(6, where.Count);
        Assert.Equal("and 7 more ways it holds on 2020-01-20", where[^1].Detail);
    }
}
