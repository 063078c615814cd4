using AllianceRules.Checking;
using AllianceRules.History;
using AllianceRules.Model;
using AllianceRules.Reporting.Study;
using AllianceRules.Text;

namespace AllianceRules.Tests.Reporting;

/// <summary>
/// The study's two pair rules (strict: every obligated member kept the promise; lenient: one did),
/// its figures by the alliance's kinds, and its coverage of the universe of alliance-war pairs.
/// </summary>
public sealed class StudyRulesAndCoverageTests
{
    private const string Vocabulary = """
        vocabulary {
          verb attack "uses armed force against"
          verb assist "joins a war on the side of"
          verb consult "consults"
          verb endwar "ends the war with"
        }
        """;

    /// <summary>BBB's promise is unconditional, CCC's waits for an analyst.</summary>
    private const string TwoAllies = """
        treaty PACT "A pact (illustrative)" {
          members {
            AAA 1800-01-01 ..
            BBB 1800-01-01 ..
            CCC 1800-01-01 ..
          }
          rule by-bbb "Defence by BBB" {
            kind defense
            when $a attack $v where $v is member and not ($a is member) and $v != BBB
            then BBB must assist $v [war=@war] before _ endwar _ [war=@war]
          }
          rule by-ccc "Defence by CCC" {
            kind defense
            when $a attack $v where $v is member and not ($a is member) and $v != CCC
            then CCC must assist $v [war=@war] before _ endwar _ [war=@war]
            judgment "only against a named adversary"
          }
          rule calm "Neutrality" {
            kind neutrality
            when $a attack $v where $v is member and not ($a is member)
            then each member $ally except $v must not attack $v [war=@war] before _ endwar _ [war=@war]
          }
          rule apart "No force among members" {
            kind defense
            forbid $a attack $b where $a is member and $b is member
          }
        }
        """;

    private static (ReliabilityStudy Study, string Text) Run(string rules, string history)
    {
        var wars = new WarParticipation();
        var outcome = CheckPipeline.Check(
            [new SourceFile("rules.treaty", Vocabulary + "\n" + rules)],
            [HistorySource.FromSource(new SourceFile("h.events", "as of 2000-01-01\n" + history))],
            null,
            new StreamOptions { Observe = wars.Observe }).Outcome;
        Assert.True(outcome.Report is not null, string.Join("\n", outcome.Diagnostics.Select(Diagnostics.DiagnosticFormatter.Format)));
        var study = ReliabilityStudy.Build(outcome.Report!, rules: outcome.Rules, wars: wars);
        return (study, StudyTextWriter.Write(study));
    }

    [Fact]
    public void A_member_that_broke_the_promise_decides_the_strict_rule_while_another_waits()
    {
        var (study, _) = Run(TwoAllies, "1866-06-15 XXX attack AAA war=1\n1866-07-26 XXX endwar AAA war=1\n");
        var pair = Assert.Single(study.Pairs);
        // BBB stayed out (violated), CCC's verdict waits: the promise was broken, but no member has honoured it yet.
        Assert.Equal((PairVerdict.Violated, PairVerdict.Undecided), (pair.StrictVerdict, pair.Verdict));
    }

    [Fact]
    public void One_member_honouring_decides_the_lenient_rule_while_another_waits()
    {
        var (study, _) = Run(TwoAllies, "1866-06-15 XXX attack AAA war=1\n1866-06-20 BBB assist AAA war=1\n1866-07-26 XXX endwar AAA war=1\n");
        var pair = Assert.Single(study.Pairs);
        Assert.Equal((PairVerdict.Undecided, PairVerdict.Honoured), (pair.StrictVerdict, pair.Verdict));
    }

    [Fact]
    public void Every_member_honouring_honours_both_rules_and_a_fight_among_allies_violates_both()
    {
        var honoured = Run(TwoAllies.Replace("    judgment \"only against a named adversary\"\n", "", StringComparison.Ordinal),
            "1866-06-15 XXX attack AAA war=1\n1866-06-20 BBB assist AAA war=1\n1866-06-21 CCC assist AAA war=1\n1866-07-26 XXX endwar AAA war=1\n").Study;
        Assert.Equal((PairVerdict.Honoured, PairVerdict.Honoured), (honoured.Pairs[0].StrictVerdict, honoured.Pairs[0].Verdict));
        var fought = Run(TwoAllies, "1866-06-15 XXX attack AAA war=1\n1866-06-20 BBB assist AAA war=1\n1866-06-21 CCC attack AAA war=1\n1866-07-26 XXX endwar AAA war=1\n").Study;
        Assert.Equal((PairVerdict.Violated, PairVerdict.Violated), (fought.Pairs[0].StrictVerdict, fought.Pairs[0].Verdict));
    }

    [Fact]
    public void By_the_alliances_kinds_a_pair_counts_under_every_war_promise_its_alliance_makes()
    {
        // Judged on defence (its strongest promise), the pair also counts under neutrality, which its alliance makes, and under nothing else.
        var (study, _) = Run(TwoAllies, "1866-06-15 XXX attack AAA war=1\n1866-06-20 BBB assist AAA war=1\n1866-07-26 XXX endwar AAA war=1\n");
        Assert.Equal(["defense", "offense", "neutrality", "nonaggression"], study.ByAllianceKind.Select(r => r.Label));
        Assert.Equal([new Tally(1, 1, 0), Tally.Zero, new Tally(1, 1, 0), Tally.Zero], study.ByAllianceKind.Select(r => r.All));
        Assert.Equal([Tally.Zero, Tally.Zero, Tally.Zero, Tally.Zero], study.StrictByAllianceKind.Select(r => r.All));
        // Leeds' by kind judges the neutrality clause on its own: nobody fought AAA.
        Assert.Equal(["defense", "neutrality"], study.ByKind.Select(r => r.Label));
        Assert.Equal(new Tally(1, 1, 0), study.StrictByKind[1].All);
    }

    /// <summary>Each reason the universe's pairs can have, once; the text block is pinned whole.</summary>
    [Fact]
    public void The_coverage_gives_the_universe_and_why_each_pair_was_or_was_not_invoked()
    {
        const string rules = TwoAllies + """
            treaty TALK "Consultation only" {
              members {
                AAA 1800-01-01 ..
                DDD 1800-01-01 ..
              }
              rule talk "Consultation" {
                kind consultation
                when $a attack $v where $v is member and not ($a is member)
                then each member $ally except $v must consult $v [war=@war] before _ endwar _ [war=@war]
              }
            }
            treaty CALM "Non-aggression only" {
              members {
                AAA 1800-01-01 ..
                EEE 1800-01-01 ..
              }
              rule calm "No force among members" {
                kind nonaggression
                forbid $a attack $b where $a is member and $b is member
              }
            }
            treaty LATE "A pact joined after the war" {
              members {
                AAA 1900-01-01 ..
                FFF 1900-01-01 ..
              }
              rule defense "Defence" {
                kind defense
                when $a attack $v where $v is member and not ($a is member)
                then each member $ally except $v must assist $v [war=@war] before _ endwar _ [war=@war]
              }
            }
            """;
        var (study, text) = Run(rules,
            // War 1: AAA attacked; war 2: AAA attacks; war 3: BBB, whose own promise excludes itself, attacked.
            "1866-06-15 XXX attack AAA war=1\n1866-07-26 XXX endwar AAA war=1\n" +
            "1870-01-01 .. 1870-03-01 AAA attack YYY war=2\n1870-02-28 AAA endwar YYY war=2\n" +
            "1880-01-01 XXX attack BBB war=3\n1880-02-01 XXX endwar BBB war=3\n");
        var coverage = study.Coverage!;
        // The whole study, pinned: its coverage block says where each of the seven pairs went.
        Support.Baseline.Match(Support.Repo.Path("tests", "AllianceRules.Tests", "Cases", "study", "coverage.txt"), text);
        Assert.Equal(7, coverage.Universe);
        Assert.Equal(
            [("CALM", "1"), ("TALK", "1"), ("CALM", "2"), ("PACT", "2"), ("TALK", "2")],
            coverage.NotInvokedPairs.Select(p => (p.Treaty, p.War)));
        Assert.Equal((2, 1, 0), (coverage.Invoked, coverage.DecidedStrict, coverage.DecidedLenient));
        Assert.Equal([2, 0, 2, 1, 0, 0], coverage.NotInvoked.Select(c => c.Count));
        Assert.Equal([1, 0, 2, 0], coverage.UndecidedStrict.Concat(coverage.UndecidedLenient).Select(c => c.Count));
    }

    [Fact]
    public void A_state_fights_while_it_attacks_is_attacked_or_assists_in_the_war()
    {
        var wars = new WarParticipation();
        Event E(string actor, string verb, string target, string war = "1") =>
            new(new NodaTime.LocalDate(1900, 1, 1), actor, verb, target, System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, string>("war", war)]), null, new EventOrigin("h", 1, ""));
        wars.Observe(E("AAA", "attack", "BBB"));
        wars.Observe(E("CCC", "assist", "DDD"));
        wars.Observe(E("EEE", "endwar", "FFF"));
        wars.Observe(E("AAA", "attack", "BBB"));
        var fights = Assert.Single(wars.Wars).ToList();
        Assert.Equal(2, fights.Count);
        Assert.Equal(["AAA", "BBB", "CCC"], new[] { "AAA", "BBB", "CCC", "DDD", "EEE" }.Where(s => WarParticipation.Fought(fights, s).Any()));
    }
}
