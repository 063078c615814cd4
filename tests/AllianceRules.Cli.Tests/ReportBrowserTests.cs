namespace AllianceRules.Cli.Tests;

/// <summary>
/// The HTML report of the bundled rules and seeds, opened in a real browser (headless Chromium):
/// no console error, no request beyond the file itself, and a history's hostile description shown
/// as text, never run.
/// </summary>
[Collection("cli")]
public sealed class ReportBrowserTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    // An attack, so that it triggers rules and its description and source are printed in the report.
    internal const string Hostile = """
        2022-12-01 AZE attack ARM source="<img src=x onerror=document.body.setAttribute('data-pwned','img')>" "<script>document.body.setAttribute('data-pwned','script')</script> and <b>bold</b>"
        """;

    [Fact]
    public async Task The_html_report_runs_nothing_fetches_nothing_and_shows_hostile_text_as_text()
    {
        CopyTree("rules");
        CopyTree("seeds");
        _cli.Write("seeds/zz-hostile.events", Hostile + "\n");
        var (exit, _, stderr) = _cli.Run("report", "rules", "seeds", "--format", "html", "--output", "report.html");
        Assert.True(exit == 0, stderr);
        var file = Path.Combine(_cli.Directory, "report.html");
        var url = new Uri(file).AbsoluteUri;

        await using var page = await ChromiumPage.OpenAsync();
        await page.NavigateAsync(url);

        Assert.Empty(page.Messages);
        Assert.Equal([url], page.Requests);
        Assert.Null((await page.EvaluateAsync("document.body.getAttribute('data-pwned')"))?.GetValue<string>());
        Assert.Equal(0, (await page.EvaluateAsync("document.querySelectorAll('script, img, b').length"))!.GetValue<int>());
        var text = (await page.EvaluateAsync("document.body.innerText"))!.GetValue<string>();
        Assert.Contains("<script>document.body.setAttribute('data-pwned','script')</script> and <b>bold</b>", text);
        Assert.Contains("<img src=x onerror=document.body.setAttribute('data-pwned','img')>", text);

        var png = await page.ScreenshotAsync();
        Assert.True(png.Length > 10_000, "The screenshot is suspiciously small: did the page render?");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

        // docs/reports.md shows the crisis the hostile line set off; the update mode retakes that picture.
        if (AllianceRules.Tests.Support.Baseline.Updating)
        {
            await page.EvaluateAsync("[...document.querySelectorAll('section.crisis')].find(s => s.textContent.includes('data-pwned')).scrollIntoView()");
            await File.WriteAllBytesAsync(AllianceRules.Tests.Support.Repo.Path("docs", "report-crisis.png"), await page.ScreenshotAsync());
        }
    }

    private void CopyTree(string name)
    {
        foreach (var path in Directory.GetFiles(Path.Combine(CliHarness.RepoRoot, name), "*", SearchOption.AllDirectories))
        {
            _cli.Write(Path.Combine(name, Path.GetRelativePath(Path.Combine(CliHarness.RepoRoot, name), path)), File.ReadAllText(path));
        }
    }
}
