using AllianceRules.Checking;
using AllianceRules.Playground.Bundle;
using AllianceRules.Playground.Components;
using AllianceRules.Playground.Exercises;
using AllianceRules.Playground.Sharing;
using AllianceRules.Playground.Workspace;
using AllianceRules.Text;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceRules.Playground.Tests.Components;

/// <summary>The page as a reader meets it: the tour's verdicts at once, typing re-evaluates, the controls mark what they moved.</summary>
public sealed class PlaygroundPageTests : IDisposable
{
    /// <summary>Generous: the page waits 300 ms after typing, and the machine may be busy.</summary>
    internal static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly BunitContext _context = new();

    public void Dispose() => _context.Dispose();

    /// <summary>The verdict table's rows as the README's expect lines write them.</summary>
    internal static List<string> Rows(IRenderedComponent<PlaygroundPage> page) =>
        [.. page.FindAll("table.verdicts tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()
            .Select((c, i) => i == 3 ? c.Replace(" (changed)", string.Empty, StringComparison.Ordinal) : c).ToList())
            .Select(c => $"{c[0]} {c[1]} {c[2]} {c[3]} {c[5]}")];

    [Fact]
    public void The_page_opens_on_the_tour_with_its_verdicts()
    {
        var page = _context.Render<PlaygroundPage>();
        Assert.Equal(["CST.art4-request KAZ 2022-09-13 fulfilled 2022-09-20", "CST.art4-request RUS 2022-09-13 violated 2022-10-14"], Rows(page));
        Assert.Equal("2 obligation instances, as of 2022-12-31", page.Find("table.verdicts caption").TextContent.Trim());
        Assert.Equal(["tour.treaty", "tour.events"], page.FindAll(".tabs button").Select(b => b.TextContent.Trim()));
        Assert.Empty(page.FindAll(".diagnostic"));
        Assert.Empty(page.FindAll(".link-note"));
    }

    [Fact]
    public void The_address_follows_the_page_and_reads_back_to_it()
    {
        var page = _context.Render<PlaygroundPage>();
        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        var fragment = new Uri(navigation.Uri).Fragment;
        var reading = ShareLink.Read(fragment, BundledFiles.Embedded);
        Assert.Null(reading.Error);
        Assert.Equal([Samples.TourRules, Samples.TourHistory], reading.State!.Files.Select(f => f.Path));
        Assert.Equal("tour", reading.State.Sample);
        Assert.Equal(navigation.BaseUri + fragment, page.Find("input#share").GetAttribute("value"));
    }

    [Fact]
    public void A_typo_gives_its_diagnostic_once_typing_pauses()
    {
        var page = _context.Render<PlaygroundPage>();
        var typo = BundledFiles.Embedded.Text(Samples.TourRules)!.Replace("kind defense", "kind defence", StringComparison.Ordinal);
        var expected = Checker.Check([new SourceFile(Samples.TourRules, typo)], [new SourceFile(Samples.TourHistory, BundledFiles.Embedded.Text(Samples.TourHistory)!)]).Diagnostics.First(d => d.IsError);

        Assert.Equal("AR2004", expected.Code);
        Assert.StartsWith("unknown rule kind 'defence'", expected.Message, StringComparison.Ordinal);
        Assert.Equal("Text of tour/tour.treaty", page.Find("textarea").GetAttribute("aria-label"));
        page.Find("textarea").Input(typo);

        page.WaitForAssertion(() => Assert.Equal([expected.Code], page.FindAll(".diagnostic .code-name").Select(e => e.TextContent)), Patience);
        Assert.Equal(expected.Message, page.Find(".diagnostic .message").TextContent);
        Assert.Equal("1 error", page.Find(".diagnostics h2").TextContent);
        Assert.Empty(page.FindAll("table.verdicts"));
        Assert.NotNull(page.Find("p.no-verdicts"));
        Assert.Contains("has-errors", page.Find(".tabs button.active").ClassList);
        Assert.Equal(["defence"], page.FindAll("pre.shade span.flagged").Select(e => e.TextContent));
        Assert.Equal([expected.Position!.Value.Line], page.FindAll("pre.shade > span.line").Select((e, i) => (e, i)).Where(x => x.e.ClassList.Contains("has-error")).Select(x => x.i + 1));
    }

    /// <summary>
    /// The typo arrives in a link, not by typing: typing is the test above. A click dispatched
    /// right after the debounced render was seen in bUnit (2 runs in 10, under load) to reach no
    /// handler and leave the page as it was; the cause is not known, so this test does not depend on it.
    /// </summary>
    [Fact]
    public void A_fix_offered_by_a_diagnostic_restores_the_verdicts()
    {
        var typo = BundledFiles.Embedded.Text(Samples.TourRules)!.Replace("kind defense", "kind defence", StringComparison.Ordinal);
        var state = new PageState([new WorkFile(Samples.TourRules, typo, Samples.TourRules), new WorkFile(Samples.TourHistory, BundledFiles.Embedded.Text(Samples.TourHistory)!, Samples.TourHistory)], ChoiceState.None, Sample: "tour");
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("#" + ShareLink.Write(state, BundledFiles.Embedded));
        var page = _context.Render<PlaygroundPage>();
        Assert.Equal(["AR2004"], page.FindAll(".diagnostic .code-name").Select(e => e.TextContent));
        var fix = page.FindAll(".diagnostic button.fix");
        Assert.Equal(["Change to 'defense'"], fix.Select(b => b.TextContent));
        fix[0].Click();
        Assert.Empty(page.FindAll(".diagnostic"));
        Assert.Equal(2, Rows(page).Count);
        Assert.Equal(BundledFiles.Embedded.Text(Samples.TourRules), page.Find("textarea").GetAttribute("value"));
        Assert.Equal([Samples.TourRules, Samples.TourHistory], ShareLink.Read(new Uri(_context.Services.GetRequiredService<NavigationManager>().Uri).Fragment, BundledFiles.Embedded).State!.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task Regression_a_fix_clicked_before_the_typed_edit_is_checked_is_not_applied_at_an_old_position()
    {
        var typo = BundledFiles.Embedded.Text(Samples.TourRules)!.Replace("kind defense", "kind defence", StringComparison.Ordinal);
        var state = new PageState([new WorkFile(Samples.TourRules, typo, Samples.TourRules), new WorkFile(Samples.TourHistory, BundledFiles.Embedded.Text(Samples.TourHistory)!, Samples.TourHistory)], ChoiceState.None, Sample: "tour");
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("#" + ShareLink.Write(state, BundledFiles.Embedded));
        // Typing is not checked before the click: the pause the page waits for is longer than the test.
        var page = _context.Render<PlaygroundPage>(p => p.Add(x => x.Debounce, TimeSpan.FromHours(1)));
        // A line typed above the typo moves it; the fix on screen still has the old span.
        var typed = "# a note\n" + typo;
        page.Find("textarea").Input(typed);
        // Find and click in one step on the renderer's thread: the typed edit's handler finishing
        // re-renders the page, and a button found before that has lost its handler.
        await page.InvokeAsync(() => page.Find(".diagnostic button.fix").Click());

        Assert.Equal(typed, page.Find("textarea").GetAttribute("value"));
        page.WaitForAssertion(() => Assert.Equal("tour/tour.treaty:17:10", page.Find(".diagnostic .place").TextContent), Patience);
        Assert.Equal(["Change to 'defense'"], page.FindAll(".diagnostic button.fix").Select(b => b.TextContent));
        await page.InvokeAsync(() => page.Find(".diagnostic button.fix").Click());
        page.WaitForAssertion(() => Assert.Equal("# a note\n" + BundledFiles.Embedded.Text(Samples.TourRules), page.Find("textarea").GetAttribute("value")), Patience);
    }

    [Fact]
    public void Regression_a_page_too_large_for_a_link_keeps_its_last_link_and_says_so()
    {
        var page = _context.Render<PlaygroundPage>();
        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;
        // Three megabytes of letters that deflate does not shrink below the 2 MB a link may carry.
        var random = new Random(19);
        var noise = new string([.. Enumerable.Range(0, 3_000_000).Select(_ => (char)random.Next(33, 127))]);
        page.Find("textarea").Input(noise);

        page.WaitForAssertion(() => Assert.Equal(["AR9020"], page.FindAll(".diagnostic .code-name").Select(e => e.TextContent)), Patience);
        Assert.Equal("This page is too large for a link: its files do not fit in the 2 MB a link may carry.", page.Find("input#share").GetAttribute("value"));
        Assert.Equal(before, navigation.Uri);
        Assert.Null(ShareLink.Read(new Uri(navigation.Uri).Fragment, BundledFiles.Embedded).Error);
    }

    [Fact]
    public void Regression_a_selected_verdict_of_files_with_errors_points_at_the_errors()
    {
        var typo = BundledFiles.Embedded.Text(Samples.TourRules)!.Replace("kind defense", "kind defence", StringComparison.Ordinal);
        var key = new VerdictKey("CST.art4-request", "RUS", new NodaTime.LocalDate(2022, 9, 13));
        var state = new PageState([new WorkFile(Samples.TourRules, typo, Samples.TourRules), new WorkFile(Samples.TourHistory, BundledFiles.Embedded.Text(Samples.TourHistory)!, Samples.TourHistory)], ChoiceState.None, Sample: "tour", Selected: key);
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("#" + ShareLink.Write(state, BundledFiles.Embedded));
        var page = _context.Render<PlaygroundPage>();
        Assert.Equal("The files have errors (listed under the editor), so nothing is evaluated; fix them to see why.", page.Find("section.explain pre").TextContent);
    }

    [Fact]
    public void Regression_a_link_of_files_alone_leaves_the_tour_choosable_in_the_menu()
    {
        var state = new PageState([new WorkFile("mine.treaty", BundledFiles.Embedded.Text(Samples.TourRules)!)], ChoiceState.None);
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("#" + ShareLink.Write(state, BundledFiles.Embedded));
        var page = _context.Render<PlaygroundPage>();
        Assert.Equal("Files from a link", page.Find("select#menu option[selected]").TextContent);
        page.Find("select#menu").Change("sample:tour");
        Assert.Equal(["tour.treaty", "tour.events"], page.FindAll(".tabs button").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public void Changing_an_assumption_marks_the_verdicts_it_moved()
    {
        var page = _context.Render<PlaygroundPage>();
        // Five days instead of thirty: Kazakhstan's help on day seven comes too late.
        page.Find("input[id='assume-CST.prompt']").Change("5");
        Assert.Equal(["CST.art4-request KAZ 2022-09-13 violated 2022-09-19", "CST.art4-request RUS 2022-09-13 violated 2022-09-19"], Rows(page));
        Assert.Equal(["KAZ"], page.FindAll("table.verdicts tr.changed").Select(tr => tr.QuerySelectorAll("td")[1].TextContent));
        Assert.Equal("1 verdict changed.", page.Find("p.change-note").TextContent);
        Assert.Equal("violated (changed)", page.FindAll("table.verdicts tbody tr")[0].QuerySelectorAll("td")[3].TextContent.Trim());
        Assert.Equal(["reset to 30 days"], page.FindAll("button.reset").Select(b => b.TextContent));

        page.Find("button.reset").Click();
        Assert.Equal(["CST.art4-request KAZ 2022-09-13 fulfilled 2022-09-20", "CST.art4-request RUS 2022-09-13 violated 2022-10-14"], Rows(page));
        Assert.Equal(["KAZ"], page.FindAll("table.verdicts tr.changed").Select(tr => tr.QuerySelectorAll("td")[1].TextContent));
    }

    [Fact]
    public void Changing_a_reading_marks_the_verdicts_it_moved()
    {
        var page = _context.Render<PlaygroundPage>();
        page.Find("select#menu").Change("sample:armenia-azerbaijan-1993-1994");
        var before = Rows(page);
        Assert.NotEmpty(before);
        Assert.Empty(page.FindAll("tr.changed"));
        page.Find("select[id='reading-CST.window']").Change("war");
        var after = Rows(page);
        var moved = before.Zip(after).Count(p => p.First.Split(' ')[3] != p.Second.Split(' ')[3]);
        Assert.Equal(before.Count, after.Count);
        Assert.True(moved > 0, "the reading 'war' should move a verdict of the Karabakh war");
        Assert.Equal(moved, page.FindAll("table.verdicts tr.changed").Count);
        Assert.Equal(moved == 1 ? "1 verdict changed." : $"{moved} verdicts changed.", page.Find("p.change-note").TextContent);
        Assert.Equal("CST.window=war", string.Join(",", ShareLink.Read(new Uri(_context.Services.GetRequiredService<NavigationManager>().Uri).Fragment, BundledFiles.Embedded).State!.Choices.Readings.Select(r => $"{r.Key}={r.Value}")));
    }

    [Fact]
    public void A_crisis_opens_with_its_teaching_note()
    {
        var page = _context.Render<PlaygroundPage>();
        page.Find("select#menu").Change("sample:kazakhstan-2022");
        Assert.Equal("Teaching note: docs/cases/kazakhstan-2022.md", page.Find("details.note summary").TextContent);
        Assert.Equal("kazakhstan-2022.events", page.Find(".tabs button.active").TextContent.Trim());
    }

    [Fact]
    public void Selecting_a_verdict_explains_it_and_the_link_names_it()
    {
        var page = _context.Render<PlaygroundPage>();
        page.FindAll("table.verdicts button.instance")[1].Click();
        Assert.Equal("Why CST.art4-request RUS 2022-09-13", page.Find("section.explain h2").TextContent);
        Assert.Contains("tour/tour.events:", page.Find("section.explain pre").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("section.explain button.cite"));
        var link = ShareLink.Read(new Uri(_context.Services.GetRequiredService<NavigationManager>().Uri).Fragment, BundledFiles.Embedded);
        Assert.Equal("CST.art4-request RUS 2022-09-13", link.State!.Selected?.ToString());

        using var again = new BunitContext();
        again.Services.GetRequiredService<NavigationManager>().NavigateTo("#" + ShareLink.Write(link.State, BundledFiles.Embedded));
        var reopened = again.Render<PlaygroundPage>();
        Assert.Equal("Why CST.art4-request RUS 2022-09-13", reopened.Find("section.explain h2").TextContent);
        Assert.Equal("true", reopened.FindAll("table.verdicts button.instance")[1].GetAttribute("aria-pressed"));
    }

    [Fact]
    public void A_damaged_link_opens_the_tour_and_says_why()
    {
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("#v1.damaged");
        var page = _context.Render<PlaygroundPage>();
        Assert.Equal(["This link could not be read: it is damaged (perhaps cut short when it was copied). The page opened on the tour instead."], page.FindAll(".link-note").Select(e => e.TextContent));
        Assert.Equal(2, Rows(page).Count);
    }

    [Fact]
    public void A_history_line_number_asks_what_that_event_set_off()
    {
        var page = _context.Render<PlaygroundPage>();
        page.FindAll(".tabs button").Single(b => b.TextContent.Trim() == "tour.events").Click();
        Assert.Equal(["2", "3", "4"], page.FindAll(".gutter button.why").Select(b => b.TextContent));
        page.FindAll(".gutter button.why")[1].Click();
        Assert.Equal("What tour/tour.events:3 set off", page.Find("section.explain h2").TextContent);
        Assert.Contains("CST.art4-request", page.Find("section.explain pre").TextContent, StringComparison.Ordinal);
        Assert.Contains("cited", page.FindAll("pre.shade > span.line")[2].ClassList);
    }

    [Fact]
    public void A_link_whose_files_are_all_unknown_opens_the_tour()
    {
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("#" + Sharing.ShareLinkTests.Link("""{"files":[{"path":"rules/newer.treaty","stamp":"0"}]}"""));
        var page = _context.Render<PlaygroundPage>();
        Assert.Equal(["The link names rules/newer.treaty, which this version of the playground does not bundle; it is left out."], page.FindAll(".link-note").Select(e => e.TextContent));
        Assert.Equal(["tour.treaty", "tour.events"], page.FindAll(".tabs button").Select(b => b.TextContent.Trim()));
        Assert.Equal(2, Rows(page).Count);
    }

    [Fact]
    public async Task Regression_a_link_selecting_a_verdict_of_a_predict_exercise_explains_it_only_after_the_answer()
    {
        var exercise = ExerciseCatalog.All(BundledFiles.Embedded).First(x => x.Kind == ExerciseKind.Predict);
        var files = exercise.Files.Select(p => new WorkFile(p, BundledFiles.Embedded.Text(p)!, p)).ToList();
        var key = VerdictKey.Of(PlaygroundEngine.Evaluate(files, ChoiceState.None).Outcome.Report!.Instances[0]);
        var state = new PageState([.. files], ChoiceState.None, Exercise: exercise.Id, Selected: key);
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("#" + ShareLink.Write(state, BundledFiles.Embedded));
        var page = _context.Render<PlaygroundPage>();
        Assert.NotNull(page.Find("p.hidden-verdicts"));
        // The explanation states the verdict: it must wait for the answer as the table does.
        Assert.Empty(page.FindAll("section.explain"));

        await page.InvokeAsync(() => page.Find("form.predictions").Submit());
        Assert.Equal($"Why {key}", page.Find("section.explain h2").TextContent);
    }

    [Fact]
    public void Regression_a_link_with_an_assumption_of_millions_of_weeks_opens_the_page()
    {
        // Anyone can write a link: the engine's lint threw past the calendar's end, and an
        // exception in a page's handler ends the page.
        var files = new[] { Samples.TourRules, Samples.TourHistory }.Select(p => new WorkFile(p, BundledFiles.Embedded.Text(p)!, p)).ToList();
        var state = new PageState([.. files], ChoiceState.None.WithAssumption("CST.prompt", "300000000 weeks"), Sample: "tour");
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("#" + ShareLink.Write(state, BundledFiles.Embedded));
        var page = _context.Render<PlaygroundPage>();
        Assert.Equal("2100000000", page.Find("input[id='assume-CST.prompt']").GetAttribute("value"));
        Assert.Equal(["CST.art4-request KAZ 2022-09-13 fulfilled 2022-09-20", "CST.art4-request RUS 2022-09-13 pending open"], Rows(page));
    }

    [Fact]
    public void Regression_what_a_history_line_set_off_follows_a_changed_assumption()
    {
        var page = _context.Render<PlaygroundPage>();
        page.FindAll("table.verdicts button.instance")[1].Click();
        page.FindAll(".tabs button").Single(b => b.TextContent.Trim() == "tour.events").Click();
        page.FindAll(".gutter button.why")[1].Click();
        Assert.Contains("it opened CST.art4-request#1 (KAZ, fulfilled)", page.Find("section.explain pre").TextContent, StringComparison.Ordinal);

        // Five days instead of thirty: the explanation asked last is asked again, not the selected verdict's,
        // and not left saying what the old evaluation said.
        page.Find("input[id='assume-CST.prompt']").Change("5");
        Assert.Equal("What tour/tour.events:3 set off", page.Find("section.explain h2").TextContent);
        Assert.Contains("it opened CST.art4-request#1 (KAZ, violated)", page.Find("section.explain pre").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regression_opening_another_sample_does_not_scroll_to_the_last_citations_line()
    {
        var module = _context.JSInterop.SetupModule("./js/playground.js");
        module.SetupVoid("scrollToLine", _ => true);
        var page = _context.Render<PlaygroundPage>();
        page.FindAll("table.verdicts button.instance")[1].Click();
        await page.InvokeAsync(() => page.FindAll("section.explain button.cite")[0].Click());
        Assert.Single(module.Invocations["scrollToLine"]);

        // The crisis opens at its top: the tour's cited line means nothing in its files.
        await page.InvokeAsync(() => page.Find("select#menu").Change("sample:kazakhstan-2022"));
        Assert.Equal("kazakhstan-2022.events", page.Find(".tabs button.active").TextContent.Trim());
        Assert.Single(module.Invocations["scrollToLine"]);
    }
}
