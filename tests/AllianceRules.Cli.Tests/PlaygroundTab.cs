using System.Text.Json;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// The published playground open in a fresh headless Chromium (<see cref="ChromiumPage"/>), with
/// what its tests do to it as a reader would: pick from the menu, open a file's tab, type in the
/// editor (an input event, as a keystroke gives), change a control, click. Every wait is on a
/// condition, bounded by a generous timeout, never on a duration.
/// </summary>
public sealed class PlaygroundTab : IAsyncDisposable
{
    /// <summary>The first load compiles the runtime on a machine that may be busy.</summary>
    public static readonly TimeSpan FirstLoad = TimeSpan.FromSeconds(60);

    /// <summary>Anything after it: an evaluation, a render.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>The verdict table's rows as the README's expect blocks write them: rule, party, trigger date, status, decision date.</summary>
    public const string VerdictRows = "(" + RowsOf + ")('table.verdicts tbody tr')";

    /// <summary>The same, of the rows marked changed.</summary>
    public const string ChangedRows = "(" + RowsOf + ")('table.verdicts tbody tr.changed')";

    private const string RowsOf = """
        selector => [...document.querySelectorAll(selector)].map(r => [r.cells[0].innerText, r.cells[1].innerText, r.cells[2].innerText,
          r.cells[3].querySelector('.status').innerText, r.cells[5].innerText].map(s => s.trim()).join(' '))
        """;

    private readonly PlaygroundSite _site;

    private PlaygroundTab(PlaygroundSite site, ChromiumPage page)
    {
        _site = site;
        Page = page;
    }

    public ChromiumPage Page { get; }

    /// <summary>Opens the page (with a link's fragment, if given) and waits for its first verdicts or, failing those, its diagnostics.</summary>
    public static async Task<PlaygroundTab> OpenAsync(PlaygroundSite site, string? url = null)
    {
        site.EnsurePublished();
        var page = await ChromiumPage.OpenAsync();
        var tab = new PlaygroundTab(site, page);
        try
        {
            await page.NavigateAsync(url ?? site.Url);
            await page.WaitForAsync("document.querySelector('table.verdicts, .no-verdicts, .hidden-verdicts')", FirstLoad);
            return tab;
        }
        catch
        {
            await tab.DisposeAsync();
            throw;
        }
    }

    public Task WaitForAsync(string condition) => Page.WaitForAsync(condition, Step);

    public async Task<string[]> VerdictsAsync() => await StringsAsync(VerdictRows);

    public async Task<string[]> ChangedVerdictsAsync() => await StringsAsync(ChangedRows);

    /// <summary>An expression's value, an array of strings.</summary>
    public async Task<string[]> StringsAsync(string expression) =>
        (await Page.EvaluateAsync(expression))!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    /// <summary>Waits until the verdict table holds exactly these rows, in this order.</summary>
    public async Task WaitForVerdictsAsync(IEnumerable<string> rows) =>
        await WaitForAsync($"((a, b) => a.length === b.length && a.every((x, i) => x === b[i]))({VerdictRows}, {JsonSerializer.Serialize(rows.ToArray())})");

    public async Task<string?> TextAsync(string selector) =>
        (await Page.EvaluateAsync($"document.querySelector({Js(selector)})?.innerText ?? null"))?.GetValue<string>();

    public async Task<string[]> TextsAsync(string selector) =>
        await StringsAsync($"[...document.querySelectorAll({Js(selector)})].map(e => e.innerText.trim())");

    public async Task<int> CountAsync(string selector) =>
        (await Page.EvaluateAsync($"document.querySelectorAll({Js(selector)}).length"))!.GetValue<int>();

    /// <summary>The value of the control with this id (ids such as assume-CST.prompt hold dots).</summary>
    public async Task<string?> ValueAsync(string id) =>
        (await Page.EvaluateAsync($"document.getElementById({Js(id)})?.value ?? null"))?.GetValue<string>();

    /// <summary>Sets a control's value and sends the change event Blazor listens to.</summary>
    public async Task ChangeAsync(string id, string value)
    {
        await WaitForAsync($"document.getElementById({Js(id)})");
        await Page.EvaluateAsync($"(() => {{ const e = document.getElementById({Js(id)}); e.value = {Js(value)}; e.dispatchEvent(new Event('change', {{ bubbles: true }})); }})()");
    }

    /// <summary>Picks an entry of the menu (sample:ID or exercise:ID).</summary>
    public Task ChooseAsync(string entry) => ChangeAsync("menu", entry);

    /// <summary>Opens a file's tab and waits for its editor.</summary>
    public async Task ShowAsync(string path)
    {
        await ClickAsync($".tab[title={Js(path)}]");
        await WaitForAsync($"document.querySelector('.tab.active')?.title === {Js(path)}");
    }

    /// <summary>Replaces the active editor's text, as typing or pasting does (one input event).</summary>
    public async Task TypeAsync(string text) =>
        await Page.EvaluateAsync($"(() => {{ const t = document.querySelector('.code textarea'); t.value = {Js(text)}; t.dispatchEvent(new Event('input', {{ bubbles: true }})); }})()");

    public async Task<string> EditorTextAsync() =>
        (await Page.EvaluateAsync("document.querySelector('.code textarea').value"))!.GetValue<string>();

    public async Task ClickAsync(string selector)
    {
        await WaitForAsync($"document.querySelector({Js(selector)})");
        await Page.EvaluateAsync($"document.querySelector({Js(selector)}).click()");
    }

    /// <summary>Clicks the explain button of the verdict row for this party (and rule, if given).</summary>
    public async Task SelectVerdictAsync(string party)
    {
        await Page.EvaluateAsync($"[...document.querySelectorAll('table.verdicts tbody tr')].find(r => r.cells[1].innerText.trim() === {Js(party)}).querySelector('button.instance').click()");
        await WaitForAsync("document.querySelector('section.explain pre')");
    }

    /// <summary>No console message or error, and no request outside the served site.</summary>
    public void AssertClean()
    {
        Assert.True(Page.Messages.Count == 0, "The page logged:\n" + string.Join('\n', Page.Messages));
        Assert.NotEmpty(Page.Requests);
        Assert.All(Page.Requests, url => Assert.StartsWith(_site.Origin + "/", url, StringComparison.Ordinal));
    }

    /// <summary>A string as a JavaScript literal.</summary>
    public static string Js(string text) => JsonSerializer.Serialize(text);

    public ValueTask DisposeAsync() => Page.DisposeAsync();
}
