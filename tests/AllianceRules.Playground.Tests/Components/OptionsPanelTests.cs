using AllianceRules.Playground.Bundle;
using AllianceRules.Playground.Components;
using AllianceRules.Playground.Workspace;
using Bunit;
using NodaTime;

namespace AllianceRules.Playground.Tests.Components;

/// <summary>The assumption and reading controls: a number in the unit the treaty declared, a choice per reading.</summary>
public sealed class OptionsPanelTests : IDisposable
{
    private readonly BunitContext _context = new();

    public void Dispose() => _context.Dispose();

    public static TheoryData<Period, Period, int, string> Amounts() => new()
    {
        { Period.FromDays(30), Period.FromDays(14), 14, "days" },
        { Period.FromWeeks(2), Period.FromDays(21), 3, "weeks" },
        { Period.FromMonths(3), Period.FromYears(1), 12, "months" },
        { Period.FromYears(1), Period.FromYears(2), 2, "years" },
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public void A_period_is_shown_in_the_unit_the_treaty_declared(Period declared, Period period, int amount, string unit) =>
        Assert.Equal((amount, unit), OptionsPanel.Amount(declared, period));

    [Fact]
    public void The_library_shows_a_control_per_assumption_and_reading_and_a_change_is_reported()
    {
        var files = Samples.All(BundledFiles.Embedded).Single(s => s.Id == "kazakhstan-2022").Files.Select(p => new WorkFile(p, BundledFiles.Embedded.Text(p)!, p)).ToList();
        var report = PlaygroundEngine.Evaluate(files, ChoiceState.None).Outcome.Report!;
        ChoiceState? chosen = null;
        var panel = _context.Render<OptionsPanel>(p => p
            .Add(x => x.Report, report)
            .Add(x => x.Choices, ChoiceState.None)
            .Add(x => x.OnChoice, (ChoiceState c) => chosen = c));
        Assert.Equal(report.Assumptions.Length, panel.FindAll("input[type=number]").Count);
        Assert.Equal(report.Readings.Length, panel.FindAll("select").Count);
        Assert.Equal("30", panel.Find("input[id='assume-CST.necessary']").GetAttribute("value"));
        Assert.Equal("days", panel.Find("input[id='assume-CST.necessary']").NextElementSibling!.TextContent);

        panel.Find("input[id='assume-CST.necessary']").Change("14");
        Assert.Equal(["CST.necessary=14 days"], chosen!.Assumptions.Select(a => $"{a.Key}={a.Value}"));
        var before = chosen;
        panel.Find("input[id='assume-CST.necessary']").Change("0");
        panel.Find("input[id='assume-CST.necessary']").Change("two");
        Assert.Same(before, chosen);
        panel.Find("input[id='assume-CST.necessary']").Change("30");
        Assert.Empty(chosen.Assumptions);

        panel.Find("select[id='reading-CST.window']").Change("war");
        Assert.Equal(["CST.window=war"], chosen.Readings.Select(r => $"{r.Key}={r.Value}"));
        panel.Find("select[id='reading-CST.window']").Change("days");
        Assert.Empty(chosen.Readings);
    }

    [Fact]
    public void Regression_an_override_in_another_unit_is_shown_as_the_period_used()
    {
        // A link may carry an override in any unit: "18 months" was shown as "0 years", "10 days" as "1 weeks".
        Assert.Equal((18, "months"), OptionsPanel.Amount(Period.FromYears(1), Period.FromMonths(18)));
        Assert.Equal((2, "years"), OptionsPanel.Amount(Period.FromYears(1), Period.FromMonths(24)));
        Assert.Equal((10, "days"), OptionsPanel.Amount(Period.FromWeeks(2), Period.FromDays(10)));
        Assert.Equal((45, "days"), OptionsPanel.Amount(Period.FromMonths(1), Period.FromDays(45)));
        Assert.Equal((2, "months"), OptionsPanel.Amount(Period.FromDays(30), Period.FromMonths(2)));
    }
}
