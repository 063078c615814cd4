using AllianceRules.Checking;
using AllianceRules.Reporting.Study;
using AllianceRules.Text;

namespace AllianceRules.Tests.Reporting;

/// <summary>How <c>alliance study</c> judges an alliance in a war, after Leeds and Berkemeier and Fuhrmann.</summary>
public sealed class ReliabilityStudyTests
{
    private const string Rules = """
        vocabulary {
          verb attack "uses armed force against"
          verb assist "joins a war on the side of"
          verb consult "consults"
          verb endwar "ends the war with"
        }
        treaty PACT "A pact (illustrative)" {
          members {
            AAA 1800-01-01 ..
            BBB 1800-01-01 ..
            CCC 1800-01-01 ..
          }
          rule defense "Defence" {
            kind defense
            when $a attack $v where $v is member and not ($a is member)
            then each member $ally except $v must assist $v [war=@war] before _ endwar _ [war=@war]
          }
          rule neutral "Neutrality" {
            kind neutrality
            when $a attack $v where $v is member and not ($a is member)
            then each member $ally except $v must not attack $v [war=@war] before _ endwar _ [war=@war]
          }
          rule no-fighting "No fighting among members" {
            kind defense
            forbid $a attack $b [war=1] where $a is member and $b is member
          }
          rule talk "Consultation" {
            kind consultation
            when $a attack $v where $v is member and not ($a is member)
            then each member $ally except $v must consult $v [war=@war] before _ endwar _ [war=@war]
          }
        }
        """;

    private static ReliabilityStudy Study(string history)
    {
        var outcome = Checker.Check([new SourceFile("pact.treaty", Rules)], [new SourceFile("h.events", "as of 2000-01-01\n" + history)]);
        Assert.True(outcome.Report is not null, string.Join("\n", outcome.Diagnostics.Select(Diagnostics.DiagnosticFormatter.Format)));
        return ReliabilityStudy.Build(outcome.Report!);
    }

    [Fact]
    public void One_ally_joining_honours_the_pact_though_another_stayed_out()
    {
        var study = Study("1866-06-15 XXX attack AAA war=1\n1866-06-20 BBB assist AAA war=1\n1866-07-26 XXX endwar AAA war=1\n");
        var pair = Assert.Single(study.Pairs);
        Assert.Equal(PairVerdict.Honoured, pair.Verdict);
        // Judged on defence, its strongest promise: staying neutral does not count for CCC.
        Assert.Equal((1, 1), (pair.Fulfilled, pair.Violated));
        Assert.Equal(new Tally(2, 1, 1), study.Members.All);
        // The strict rule wants every obligated member: CCC stayed out, so the promise was not kept.
        Assert.Equal(PairVerdict.Violated, pair.StrictVerdict);
        Assert.Equal((new Tally(1, 1, 0), new Tally(1, 0, 1)), (study.ByPair[0].All, study.StrictByPair[0].All));
    }

    [Fact]
    public void Allies_fighting_each_other_violate_the_pact_whatever_else_they_did()
    {
        var study = Study("1866-06-15 XXX attack AAA war=1\n1866-06-20 BBB assist AAA war=1\n1866-06-21 CCC attack AAA war=1\n1866-07-26 XXX endwar AAA war=1\n");
        var pair = Assert.Single(study.Pairs);
        Assert.Equal(PairVerdict.Violated, pair.Verdict);
        Assert.Equal(1, pair.AlliesFought);
    }

    [Fact]
    public void No_ally_joining_violates_it_and_consultation_is_left_out()
    {
        var study = Study("1866-06-15 XXX attack AAA war=1\n1866-06-16 BBB consult AAA war=1\n1866-07-26 XXX endwar AAA war=1\n");
        Assert.Equal(PairVerdict.Violated, Assert.Single(study.Pairs).Verdict);
        Assert.Equal(2, study.Consultation);
        Assert.Equal(new Tally(1, 0, 1), study.ByPair[0].All);
    }

    [Fact]
    public void Figures_are_split_at_the_year_given()
    {
        var study = Study(
            "1866-06-15 XXX attack AAA war=1\n1866-06-20 BBB assist AAA war=1\n1866-07-26 XXX endwar AAA war=1\n" +
            "1950-06-25 YYY attack BBB war=2\n1953-07-27 YYY endwar BBB war=2\n");
        var all = study.ByPair[0];
        Assert.Equal((new Tally(2, 1, 1), new Tally(1, 1, 0), new Tally(1, 0, 1)), (all.All, all.Before, all.After));
        Assert.Equal(0.5, all.All.Reliability);
    }

    [Fact]
    public void A_war_without_its_end_is_undecided_and_not_counted()
    {
        var pair = Assert.Single(Study("1950-06-25 YYY attack BBB war=2\n").Pairs);
        Assert.Equal(PairVerdict.Undecided, pair.Verdict);
    }

    [Fact]
    public void A_defence_promise_awaiting_judgment_is_not_honoured_by_the_neutrality_clause()
    {
        // Regression: the strongest promise was chosen among decided instances only, so neutrality decided the pair.
        var rules = Rules.Replace("  rule defense \"Defence\" {\n    kind defense\n", "  rule defense \"Defence\" {\n    kind defense\n    judgment \"only against a named adversary\"\n", StringComparison.Ordinal);
        Assert.NotEqual(Rules, rules);
        var outcome = Checker.Check([new SourceFile("pact.treaty", rules)], [new SourceFile("h.events", "as of 2000-01-01\n1866-06-15 XXX attack AAA war=1\n1866-07-26 XXX endwar AAA war=1\n")]);
        var pair = Assert.Single(ReliabilityStudy.Build(outcome.Report!).Pairs);
        Assert.Equal(PairVerdict.Undecided, pair.Verdict);
    }

    [Fact]
    public void The_table_is_csv_with_a_row_per_pair()
    {
        var csv = StudyCsvWriter.Write(Study("1866-06-15 XXX attack AAA war=1 name=\"Seven, Weeks\"\n1866-07-26 XXX endwar AAA war=1\n"));
        Assert.Equal(
            "treaty,war,name,from,period,kinds,instances,fulfilled,violated,allies_fought,indeterminate,pending,verdict,strict_verdict\n" +
            "PACT,1,\"Seven, Weeks\",1866-06-15,before 1945,defense+neutrality,4,0,2,0,0,0,violated,violated\n",
            csv);
    }

    [Fact]
    public void The_json_opens_with_the_contract_header_and_conforms_to_its_schema()
    {
        var json = StudyJsonWriter.Write(
            Study("1866-06-15 XXX attack AAA war=1 name=\"Seven Weeks\"\n1866-06-20 BBB assist AAA war=1\n1866-07-26 XXX endwar AAA war=1\n1950-06-25 YYY attack BBB war=2\n"),
            Support.JsonGolden.Tool);
        Support.Schemas.AssertConforms(Support.Schemas.Study, json);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(["schemaVersion", "tool", "by"], document.RootElement.EnumerateObject().Take(3).Select(p => p.Name));
        // Each row names its group under the attribute's own name, which the schema allows as an extra string field.
        Assert.Equal(["1", "2"], document.RootElement.GetProperty("table").EnumerateArray().Select(r => r.GetProperty("value").GetString()));
    }
}
