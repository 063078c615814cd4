using AllianceRules.Evaluation;
using AllianceRules.Tests.Support;
using AllianceRules.Text;
using CsCheck;
using NodaTime;

namespace AllianceRules.Tests.Properties;

/// <summary>Calendar duties ('every', language.md §5.3) on random periods, anchors and observed intervals.</summary>
public sealed class CalendarProperties
{
    private static readonly LocalDate Base = new(2020, 1, 1);

    private static Report Evaluate(string unit, int amount, LocalDate anchor, LocalDate from, LocalDate to, IEnumerable<LocalDate> meetings)
    {
        var rules = new SourceFile("rules.treaty", $$"""
            vocabulary { verb consult "consults" }
            treaty T "t" {
              rule r "r" {
                kind consultation
                every {{amount}} {{unit}} from {{DateText.Format(anchor)}}
                then ORG must consult _
              }
            }
            """);
        var lines = meetings.Select(d => $"{DateText.Format(d)} ORG consult KAZ")
            .Prepend($"observed {DateText.Format(from)} .. {DateText.Format(to)}");
        var history = new SourceFile("h.events", string.Join("\n", lines) + "\n");
        var outcome = CaseRunner.Check([rules, history]);
        Assert.True(outcome.Succeeded, CaseRunner.Render(outcome));
        return outcome.Report!;
    }

    private static readonly Gen<(string Unit, int Amount, LocalDate Anchor, LocalDate From, LocalDate To, LocalDate[] Meetings)> Cases =
        from unit in Gen.OneOf(Gen.Const("days"), Gen.Const("weeks"), Gen.Const("months"))
        from amount in Gen.Int[1, 5]
        from anchor in Gen.Int[0, 400]
        from first in Gen.Int[0, 400]
        from length in Gen.Int[1, 500]
        from meetings in Gen.Int[0, 900].Array[0, 12]
        select (unit, amount, Base.PlusDays(anchor), Base.PlusDays(first), Base.PlusDays(first + length), meetings.Select(m => Base.PlusDays(m)).ToArray());

    private static LocalDate Start(LocalDate anchor, string unit, int amount, int k) => unit switch
    {
        "days" => anchor.PlusDays(amount * k),
        "weeks" => anchor.PlusWeeks(amount * k),
        _ => anchor.PlusMonths(amount * k),
    };

    [Fact]
    public void Exactly_the_periods_inside_the_observed_interval_are_judged_and_each_is_decided_by_its_own_days()
    {
        Cases.Sample(c =>
        {
            var report = Evaluate(c.Unit, c.Amount, c.Anchor, c.From, c.To, c.Meetings);
            // The oracle: enumerate the periods directly.
            var expected = new List<string>();
            for (var k = 0; ; k++)
            {
                var start = Start(c.Anchor, c.Unit, c.Amount, k);
                if (start >= c.To) break;
                var last = Start(c.Anchor, c.Unit, c.Amount, k + 1).PlusDays(-1);
                if (start < c.From || last >= c.To) continue;
                var met = c.Meetings.Where(m => m >= start && m <= last).Order().FirstOrDefault();
                expected.Add(met == default
                    ? $"{DateText.Format(start)} violated {DateText.Format(last.PlusDays(1))}"
                    : $"{DateText.Format(start)} fulfilled {DateText.Format(met)}");
            }
            var actual = report.Instances
                .Select(i => $"{DateText.Format(i.TriggeredOn)} {i.Status.ToString().ToLowerInvariant()} {DateText.Format(i.DecidedOn!.Value)}")
                .ToList();
            Assert.Equal(expected, actual);
        }, iter: 300);
    }
}
