using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Text;

namespace AllianceRules.Tests.Evaluation;

/// <summary>Interval events (language.md §5.5) in the corners the golden cases leave: the horizon, 'until', 'must not' and 'there was'.</summary>
public sealed class IntervalTests
{
    private const string Rules = """
        vocabulary {
          verb attack    "uses armed force against"
          verb assist    "provides military assistance to"
          verb ceasefire "agrees a ceasefire with"
          verb threaten  "threatens"
        }
        treaty T "Illustrative" {
          members {
            ARM 2000-01-01 ..
            RUS 2000-01-01 ..
            KAZ 2001-03-01 .. 2001-06-01, 2002-01-01 ..
          }
          rule help "Help the attacked member" {
            kind defense
            when $a attack $v where $v is member and $a is not member
            then RUS must assist $v within 10 days
            until $v ceasefire $a
          }
          rule calm "No renewed attack" {
            kind nonaggression
            when $a threaten $b
            then $a must not attack $b within 10 days
          }
        }
        """;

    private static string[] Verdicts(string history)
    {
        var outcome = Checker.Check([new SourceFile("rules.treaty", Rules)], [new SourceFile("h.events", history)]);
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics.Select(DiagnosticFormatter.Format)));
        return [.. outcome.Report!.Instances.Select(i => $"{i.Rule.QualifiedId} {i.Party} {Date(i.TriggeredOn)} {i.Status.ToString().ToLowerInvariant()} {(i.DecidedOn is { } d ? Date(d) : "null")}")];
    }

    private static string Date(NodaTime.LocalDate d) => DateText.Format(d);

    [Fact]
    public void A_day_considered_after_the_horizon_triggers_nothing()
    {
        // KAZ accedes on 2001-03-01, inside the attack but after the horizon.
        Assert.Empty(Verdicts("as of 2001-02-28\n2001-01-01 .. 2001-06-01 AZE attack KAZ\n"));
        Assert.Equal(["T.help RUS 2001-03-01 violated 2001-03-12"], Verdicts("as of 2001-12-31\n2001-01-01 .. 2001-06-01 AZE attack KAZ\n"));
    }

    [Fact]
    public void A_ceasefire_that_holds_when_the_instance_opens_discharges_it_that_day()
    {
        Assert.Equal(["T.help RUS 2001-03-01 discharged 2001-03-01"],
            Verdicts("as of 2001-12-31\n2001-01-01 .. AZE attack KAZ\n2001-02-01 .. 2001-03-02 KAZ ceasefire AZE\n"));
        // Over the day before: no discharge.
        Assert.Equal(["T.help RUS 2001-03-01 violated 2001-03-12"],
            Verdicts("as of 2001-12-31\n2001-01-01 .. AZE attack KAZ\n2001-02-01 .. 2001-03-01 KAZ ceasefire AZE\n"));
    }

    [Fact]
    public void An_attack_still_going_on_when_a_pledge_is_given_breaks_it_that_day()
    {
        Assert.Equal(["T.calm AZE 2001-05-01 violated 2001-05-01"],
            Verdicts("as of 2001-12-31\n2001-04-01 .. 2001-05-02 AZE attack GEO\n2001-05-01 AZE threaten GEO\n"));
        Assert.Equal(["T.calm AZE 2001-05-01 fulfilled 2001-05-12"],
            Verdicts("as of 2001-12-31\n2001-04-01 .. 2001-05-01 AZE attack GEO\n2001-05-01 AZE threaten GEO\n"));
    }

    [Fact]
    public void An_open_interval_trigger_fires_once_however_often_the_members_change()
    {
        // KAZ accedes in 2001, leaves and rejoins in 2002: the attack fired on the first accession only.
        var history = "as of 2003-12-31\n2000-06-01 .. AZE attack KAZ\n";
        Assert.Equal(["T.help RUS 2001-03-01 violated 2001-03-12"], Verdicts(history));
    }
}
