using AllianceRules.Playground.Bundle;
using AllianceRules.Playground.Components;
using AllianceRules.Playground.Sharing;
using AllianceRules.Playground.Workspace;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceRules.Playground.Tests.Components;

/// <summary>
/// The HTML report's escaping test (ReportBrowserTests), run against the playground: markup in a
/// history, a rule file or a note is shown as text wherever the page shows it, never as markup.
/// A link is anyone's to write, so these files arrive the way a stranger's would: in a link.
/// </summary>
public sealed class HostileTextTests : IDisposable
{
    /// <summary>The line ReportBrowserTests.Hostile adds to a history.</summary>
    private const string Hostile = """
        2022-12-01 AZE attack ARM source="<img src=x onerror=document.body.setAttribute('data-pwned','img')>" "<script>document.body.setAttribute('data-pwned','script')</script> and <b>bold</b>"
        """;

    private static readonly string Rules = BundledFiles.Embedded.Text(Samples.TourRules)!
        .Replace("\"Collective Security Treaty\"", "\"<script>alert('treaty')</script> Treaty\"", StringComparison.Ordinal)
        .Replace("\"Collective defence at the victim's request\"", "\"<img src=x onerror=alert(1)> defence\"", StringComparison.Ordinal)
        .Replace("cites \"Article 4 (2010 wording)\"", "cites \"<b>Article 4</b>\"\n    quote \"<script>alert('quote')</script>\"", StringComparison.Ordinal);

    private static readonly string History =
        BundledFiles.Embedded.Text(Samples.TourHistory)!.Replace("\"Shelling of Jermuk, Goris and Kapan\"", "\"<script>alert('event')</script> <b>x</b>\"", StringComparison.Ordinal)
        + Hostile + "\n2022-12-02 ARM request CSTO \"<script>alert('request')</script> <img src=x onerror=alert(3)> <b>now</b>\"\n";

    private readonly BunitContext _context = new();

    public void Dispose() => _context.Dispose();

    private IRenderedComponent<PlaygroundPage> Open(string rules, string history, VerdictKey? selected = null)
    {
        var state = new PageState([new WorkFile("tour/evil.treaty", rules), new WorkFile("tour/evil.events", history)], ChoiceState.None, Selected: selected);
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("#" + ShareLink.Write(state, BundledFiles.Embedded));
        return _context.Render<PlaygroundPage>();
    }

    /// <summary>No element the hostile text names exists in the part, and its markup shows the text escaped.</summary>
    private static void OnlyText<T>(IRenderedComponent<T> page, string selector, params string[] shown)
        where T : IComponent
    {
        var parts = page.FindAll(selector);
        Assert.NotEmpty(parts);
        Assert.Empty(page.FindAll("script, img, b"));
        Assert.All(parts, p => Assert.Empty(p.QuerySelectorAll("script, img, b")));
        Assert.Contains("&lt;script&gt;", string.Concat(parts.Select(p => p.InnerHtml)), StringComparison.Ordinal);
        var text = string.Concat(parts.Select(p => p.TextContent));
        foreach (var s in shown) Assert.Contains(s, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_in_the_verdict_table_and_an_explanation_is_only_text()
    {
        Assert.Contains("\"<script>alert('treaty')</script> Treaty\"", Rules, StringComparison.Ordinal);
        Assert.Contains("\"<script>alert('event')</script> <b>x</b>\"", History, StringComparison.Ordinal);
        var page = Open(Rules, History, new VerdictKey("CST.art4-request", "RUS", new NodaTime.LocalDate(2022, 12, 2)));
        Assert.Empty(page.FindAll(".diagnostic.error"));
        Assert.Equal(4, page.FindAll("table.verdicts tbody tr").Count);
        Assert.Equal("Why CST.art4-request RUS 2022-12-02", page.Find("section.explain h2").TextContent);
        OnlyText(page, "section.explain", "<img src=x onerror=alert(1)> defence", "<script>alert('quote')</script>");
        Assert.Empty(page.Find("table.verdicts").QuerySelectorAll("script, img, b"));
        Assert.Contains("&lt;script&gt;", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_in_the_timelines_is_only_text()
    {
        var page = Open(Rules, History);
        page.FindAll(".views button").Single(b => b.TextContent == "Timelines").Click();
        OnlyText(page, "figure.crisis", "2022-12-02: ARM request CSTO — <script>alert('request')</script> <img src=x onerror=alert(3)> <b>now</b>");
        page.FindAll(".views button").Single(b => b.TextContent == "Reliability by kind").Click();
        Assert.Empty(page.FindAll("script, img, b"));
    }

    [Fact]
    public void Hostile_text_in_a_diagnostic_is_only_text()
    {
        const string path = "tour/<script>alert(1)</script><img src=x onerror=alert(2)><b>b</b>.events";
        var state = new PageState([new WorkFile("tour/evil.treaty", Rules), new WorkFile(path, "2022-12-01 AZE atack ARM \"<script>x</script>\"\n")], ChoiceState.None);
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("#" + ShareLink.Write(state, BundledFiles.Embedded));
        var page = _context.Render<PlaygroundPage>();
        OnlyText(page, "section.diagnostics", path);
        Assert.Empty(page.FindAll("script, img, b"));
    }

    [Fact]
    public void Hostile_text_in_a_link_warning_is_only_text()
    {
        const string path = "rules/<script>alert(1)</script><img src=x onerror=alert(2)><b>b</b>.treaty";
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("#" + Sharing.ShareLinkTests.Link($$"""{"files":[{"path":"{{path}}","stamp":"0"}]}"""));
        var page = _context.Render<PlaygroundPage>();
        OnlyText(page, "p.link-note", $"The link names {path}, which this version of the playground does not bundle; it is left out.");
    }

    [Fact]
    public void Hostile_text_in_a_note_is_only_text()
    {
        const string note = "# <script>alert('h')</script>\n\n<img src=x onerror=alert(1)> and <b>bold</b>\n\n- <b>item</b>\n- <script>alert('li')</script>\n\n```\n<script>alert('code')</script>\n```\n";
        var view = _context.Render<NoteView>(p => p.Add(v => v.Text, note));
        OnlyText(view, "div.note-body", "<script>alert('h')</script>", "<img src=x onerror=alert(1)> and <b>bold</b>", "<b>item</b>", "<script>alert('code')</script>");
        Assert.Equal(["<script>alert('h')</script>"], view.FindAll("h3").Select(h => h.TextContent));
        Assert.Equal(["<b>item</b>", "<script>alert('li')</script>"], view.FindAll("li").Select(h => h.TextContent));
    }
}
