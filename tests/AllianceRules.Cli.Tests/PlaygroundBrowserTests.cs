using System.Buffers.Text;
using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// The browser playground (src/AllianceRules.Playground), published once and opened in headless
/// Chromium: what a reader sees and does, checked in the page itself. Each test also checks that
/// the page logged nothing and asked nothing of any origin but its own.
/// </summary>
[Collection("cli")]
public sealed partial class PlaygroundBrowserTests(PlaygroundSite site) : IClassFixture<PlaygroundSite>, IDisposable
{
    private const string TourRules = "tour/tour.treaty";
    private const string TourHistory = "tour/tour.events";

    // `alliance check rules seeds/armenia-azerbaijan-1993-1994.events --sweep CST.window=days,ceasefire,war`:
    // the ceasefire of 9 May 1994 discharges each ally's Article 4 (1992) duty, pending under the default.
    private const string ReadingSample = "armenia-azerbaijan-1993-1994";
    private const string Reading = "CST.window";
    private const string ReadingOption = "ceasefire";
    private const string ReadingRowBefore = "CST.art4 RUS 1994-04-20 pending open";
    private const string ReadingRowAfter = "CST.art4 RUS 1994-04-20 discharged 1994-05-09";

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_page_loads_and_shows_the_tours_verdicts()
    {
        await using var tab = await PlaygroundTab.OpenAsync(site);
        Assert.Equal(Tour.Expected, await tab.VerdictsAsync());
        Assert.Equal([TourRules, TourHistory], await tab.StringsAsync("[...document.querySelectorAll('.tab')].map(t => t.title)"));
        Assert.Equal(0, await tab.CountAsync(".diagnostic.error, .no-verdicts, .link-note"));
        tab.AssertClean();
    }

    /// <summary>
    /// Regression: index.html named no icon, so every browser asked for /favicon.ico, which the
    /// site does not have, and logged the 404 as an error on every load of the page.
    /// </summary>
    [Fact]
    public async Task Regression_the_page_names_its_icon_so_no_browser_asks_for_a_missing_favicon()
    {
        await using var tab = await PlaygroundTab.OpenAsync(site);
        Assert.Equal("data:,", (await tab.Page.EvaluateAsync("document.querySelector('link[rel=icon]')?.getAttribute('href') ?? null"))?.GetValue<string>());
        Assert.DoesNotContain(tab.Page.Requests, url => url.EndsWith("/favicon.ico", StringComparison.Ordinal));
        tab.AssertClean();
    }

    [Fact]
    public async Task A_misspelled_keyword_shows_the_command_lines_diagnostic_and_its_fix_brings_the_verdicts_back()
    {
        var broken = Tour.Rules.Replace("  members {", "  membres {", StringComparison.Ordinal);
        Assert.NotEqual(Tour.Rules, broken);
        _cli.Write(TourRules, broken);
        _cli.Write(TourHistory, Tour.History);
        var (exit, _, stderr) = _cli.Run("check", "tour");
        Assert.Equal(2, exit);
        var first = Regex.Match(stderr, @"(?<place>tour/tour\.treaty:(?<line>\d+):\d+): error (?<code>AR\d{4})");
        Assert.True(first.Success, stderr);

        await using var tab = await PlaygroundTab.OpenAsync(site);
        await tab.ShowAsync(TourRules);
        await tab.TypeAsync(broken);
        await tab.WaitForAsync("document.querySelector('.diagnostic.error')");
        Assert.Equal(first.Groups["code"].Value, (await tab.TextsAsync(".diagnostic.error .code-name"))[0]);
        Assert.Equal(first.Groups["place"].Value, (await tab.TextsAsync(".diagnostic.error button.place"))[0]);
        var marked = (await tab.Page.EvaluateAsync("[...document.querySelectorAll('.code .shade .line')].flatMap((l, i) => l.classList.contains('has-error') ? [i + 1] : [])"))!.AsArray().Select(n => (int)n!).ToArray();
        Assert.Equal([int.Parse(first.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)], marked);
        Assert.Equal(1, await tab.CountAsync(".no-verdicts"));
        Assert.Equal("Change to 'members'", await tab.TextAsync(".diagnostic.error button.fix"));

        await tab.ClickAsync(".diagnostic.error button.fix");
        await tab.WaitForVerdictsAsync(Tour.Expected);
        Assert.Equal(Tour.Rules, await tab.EditorTextAsync());
        Assert.Equal(0, await tab.CountAsync(".diagnostic.error, .line.has-error"));
        tab.AssertClean();
    }

    [Fact]
    public async Task Changing_an_assumption_or_a_reading_moves_a_verdict_and_marks_it_changed()
    {
        await using var tab = await PlaygroundTab.OpenAsync(site);
        await tab.ChangeAsync("assume-CST.prompt", "3");
        string[] shortened = ["CST.art4-request KAZ 2022-09-13 violated 2022-09-17", "CST.art4-request RUS 2022-09-13 violated 2022-09-17"];
        await tab.WaitForVerdictsAsync(shortened);
        Assert.Equal([shortened[0]], await tab.ChangedVerdictsAsync());
        Assert.Equal("1 verdict changed.", await tab.TextAsync(".change-note"));
        Assert.Equal("3", await tab.ValueAsync("assume-CST.prompt"));

        // A crisis where the reading moves a verdict, as `alliance check rules seeds/ReadingSeed --sweep` shows.
        await tab.ChooseAsync("sample:" + ReadingSample);
        await tab.WaitForAsync($"document.getElementById({PlaygroundTab.Js("reading-" + Reading)}) && document.querySelector('.tab[title=\"seeds/{ReadingSample}.events\"]')");
        var before = await tab.VerdictsAsync();
        Assert.Contains(ReadingRowBefore, before);
        await tab.ChangeAsync("reading-" + Reading, ReadingOption);
        await tab.WaitForAsync($"{PlaygroundTab.VerdictRows}.includes({PlaygroundTab.Js(ReadingRowAfter)})");
        var changed = await tab.ChangedVerdictsAsync();
        Assert.Contains(ReadingRowAfter, changed);
        Assert.Equal(7, changed.Length);
        Assert.All(changed, row => Assert.Matches(@"^CST\.art4 [A-Z]{3} 1994-04-20 discharged 1994-05-09$", row));
        Assert.Equal("7 verdicts changed.", await tab.TextAsync(".change-note"));
        Assert.Equal(ReadingOption, await tab.ValueAsync("reading-" + Reading));
        tab.AssertClean();
    }

    [Fact]
    public async Task A_shared_link_reproduces_the_page_and_a_damaged_one_says_so_and_opens_the_tour()
    {
        var edited = Tour.History.Replace("2022-09-20 KAZ assist ARM", "2022-09-25 KAZ assist ARM", StringComparison.Ordinal);
        Assert.NotEqual(Tour.History, edited);
        string link;
        string[] verdicts;
        string? explanation;
        await using (var tab = await PlaygroundTab.OpenAsync(site))
        {
            await tab.ShowAsync(TourHistory);
            await tab.TypeAsync(edited);
            await tab.WaitForVerdictsAsync(["CST.art4-request KAZ 2022-09-13 fulfilled 2022-09-25", Tour.Expected[1]]);
            await tab.ChangeAsync("assume-CST.prompt", "10");
            await tab.WaitForVerdictsAsync(["CST.art4-request KAZ 2022-09-13 violated 2022-09-24", "CST.art4-request RUS 2022-09-13 violated 2022-09-24"]);
            await tab.SelectVerdictAsync("KAZ");
            verdicts = await tab.VerdictsAsync();
            explanation = await tab.TextAsync("section.explain");
            link = (await tab.ValueAsync("share"))!;
            Assert.StartsWith(site.Url + "#v1.", link, StringComparison.Ordinal);
            tab.AssertClean();
        }

        await using (var again = await PlaygroundTab.OpenAsync(site, link))
        {
            Assert.Equal(verdicts, await again.VerdictsAsync());
            Assert.Equal("10", await again.ValueAsync("assume-CST.prompt"));
            Assert.Equal(explanation, await again.TextAsync("section.explain"));
            Assert.Contains("KAZ", explanation, StringComparison.Ordinal);
            Assert.Equal(1, await again.CountAsync("table.verdicts tr.selected"));
            await again.ShowAsync(TourHistory);
            Assert.Equal(edited, await again.EditorTextAsync());
            await again.ShowAsync(TourRules);
            Assert.Equal(Tour.Rules, await again.EditorTextAsync());
            Assert.Equal(0, await again.CountAsync(".link-note"));
            again.AssertClean();
        }

        foreach (var (damaged, why) in new[] { (link[..(link.Length / 2)], "damaged"), (site.Url + "#v9.xxx", "another version of the playground") })
        {
            await using var broken = await PlaygroundTab.OpenAsync(site, damaged);
            Assert.Equal(Tour.Expected, await broken.VerdictsAsync());
            var note = await broken.TextAsync(".link-note");
            Assert.StartsWith("This link could not be read: ", note, StringComparison.Ordinal);
            Assert.Contains(why, note, StringComparison.Ordinal);
            broken.AssertClean();
        }
    }

    [Fact]
    public async Task Hostile_text_in_a_linked_history_is_shown_as_text_and_runs_nothing()
    {
        // The HTML report's hostile line, and a request it answers, in an edited history the link carries.
        var history = Tour.History + ReportBrowserTests.Hostile + "\n2022-12-02 ARM request CSTO article=\"4\"\n";
        var files = new JsonArray(
            new JsonObject { ["path"] = TourRules, ["text"] = Tour.Rules, ["from"] = TourRules },
            new JsonObject { ["path"] = TourHistory, ["text"] = history, ["from"] = TourHistory });
        var link = site.Url + "#" + LinkOf(new JsonObject { ["files"] = files, ["sample"] = "tour" });

        await using var tab = await PlaygroundTab.OpenAsync(site, link);
        Assert.Contains("CST.art4-request KAZ 2022-12-02 pending open", await tab.VerdictsAsync());
        await tab.ShowAsync(TourHistory);
        Assert.Equal(history, await tab.EditorTextAsync());
        // What the hostile line set off: explain --event quotes the event, description and all.
        var line = history.Split('\n').ToList().FindIndex(l => l.StartsWith("2022-12-01 AZE attack", StringComparison.Ordinal)) + 1;
        await tab.ClickAsync($"button.ln.why[title=\"What did line {line} set off?\"]");
        await tab.WaitForAsync($"document.querySelector('section.explain h2')?.innerText.includes(':{line} set off')");
        await tab.ClickAsync(".views button:nth-child(2)");
        await tab.WaitForAsync("document.querySelector('figure.crisis')");

        Assert.Null((await tab.Page.EvaluateAsync("document.body.getAttribute('data-pwned')"))?.GetValue<string>());
        Assert.Equal(0, await tab.CountAsync("#app script, #app img, #app b, [data-pwned]"));
        var text = await tab.TextAsync("#app");
        Assert.Contains("<script>document.body.setAttribute('data-pwned','script')</script> and <b>bold</b>", await tab.TextAsync("section.explain"), StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=document.body.setAttribute('data-pwned','img')>", await tab.TextAsync(".code .shade"), StringComparison.Ordinal);
        Assert.Contains("<b>bold</b>", text, StringComparison.Ordinal);
        tab.AssertClean();
    }

    /// <summary>A link as the page writes one (Sharing/ShareLink.cs): v1, then base64url of the deflated JSON.</summary>
    private static string LinkOf(JsonObject state)
    {
        using var packed = new MemoryStream();
        using (var deflate = new DeflateStream(packed, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(System.Text.Encoding.UTF8.GetBytes(state.ToJsonString()));
        return "v1." + Base64Url.EncodeToString(packed.ToArray());
    }
}
