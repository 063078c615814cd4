using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Text;

namespace AllianceRules.Tests.Checking;

/// <summary>
/// The lint of names (issue #18, AR6012 to AR6015) beyond its golden cases in Cases/lint: what
/// counts as known, and when a check stays silent.
/// </summary>
public sealed class LintNamesTests
{
    private static string Treaty(string members, string rule) => $$"""
        vocabulary { verb attack "attacks" cameo 18 verb assist "assists" cameo 072 verb request "requests" cameo 0234 }
        treaty CST "t" {
          members { {{members}} }
          {{rule}}
        }
        """;

    private const string Defence = """rule r "r" { kind defense cites "c" quote "q" when _ attack $v where $v is member then each member $x except $v must assist $v within 30 days }""";

    private static List<Diagnostic> Lint(string rules, string? history = null) =>
        [.. Checker.Lint([new SourceFile("r.treaty", rules)], history is null ? [] : [new SourceFile("h.events", history)]).Findings];

    [Fact]
    public void Historic_codes_treaties_and_through_organisations_are_known()
    {
        var rules = Treaty("SUN 1994-04-20 .. YUG 1994-04-20 .. ARM 1994-04-20 ..",
            """rule r "r" { kind defense cites "c" quote "q" when _ attack $v where $v is member then each member $x except $v must assist $v within 30 days through CSTO }""");
        Assert.DoesNotContain(Lint(rules), f => f.Code == "AR6012");
    }

    [Fact]
    public void A_code_the_histories_use_is_known_and_one_near_it_is_suggested()
    {
        var rules = Treaty("ARM 1994-04-20 .. XBA 1994-04-20 ..", Defence);
        var findings = Lint(rules, "2022-09-13 AZE attack XAB\n");
        var misspelt = Assert.Single(findings, f => f.Code == "AR6012");
        Assert.Contains("'XBA' is neither", misspelt.Message);
        Assert.EndsWith("did you mean 'XAB'?", misspelt.Message);
    }

    [Fact]
    public void A_code_far_from_every_known_one_is_left_alone()
    {
        Assert.DoesNotContain(Lint(Treaty("ARM 1994-04-20 .. QQQQ 1994-04-20 ..", Defence)), f => f.Code == "AR6012");
    }

    [Fact]
    public void An_except_of_a_member_in_any_interval_is_not_reported()
    {
        var rules = Treaty("ARM 1994-04-20 .. 1999-04-02 RUS 1994-04-20 ..", Defence.Replace("except $v", "except $v, ARM"));
        Assert.DoesNotContain(Lint(rules), f => f.Code == "AR6013");
    }

    [Fact]
    public void Attribute_keys_and_triggers_are_only_linted_with_histories()
    {
        var rules = Treaty("ARM 1994-04-20 ..", Defence.Replace("when _ attack $v", "when _ attack $v [level=high]"));
        Assert.DoesNotContain(Lint(rules), f => f.Code is "AR6014" or "AR6015");
        var findings = Lint(rules, "2022-09-13 AZE attack ARM level=\"low\"\n");
        Assert.Contains(findings, f => f.Code == "AR6015" && f.Severity == Severity.Information);
        Assert.DoesNotContain(findings, f => f.Code == "AR6014");
    }

    [Fact]
    public void A_rule_an_event_triggers_and_a_forbid_rule_are_not_reported()
    {
        var forbid = """rule f "f" { kind nonaggression cites "c" quote "q" forbid $a request $b }""";
        var findings = Lint(Treaty("ARM 1994-04-20 ..", Defence + "\n" + forbid), "2022-09-13 AZE attack ARM\n");
        Assert.DoesNotContain(findings, f => f.Code == "AR6015");
    }

    [Fact]
    public void The_nearest_miss_has_the_rules_verb()
    {
        var rule = """rule r "r" { kind defense cites "c" quote "q" when $v request CST where $v is member then each member $x except $v must assist $v within 30 days }""";
        var findings = Lint(Treaty("ARM 1994-04-20 ..", rule), "2022-09-13 RUS assist ARM\n2022-09-14 ARM request RUS\n");
        var silent = Assert.Single(findings, f => f.Code == "AR6015");
        Assert.Equal("rule 'r' was triggered by no event of the histories; nearest: h.events:2 'ARM request RUS' (the rule wants 'request CST')", silent.Message);
    }

    private static string Code(char first, int n) =>
        string.Concat(Enumerable.Range(0, 4).Select(k => (char)('A' + (n / (int)Math.Pow(26, 3 - k) % 26)))).Insert(0, first.ToString());

    [Fact]
    public void Misspelt_party_lookup_by_index_finds_each_near_code_of_the_histories()
    {
        // The one-deletion index must find what comparing each with each found: every member
        // XAAAA.. is one edit from the history's YAAAA.. and from nothing else. (Its speed, about
        // a second for 20,000 against 20,000 where the old way took a minute, is no test's business.)
        const int count = 2_000;
        var members = string.Join(" ", Enumerable.Range(0, count).Select(n => $"{Code('X', n)} 1994-04-20 .."));
        var history = string.Concat(Enumerable.Range(0, count).Select(n => $"2022-09-13 AZE attack {Code('Y', n)}\n"));
        var findings = Lint(Treaty(members, Defence), history).Where(f => f.Code == "AR6012").ToList();
        Assert.Equal(count, findings.Count);
        Assert.All(findings, f => Assert.Matches("did you mean 'Y[A-Z]{4}'\\?$", f.Message));
    }

    [Fact]
    public void Misspelt_party_is_not_reported_for_codes_known_otherwise()
    {
        // AUH and CZE315 are what the importers write; CIS and LAS organisations (not CIV, LAO);
        // USAX is no ISO-shaped code; XAAAA is not taken for its fellow member XAAAB; GBX, declared
        // by another treaty, is known in a rule (though its own 'members' line is still asked about).
        var rules = Treaty("ARM 1994-04-20 .. UAS 1994-04-20 .. AUH 1994-04-20 .. CZE315 1994-04-20 .. CIS 1994-04-20 .. LAS 1994-04-20 .. USAX 1994-04-20 .. XAAAA 1994-04-20 .. XAAAB 1994-04-20 ..",
            Defence.Replace("except $v", "except $v, GBX")) + "\ntreaty OTH \"o\" { members { GBX 1994-04-20 .. } }\n";
        var findings = Lint(rules, "2022-09-13 AZE attack XAAAB\n").Where(f => f.Code == "AR6012").Select(f => (f.Span.Start, f.Message)).ToList();
        Assert.Equal(2, findings.Count);
        Assert.EndsWith("'UAS' is neither an ISO 3166 country code, nor a treaty of the rules, nor a party of the histories; did you mean 'USA'?", findings[0].Message);
        Assert.StartsWith("'GBX' is neither", findings[1].Message);
        Assert.True(findings[1].Start > rules.IndexOf("treaty OTH", StringComparison.Ordinal));
    }

    [Fact]
    public void Rule_triggered_by_an_interval_event_spanning_its_effective_range_is_not_reported()
    {
        var rule = """rule r "r" { kind defense cites "c" quote "q" effective 2000-01-01 .. 2000-12-31 when _ attack $v where $v is member then each member $x except $v must assist $v within 30 days }""";
        var findings = Lint(Treaty("ARM 1994-04-20 ..", rule), "1999-06-01 .. 2001-06-01 AZE attack ARM\n");
        Assert.DoesNotContain(findings, f => f.Code == "AR6015");
    }

    [Fact]
    public void Attribute_key_no_event_carries_is_judged_per_verb()
    {
        // 'level' is carried by a request, not by the attack the trigger tests; no event assists,
        // so the action's 'mode' is AR6007's and AR6015's concern, not this one's.
        var rule = """rule r "r" { kind defense cites "c" quote "q" when _ attack $v [level=high] where $v is member then each member $x except $v must assist $v [mode=troops] within 30 days }""";
        var findings = Lint(Treaty("ARM 1994-04-20 ..", rule), "2022-09-13 AZE attack ARM\n2022-09-14 ARM request RUS level=\"high\" mode=\"troops\"\n");
        var unknown = Assert.Single(findings, f => f.Code == "AR6014");
        Assert.Equal("no 'attack' event of the histories carries attribute 'level', so this test matches no event: the trigger would never fire", unknown.Message);
    }

    [Fact]
    public void Lint_config_rejects_info()
    {
        var (config, problems) = AllianceRules.Validation.Lint.LintConfig.Parse(new SourceFile(".alliance-lint", "AR6015 = info\nAR6014 = info\n"));
        Assert.Empty(problems);
        var lowered = Assert.Single(config.Apply([new Diagnostic("AR6014", Severity.Warning, null, new TextSpan(0, 1), "m")]));
        Assert.Equal(Severity.Information, lowered.Severity);
    }
}
