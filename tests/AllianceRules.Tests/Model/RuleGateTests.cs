using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Formatting;
using AllianceRules.Model;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Tests.Model;

/// <summary>
/// Rule gates (language.md §3, "Readings"): <c>if reading NAME is [not] OPTION</c> as a rule item
/// keeps the rule only under that option, and versions under options that exclude each other share an id.
/// </summary>
public sealed class RuleGateTests
{
    private const string Vocabulary = """
        vocabulary {
          verb attack "uses armed force against"
          verb assist "provides military assistance to"
          verb ceasefire "agrees a ceasefire with"
        }

        """;

    private static string Pact(string gateA, string gateB) => Vocabulary + $$"""
        treaty P "Pact" {
          reading window "How long assistance may take" {
            days "Within 30 days"
            war  "Until a ceasefire"
            none "No deadline"
          }
          reading scope "Who may be assisted" {
            all  "Any member"
            some "Some members"
          }
          members {
            ARM 1994-04-20 ..
            RUS 1994-04-20 ..
          }
          rule r "Within 30 days" {
            kind defense
            {{gateA}}
            when _ attack $v where $v is member
            then each member $x except $v must assist $v within 30 days
          }
          rule r "Until the ceasefire" {
            kind defense
            {{gateB}}
            when _ attack $v where $v is member
            then each member $x except $v must assist $v before $v ceasefire _
          }
        }
        """;

    private const string History = """
        as of 1995-12-31
        1995-01-10 AZE attack ARM
        1995-02-20 RUS assist ARM
        1995-03-01 ARM ceasefire AZE
        """;

    private static LoadResult<RuleSet> Load(string text) => RuleSetLoader.Load([new SourceFile("p.treaty", text)]);

    private static List<string> Errors(string text) => [.. Load(text).Diagnostics.Select(d => $"{d.Span.Start} {d.Code} {d.Message}")];

    private static Dictionary<string, string> Choose(string reading, string option) => new(StringComparer.Ordinal) { [reading] = option };

    [Theory]
    [InlineData("if reading window is days", "if reading window is war")]
    [InlineData("if reading window is days", "if reading window is not days")]
    [InlineData("if reading window is not war", "if reading window is war")]
    // Options 'none' and 'war' vs 'days': no option passes both sides.
    [InlineData("if reading window is days", "if reading window is not days\n    if reading scope is all")]
    public void Versions_whose_gates_exclude_each_other_may_share_an_id(string gateA, string gateB)
    {
        Assert.Empty(Errors(Pact(gateA, gateB)));
    }

    [Theory]
    [InlineData("", "if reading window is war")]
    [InlineData("if reading window is not war", "if reading window is not days")]
    [InlineData("if reading window is days", "if reading scope is all")]
    [InlineData("if reading window is days", "")]
    public void Versions_whose_gates_can_hold_together_are_a_duplicate_id(string gateA, string gateB)
    {
        var text = Pact(gateA, gateB);
        var second = text.IndexOf("rule r \"Until", StringComparison.Ordinal) + "rule ".Length;
        Assert.Equal([$"{second} AR3002 rule id 'r' is used more than once in treaty 'P'; rules may share an id only when their 'if reading' gates exclude each other"], Errors(text));
    }

    [Fact]
    public void An_unknown_reading_or_option_in_a_rule_gate_is_reported_where_written_with_the_nearest_name()
    {
        var text = Pact("if reading windo is days", "if reading window is wars");
        Assert.Equal(
        [
            $"{text.IndexOf("windo is", StringComparison.Ordinal)} AR3032 treaty 'P' has no 'reading windo'; did you mean 'window'?",
            $"{text.IndexOf("wars", StringComparison.Ordinal)} AR3033 reading 'window' has no option 'wars'; its options are 'days', 'war' and 'none'; did you mean 'war'?",
        ], Errors(text));
    }

    [Fact]
    public void Choices_keep_only_the_version_whose_gates_hold_and_can_bring_the_other_back()
    {
        var rules = Load(Pact("if reading window is days", "if reading window is not days")).Value!;
        string Titles(RuleSet set) => string.Join(", ", set.FindTreaty("P")!.Rules.Select(r => r.Title));
        Assert.Equal("Within 30 days", Titles(rules));
        var war = rules.WithChoices(Choose("window", "war"), new Dictionary<string, Period>());
        Assert.Equal("Until the ceasefire", Titles(war));
        Assert.Equal("Within 30 days", Titles(war.WithChoices(Choose("P.window", "days"), new Dictionary<string, Period>())));
        Assert.Equal(2, war.FindTreaty("P")!.DeclaredRules.Length);
        Assert.Empty(rules.WithChoices(Choose("window", "war"), new Dictionary<string, Period>()).FindTreaty("P")!.Rules.Where(r => r.Title == "Within 30 days"));
    }

    [Fact]
    public void A_rule_with_several_gates_is_in_force_only_where_all_hold()
    {
        var rules = Load(Pact("if reading window is days\n    if reading scope is some", "if reading window is war")).Value!;
        Assert.DoesNotContain(rules.FindTreaty("P")!.Rules, r => r.Title == "Within 30 days");
        var both = rules.WithChoices(new Dictionary<string, string> { ["scope"] = "some" }, new Dictionary<string, Period>());
        Assert.Contains(both.FindTreaty("P")!.Rules, r => r.Title == "Within 30 days");
    }

    [Fact]
    public void A_sweep_compares_the_versions_under_one_rule_id()
    {
        var outcome = Checker.Check(
            [new SourceFile("p.treaty", Pact("if reading window is days", "if reading window is war"))],
            [new SourceFile("h.events", History)],
            new EvaluationOptions { Sweeps = [new SweepAxis("window", ["days", "war"])] });
        var row = Assert.Single(outcome.Report!.Sweep!.Changes);
        Assert.Equal(("P.r", "RUS"), (row.Rule, row.Party));
        Assert.Equal(new InstanceStatus?[] { InstanceStatus.Violated, InstanceStatus.Fulfilled }, row.Statuses);
    }

    [Fact]
    public void Calendar_duties_and_forbids_accept_gates_and_lint_counts_a_gate_as_a_use()
    {
        var text = Vocabulary + """
            treaty P "Pact" {
              signed 1994-04-20
              reading strict "How strict" {
                yes "Strict"
                no  "Lax"
              }
              members { ARM 1994-04-20 .. }
              rule every-year "Yearly" {
                kind consultation
                if reading strict is yes
                every 1 year then ARM must assist ARM
              }
              rule no-attack "No attack" {
                kind nonaggression
                if reading strict is no
                forbid $a attack $b where $a is member and $b is member
              }
            }
            """;
        var rules = Load(text).Value!;
        Assert.Equal(["every-year"], rules.FindTreaty("P")!.Rules.Select(r => r.Id));
        var (findings, errors) = Checker.Lint([new SourceFile("p.treaty", text)], []);
        Assert.Empty(errors);
        Assert.DoesNotContain(findings, f => f.Code == "AR6011");
        var ungated = text.Replace("if reading strict is yes", string.Empty).Replace("if reading strict is no", string.Empty).Replace("rule no-attack", "rule no-attack2");
        Assert.Contains(Checker.Lint([new SourceFile("p.treaty", ungated)], []).Findings, f => f.Code == "AR6011");
    }

    [Theory]
    [InlineData("if reading window is days", "if reading window is war", false)]
    [InlineData("if reading window is days", "if reading window is not war", true)]
    public void Versions_of_an_article_overlap_only_when_their_gates_can_hold_together(string gateA, string gateB, bool overlap)
    {
        var text = Pact(gateA, gateB)
            .Replace("rule r \"Until the ceasefire\" {", "rule r2 \"Until the ceasefire\" {")
            .Replace("    kind defense\n", "    kind defense\n    cites \"Article 4\"\n    effective 1994-04-20 ..\n");
        var (findings, errors) = Checker.Lint([new SourceFile("p.treaty", text)], []);
        Assert.Empty(errors);
        Assert.Equal(overlap, findings.Any(f => f.Code == "AR6004"));
    }

    [Fact]
    public void A_rule_gate_and_attribute_tests_parse_with_their_spans()
    {
        var text = Pact("if reading window is not days", "if reading window is war").Replace("when _ attack $v where", "when _ attack $v [level in [high, \"4.1\"], body=_] where");
        var (syntax, diagnostics) = AllianceRules.Parsing.RuleFileParser.Parse(new SourceFile("p.treaty", text));
        Assert.Empty(diagnostics);
        var rule = syntax.Treaties[0].Items.OfType<AllianceRules.Syntax.RuleSyntax>().First();
        var gate = Assert.Single(rule.Items.OfType<AllianceRules.Syntax.RuleGateSyntax>());
        Assert.Equal("if reading window is not days", text.Substring(gate.Span.Start, gate.Span.Length));
        Assert.Equal((true, "days"), (gate.Test.Negated, gate.Test.Option.Text));
        var attributes = rule.Items.OfType<AllianceRules.Syntax.WhenThenSyntax>().Single().When.Attributes;
        Assert.Equal(["level in [high, \"4.1\"]", "body=_"], attributes.Select(a => text.Substring(a.Span.Start, a.Span.Length)));
        var list = Assert.IsType<AllianceRules.Syntax.AttributeInSyntax>(attributes[0]);
        Assert.Equal(["high", "4.1"], list.Values.Select(v => v.Value));
        Assert.IsType<AllianceRules.Syntax.AttributePresentSyntax>(attributes[1]);
    }

    [Fact]
    public void Explain_says_under_which_reading_a_gated_rule_is_in_the_treaty()
    {
        var outcome = Checker.Explain(
            [new SourceFile("p.treaty", Pact("if reading window is days", "if reading window is war"))],
            [new SourceFile("h.events", History)],
            new EvaluationOptions { ReadingChoices = new Dictionary<string, string> { ["window"] = "war" } },
            "P.r",
            i => i.Party == "RUS");
        var text = AllianceRules.Reporting.ExplanationTextWriter.Write(outcome.Explanations);
        Assert.Contains("It is in the treaty only under 'if reading window is war', and 'window' is 'war'.", text);
        Assert.Contains("Until the ceasefire", text);
    }

    [Fact]
    public void The_formatter_sets_a_gate_as_an_item_and_keeps_it_where_written()
    {
        var messy = Pact("if reading window is days", "if reading window is war").Replace("    if reading window is war", "        if   reading window is war");
        var formatted = Formatter.Format(new SourceFile("p.treaty", messy));
        Assert.True(formatted.PreservesTokens);
        Assert.Contains("    kind defense\n    if reading window is war\n    when", formatted.Text);
        Assert.Equal(formatted.Text, Formatter.Format(new SourceFile("p.treaty", formatted.Text!)).Text);
    }
}
