using AllianceRules.Checking;
using AllianceRules.Evaluation;
using AllianceRules.Parsing;
using AllianceRules.Text;

namespace AllianceRules.Tests.Model;

/// <summary>Regressions of rule gates: places that saw only the rules in force where every version mattered.</summary>
public sealed class RuleGateRegressionTests
{
    // Version x is set off by an attack, version y by a request with an attribute: under the
    // default option 'a' no rule in force uses 'request'.
    private const string Rules = """
        vocabulary {
          verb attack  "uses armed force against"
          verb assist  "provides military assistance to"
          verb request "requests military assistance from"
        }
        treaty T "Test" {
          reading r "How" {
            a "first"
            b "second"
          }
          members {
            ARM 1994-01-01 ..
            RUS 1994-01-01 ..
          }
          rule x "Attack based" {
            kind defense
            if reading r is a
            when $a attack $v where $v is member
            then each member $m except $v must assist $v within 30 days
          }
          rule y "Request based" {
            kind defense
            if reading r is b
            when $v request T [article=4]
            then each member $m except $v must assist $v within 30 days
          }
        }
        """;

    private const string History = """
        as of 1995-12-31
        1995-01-10 AZE attack ARM
        1995-01-11 ARM request T article=4
        1995-01-20 RUS assist ARM
        """;

    [Fact]
    public void A_sweep_keeps_the_attributes_of_events_that_only_a_gated_out_rule_uses()
    {
        var outcome = Checker.Check(
            [new SourceFile("t.treaty", Rules)], [new SourceFile("h.events", History)],
            new EvaluationOptions { Sweeps = [new SweepAxis("r", ["a", "b"])] });
        var changes = outcome.Report!.Sweep!.Changes;
        var y = Assert.Single(changes, c => c.Rule == "T.y");
        Assert.Equal(new InstanceStatus?[] { null, InstanceStatus.Fulfilled }, y.Statuses);
    }

    [Fact]
    public void A_rule_test_may_name_a_rule_that_its_reading_leaves_out()
    {
        var file = new SourceFile("t.test", """
            test "under b there is no x"
              rules "t.treaty"
              history "h.events"
              reading r=b
              expect no T.x RUS
              expect T.y RUS 1995-01-11 fulfilled
            end
            """);
        var (syntax, errors) = TestFileParser.Parse(file);
        Assert.Empty(errors);
        var result = RuleTestRunner.Run(syntax.Tests[0], file, [new SourceFile("t.treaty", Rules)], [new SourceFile("h.events", History)]);
        Assert.Empty(result.Diagnostics);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Lint_finds_a_member_for_a_rule_gated_to_the_option_that_has_one()
    {
        var text = """
            vocabulary {
              verb attack "uses armed force against"
              verb assist "provides military assistance to"
            }
            treaty T "Test" {
              reading r "How" {
                a "first"
                b "second"
              }
              members {
                ARM 1994-01-01 .. 1995-01-01
                RUS 2000-01-01 .. if reading r is b
              }
              rule y "Later help" {
                kind defense
                cites "Article 1"
                quote "q"
                if reading r is b
                effective 2000-01-01 ..
                when $a attack $v
                then each member $m except $v must assist $v within 3 days
              }
            }
            """;
        var (findings, errors) = Checker.Lint([new SourceFile("t.treaty", text)], []);
        Assert.Empty(errors);
        Assert.DoesNotContain(findings, f => f.Code == "AR6006");
    }
}
