using System.Text.Json.Nodes;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// The HTML report of the bundled rules and seeds in headless Chromium at a phone's width and at
/// a printed page's: it opens on the summary (issue #20), nothing runs wider than the screen, and
/// in print the table of contents is left out. The update mode retakes the screenshots of
/// docs/reports.md.
/// </summary>
[Collection("cli")]
public sealed class ReportLayoutBrowserTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    public static TheoryData<string, int, int, string> Widths => new()
    {
        // A phone (CSS pixels of a common handset), and A4 at 96 dpi less 2 cm margins.
        { "phone", 390, 844, "screen" },
        { "print", 718, 1047, "print" },
    };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_html_report_opens_on_its_summary_and_fits_the_width(string name, int width, int height, string media)
    {
        foreach (var tree in new[] { "rules", "seeds" })
        {
            foreach (var path in Directory.GetFiles(Path.Combine(CliHarness.RepoRoot, tree), "*", SearchOption.AllDirectories))
            {
                _cli.Write(Path.Combine(tree, Path.GetRelativePath(Path.Combine(CliHarness.RepoRoot, tree), path)), File.ReadAllText(path));
            }
        }
        var (exit, _, stderr) = _cli.Run("report", "rules", "seeds", "--format", "html", "--output", "report.html");
        Assert.True(exit == 0, stderr);

        await using var page = await ChromiumPage.OpenAsync();
        await page.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = name == "phone" });
        await page.SetMediaAsync(media);
        await page.NavigateAsync(new Uri(Path.Combine(_cli.Directory, "report.html")).AbsoluteUri);
        Assert.Empty(page.Messages);

        // The first heading after the title is the summary, and its first sentence is on the first screen.
        Assert.Equal("Summary", (await page.EvaluateAsync("document.querySelector('h2').textContent"))!.GetValue<string>());
        var firstVerdict = (await page.EvaluateAsync("document.querySelector('ul.headlines li').getBoundingClientRect().bottom"))!.GetValue<double>();
        Assert.True(firstVerdict < height, $"The first crisis sentence ends at {firstVerdict}px, below the first screen ({height}px).");
        Assert.Contains("5 violated (BLR, KAZ, KGZ, RUS, TJK)", (await page.EvaluateAsync("document.querySelector('ul.headlines').innerText"))!.GetValue<string>());
        // Wide tables scroll inside their box; the page itself never runs wider than the screen.
        var scrollWidth = (await page.EvaluateAsync("document.documentElement.scrollWidth"))!.GetValue<double>();
        var widest = (await page.EvaluateAsync("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth).slice(0, 3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ' ' + (e.textContent || '').slice(0, 60)).join(' | ')"))?.GetValue<string>();
        Assert.True(scrollWidth <= width, $"The page is {scrollWidth}px wide on a {width}px screen: {widest}");
        var contents = (await page.EvaluateAsync("getComputedStyle(document.querySelector('nav')).display"))!.GetValue<string>();
        Assert.Equal(media == "print" ? "none" : "block", contents);

        var png = await page.ScreenshotAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        if (AllianceRules.Tests.Support.Baseline.Updating)
        {
            await File.WriteAllBytesAsync(AllianceRules.Tests.Support.Repo.Path("docs", $"report-summary-{name}.png"), png);
        }
    }
}
