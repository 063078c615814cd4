using AllianceRules.Diagnostics;
using AllianceRules.Model;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Tests.Model;

/// <summary>
/// Readings in the model (language.md §3, "Readings"): defaults, choices by bare and qualified
/// name, member intervals and assumptions that hold only under an option, and what validation lets through.
/// </summary>
public sealed class ReadingModelTests
{
    private const string Pact = """
        treaty PACT "Pact" {
          reading start "When membership begins" {
            entry     "From entry into force"
            signature "From signature"
          }
          reading haste "How soon help is owed" {
            prompt   "Within 30 days"
            campaign "Within 90 days"
            none     "No deadline"
          }
          members {
            ARM 1994-04-20 .. if reading start is entry, 1992-05-15 .. if reading start is signature
            RUS 1992-05-15 .. 1999-01-01 if reading start is not entry, 2000-01-01 ..
          }
          assume help = 30 days "prompt" if reading haste is prompt
          assume help = 90 days "campaign" if reading haste is campaign
          assume help = 10 years "fallback"
        }
        treaty WEST "West" {
          reading start "When membership begins" {
            entry     "From entry into force"
            signature "From signature"
          }
          members { FRA 1994-04-20 .. if reading start is entry, 1992-05-15 .. if reading start is signature }
        }
        """;

    private static RuleSet Load(string text = Pact)
    {
        var loaded = RuleSetLoader.Load([new SourceFile("pact.treaty", text)]);
        Assert.True(loaded.Value is not null, string.Join("\n", loaded.Diagnostics.Select(DiagnosticFormatter.Format)));
        return loaded.Value!;
    }

    private static Dictionary<string, string> Readings(params (string Key, string Option)[] choices) =>
        choices.ToDictionary(c => c.Key, c => c.Option, StringComparer.Ordinal);

    private static readonly Dictionary<string, Period> NoPeriods = [];

    private static readonly LocalDate Day1993 = new(1993, 1, 1);

    [Fact]
    public void Every_reading_starts_at_its_first_option_and_the_members_and_assumptions_follow()
    {
        var pact = Load().FindTreaty("PACT")!;
        Assert.Equal(["start=entry", "haste=prompt"], pact.Readings.Select(r => $"{r.Name}={r.InForce}"));
        Assert.All(pact.Readings, r => Assert.False(r.Chosen));
        Assert.False(pact.IsMember("ARM", Day1993));
        Assert.True(pact.IsMember("ARM", new LocalDate(1994, 4, 20)));
        Assert.False(pact.IsMember("RUS", Day1993));
        Assert.Equal(("prompt", Period.FromDays(30)), (pact.Assumptions.Single().Note, pact.Assumptions.Single().Period));
    }

    [Fact]
    public void A_bare_choice_reaches_every_treaty_and_a_qualified_one_only_its_own()
    {
        var bare = Load().WithChoices(Readings(("start", "signature")), NoPeriods);
        Assert.True(bare.FindTreaty("PACT")!.IsMember("ARM", Day1993));
        Assert.True(bare.FindTreaty("WEST")!.IsMember("FRA", Day1993));
        var qualified = Load().WithChoices(Readings(("start", "signature"), ("WEST.start", "entry")), NoPeriods);
        Assert.True(qualified.FindTreaty("PACT")!.IsMember("ARM", Day1993));
        Assert.False(qualified.FindTreaty("WEST")!.IsMember("FRA", Day1993));
        Assert.True(qualified.FindTreaty("WEST")!.Readings.Single().Chosen);
    }

    [Fact]
    public void A_negated_gate_keeps_the_interval_under_every_other_option()
    {
        var pact = Load().WithChoices(Readings(("start", "signature")), NoPeriods).FindTreaty("PACT")!;
        Assert.True(pact.IsMember("RUS", Day1993));
        Assert.False(pact.IsMember("RUS", new LocalDate(1999, 6, 1)));
        Assert.True(pact.IsMember("RUS", new LocalDate(2000, 6, 1)));
    }

    [Theory]
    [InlineData("prompt", "prompt", 30)]
    [InlineData("campaign", "campaign", 90)]
    [InlineData("none", "fallback", 0)]
    public void The_first_assumption_whose_if_holds_wins_else_the_one_without(string haste, string note, int days)
    {
        var help = Load().WithChoices(Readings(("haste", haste)), NoPeriods).FindTreaty("PACT")!.Assumptions.Single();
        Assert.Equal(note, help.Note);
        Assert.Equal(days == 0 ? Period.FromYears(10) : Period.FromDays(days), help.Period);
    }

    [Fact]
    public void Choosing_twice_changes_nothing_and_a_later_choice_keeps_the_earlier_ones()
    {
        var once = Load().WithChoices(Readings(("haste", "campaign")), new Dictionary<string, Period> { ["PACT.help"] = Period.FromDays(5) });
        var twice = once.WithChoices(Readings(("haste", "campaign")), new Dictionary<string, Period> { ["PACT.help"] = Period.FromDays(5) });
        var later = once.WithChoices(Readings(("start", "signature")), NoPeriods);
        foreach (var set in new[] { twice, later })
        {
            var pact = set.FindTreaty("PACT")!;
            Assert.Equal("campaign", pact.FindReading("haste")!.InForce);
            Assert.Equal((Period.FromDays(5), true, Period.FromDays(90)), (pact.Assumptions.Single().Period, pact.Assumptions.Single().Overridden, pact.Assumptions.Single().Declared));
        }
        Assert.Equal("signature", later.FindTreaty("PACT")!.FindReading("start")!.InForce);
    }

    [Fact]
    public void Intervals_under_options_that_exclude_each_other_may_overlap_but_others_may_not()
    {
        var loaded = RuleSetLoader.Load([new SourceFile("p.treaty", """
            treaty P "P" {
              reading start "Start" {
                entry     "Entry"
                signature "Signature"
              }
              members {
                ARM 1994-04-20 .. if reading start is entry, 1992-05-15 .. if reading start is signature
                AZE 1994-04-20 .. if reading start is entry, 1992-05-15 .. if reading start is not entry
                KAZ 1994-04-20 .., 1992-05-15 .. if reading start is signature
              }
            }
            """)]);
        var errors = loaded.Diagnostics.Select(d => $"{d.Code} {d.Message}").ToList();
        // KAZ's second interval holds together with its first, and starts before it.
        Assert.Equal(["AR3006 the membership intervals of 'KAZ' are out of order: list them from the earliest"], errors);
    }

    [Fact]
    public void Pieces_a_reading_split_read_as_one_interval_and_pieces_written_apart_stay_apart()
    {
        var rules = Load("""
            treaty P "P" {
              reading start "Start" {
                entry     "Entry"
                signature "Signature"
              }
              reading end "End" {
                council "Council"
                note    "Note"
              }
              members {
                UZB 2006-08-16 .. 2006-12-13 if reading start is signature, 2006-12-13 .. 2012-06-28, 2012-06-28 .. 2012-12-19 if reading end is council
                ARM 1994-04-20 .. 2024-02-22, 2024-02-22 .. frozen
                KAZ 1994-04-20 .. 2000-01-01, 2000-01-01 ..
              }
            }
            """);
        string Show(RuleSet set, string party) => string.Join("; ", set.FindTreaty("P")!.Members[party]);
        Assert.Equal("2006-12-13 .. 2012-12-19", Show(rules, "UZB"));
        Assert.Equal("2006-08-16 .. 2012-06-28", Show(rules.WithChoices(Readings(("start", "signature"), ("end", "note")), NoPeriods), "UZB"));
        Assert.Equal("1994-04-20 .. 2024-02-22; 2024-02-22 ..", Show(rules, "ARM"));
        Assert.Equal("1994-04-20 .. 2000-01-01; 2000-01-01 ..", Show(rules, "KAZ"));
    }

    /// <summary>Regression: only the last earlier interval that could hold together was compared, so an overlap past an exclusive one went unseen.</summary>
    [Fact]
    public void An_overlap_with_an_earlier_interval_past_an_exclusive_one_is_found()
    {
        var loaded = RuleSetLoader.Load([new SourceFile("p.treaty", """
            treaty P "P" {
              reading r "R" {
                a "A"
                b "B"
              }
              members {
                ARM 1990-01-01 .. 2010-01-01 if reading r is a, 1995-01-01 .. 2000-01-01 if reading r is b, 2005-01-01 ..
              }
            }
            """)]);
        Assert.Equal(["AR3004 the membership intervals of 'ARM' overlap"], loaded.Diagnostics.Select(d => $"{d.Code} {d.Message}"));
    }

    /// <summary>Regression: a broken option or assumption line also gave AR3033 or AR3034, which only repeated it.</summary>
    [Fact]
    public void A_broken_option_or_assumption_is_reported_once()
    {
        var loaded = RuleSetLoader.Load([new SourceFile("p.treaty", """
            treaty P "P" {
              reading r "R" {
                a "A"
                b
              }
              members { ARM 1990-01-01 .. if reading r is b }
              assume n = 10 days if reading r is a
              assume n = 10 dayz
            }
            """)]);
        Assert.All(loaded.Diagnostics, d => Assert.Equal("AR2001", d.Code));
        Assert.Equal(2, loaded.Diagnostics.Length);
    }
}
