using System.Globalization;
using System.Text.RegularExpressions;
using AllianceRules.Parsing;
using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.Cli.Tests;

/// <summary>The exercises, the page's limits, accessibility and print (the rest of <see cref="PlaygroundBrowserTests"/>).</summary>
public sealed partial class PlaygroundBrowserTests
{
    [Fact]
    public async Task A_predict_exercise_scores_the_answers_and_shows_the_keys_answer_for_a_wrong_one()
    {
        var (id, folder) = Exercises(edit: false).FirstOrDefault();
        Assert.True(id is not null, "docs/exercises/ has no predict exercise (a folder with question.md and key.test, without solution/).");
        var answers = KeyAnswers(folder);
        Assert.NotEmpty(answers);

        await using var tab = await PlaygroundTab.OpenAsync(site);
        await tab.ChooseAsync("exercise:" + id);
        await tab.WaitForAsync("document.querySelector('section.exercise form.predictions')");
        Assert.Equal(1, await tab.CountAsync(".hidden-verdicts"));
        Assert.Equal(answers.Count, await tab.CountAsync("form.predictions select, form.predictions input"));
        foreach (var (question, answer) in answers) await tab.ChangeAsync("answer-" + question, answer);
        await tab.ClickAsync("form.predictions button.check");
        await tab.WaitForAsync("document.querySelector('.score')");
        Assert.Equal($"{answers.Count} of {answers.Count} right.", await tab.TextAsync(".score"));
        Assert.Equal(0, await tab.CountAsync(".control.wrong, .hidden-verdicts"));
        Assert.Equal(1, await tab.CountAsync("table.verdicts"));

        var (wrongId, rightAnswer) = answers[0];
        var wrong = rightAnswer switch
        {
            "fulfilled" => "violated",
            _ when decimal.TryParse(rightAnswer, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => (n + 7).ToString(CultureInfo.InvariantCulture),
            _ => "fulfilled",
        };
        await tab.ChangeAsync("answer-" + wrongId, wrong);
        await tab.ClickAsync("form.predictions button.check");
        await tab.WaitForAsync($"document.querySelector('.score')?.innerText === {PlaygroundTab.Js($"{answers.Count - 1} of {answers.Count} right.")}");
        Assert.Equal([$"no: the key says {rightAnswer}"], await tab.TextsAsync(".control.wrong .verdict-mark"));
        Assert.Equal(wrong, await tab.ValueAsync("answer-" + wrongId));
        tab.AssertClean();
    }

    [Fact]
    public async Task An_edit_exercise_fails_on_its_start_files_and_passes_with_its_solution()
    {
        var (id, folder) = Exercises(edit: true).FirstOrDefault();
        Assert.True(id is not null, "docs/exercises/ has no edit exercise (a folder with question.md, key.test and solution/).");

        await using var tab = await PlaygroundTab.OpenAsync(site);
        await tab.ChooseAsync("exercise:" + id);
        await tab.WaitForAsync("document.querySelector('section.exercise button.check')");
        await tab.ClickAsync("section.exercise button.check");
        await tab.WaitForAsync("document.querySelector('.score')");
        Assert.Matches(@"^\d+ problem\(s\) remain\.$", await tab.TextAsync(".score"));

        var solution = Path.Combine(folder, "solution");
        foreach (var file in Directory.GetFiles(solution, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(solution, file).Replace('\\', '/');
            var start = $"docs/exercises/{id}/start/{relative}";
            await tab.ShowAsync(start);
            var text = await File.ReadAllTextAsync(file);
            await tab.TypeAsync(text);
            // The tab of a file that differs from its bundled text is marked once the page holds the new text.
            if (text != await File.ReadAllTextAsync(Path.Combine(folder, "start", relative)))
            {
                await tab.WaitForAsync($"document.querySelector({PlaygroundTab.Js($".tab[title=\"{start}\"]")}).innerText.trim().endsWith('•')");
            }
        }
        await tab.ClickAsync("section.exercise button.check");
        await tab.WaitForAsync("document.querySelector('.score')?.innerText.startsWith('Every expectation of the key holds')");
        Assert.Equal(0, await tab.CountAsync(".key-results li.failed"));
        tab.AssertClean();
    }

    [Fact]
    public async Task The_page_fetches_nothing_from_outside_its_origin()
    {
        await using var tab = await PlaygroundTab.OpenAsync(site);
        var policy = (await tab.Page.EvaluateAsync("document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content ?? ''"))!.GetValue<string>();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data:", policy, StringComparison.Ordinal);

        await tab.Page.EvaluateAsync("window.__blocked = []; document.addEventListener('securitypolicyviolation', e => window.__blocked.push(e.violatedDirective + ' ' + e.blockedURI))");
        var fetched = (await tab.Page.EvaluateAsync("fetch('https://example.com/').then(() => 'fetched', e => 'rejected: ' + e.name)"))!.GetValue<string>();
        Assert.Equal("rejected: TypeError", fetched);
        await tab.Page.EvaluateAsync("(() => { const i = document.createElement('img'); i.src = 'https://example.com/x.png'; document.body.appendChild(i); })()");
        await tab.WaitForAsync("window.__blocked.some(b => b.startsWith('img-src'))");
        var blocked = await tab.StringsAsync("window.__blocked");
        Assert.Equal(["connect-src https://example.com/", "img-src https://example.com/x.png"], blocked.Order(StringComparer.Ordinal));
        // DevTools reports the image's request before the policy stops it: it must be reported blocked, and nothing else may have gone there.
        for (var until = DateTime.UtcNow + PlaygroundTab.Step; tab.Page.Blocked.Count == 0 && DateTime.UtcNow < until;) await Task.Delay(100);
        Assert.Equal([("https://example.com/x.png", "csp")], tab.Page.Blocked);
        Assert.Equal(["https://example.com/x.png"], tab.Page.Requests.Where(url => url.Contains("example.com", StringComparison.Ordinal)));
        tab.Page.Requests.Remove("https://example.com/x.png");
        // The browser reports each refusal on the console; nothing else may appear there.
        Assert.NotEmpty(tab.Page.Messages);
        Assert.All(tab.Page.Messages, m => Assert.Matches(@"^log\.error: (Connecting to 'https://example\.com/'|Loading the image 'https://example\.com/x\.png') violates the following Content Security Policy directive|^log\.error: Fetch API cannot load https://example\.com/\. Refused to connect", m));
        tab.Page.Messages.Clear();
        tab.AssertClean();
    }

    [Fact]
    public async Task A_history_past_the_pages_limit_is_refused_with_AR9020_and_the_page_still_answers()
    {
        await using var tab = await PlaygroundTab.OpenAsync(site);
        await PasteTwoMegabytesAsync(tab);
        Assert.Contains("1 MB", await tab.TextAsync(".diagnostic.error .message"), StringComparison.Ordinal);
        Assert.Equal(1, await tab.CountAsync(".no-verdicts"));

        await tab.TypeAsync(Tour.History);
        await tab.Page.WaitForAsync($"((a, b) => a.length === b.length && a.every((x, i) => x === b[i]))({PlaygroundTab.VerdictRows}, {System.Text.Json.JsonSerializer.Serialize(Tour.Expected)})", PlaygroundTab.FirstLoad);
        Assert.Equal(0, await tab.CountAsync(".diagnostic.error"));
        tab.AssertClean();
    }

    /// <summary>
    /// Regression: the editor coloured a text past the page's limit line by line, with a button
    /// per line number, so a 2 MB paste kept the browser's one thread busy for about 20 s on the
    /// bench machine before AR9020 showed. Such a text is now shown plain: one block of text, one of numbers.
    /// </summary>
    [Fact]
    public async Task Regression_a_text_past_the_limit_is_shown_plain_so_a_paste_does_not_busy_the_tab()
    {
        await using var tab = await PlaygroundTab.OpenAsync(site);
        var lines = await PasteTwoMegabytesAsync(tab);
        Assert.Equal(1, await tab.CountAsync(".code .shade .line"));
        Assert.Equal(1, await tab.CountAsync(".code .shade .line.plain"));
        Assert.Equal(0, await tab.CountAsync(".code .shade .line span, .code button.ln"));
        var numbers = (await tab.TextAsync(".code .gutter .ln.all"))!.Split('\n');
        Assert.Equal(lines, numbers.Length);
        Assert.Equal(lines.ToString(CultureInfo.InvariantCulture), numbers[^1]);

        // Back under the limit, the editor colours again.
        await tab.TypeAsync(Tour.History);
        await tab.Page.WaitForAsync("document.querySelectorAll('.code .shade .line').length > 1", PlaygroundTab.FirstLoad);
        Assert.Equal(0, await tab.CountAsync(".code .shade .line.plain, .code .ln.all"));
        Assert.True(await tab.CountAsync(".code button.ln.why") > 0);
        tab.AssertClean();
    }

    /// <summary>Pastes about 2 MB of events into the tour's history and waits for AR9020; gives the pasted text's line count.</summary>
    private static async Task<int> PasteTwoMegabytesAsync(PlaygroundTab tab)
    {
        await tab.ShowAsync(TourHistory);
        var lines = (await tab.Page.EvaluateAsync("""
            (() => { const t = document.querySelector('.code textarea'); const line = '2022-09-20 KAZ assist ARM "padding padding padding"\n';
              t.value = line.repeat(Math.ceil(2 * 1048576 / line.length)); t.dispatchEvent(new Event('input', { bubbles: true }));
              return t.value.split('\n').length; })()
            """))!.GetValue<int>();
        await tab.Page.WaitForAsync("[...document.querySelectorAll('.diagnostic .code-name')].some(c => c.innerText === 'AR9020')", PlaygroundTab.FirstLoad);
        return lines;
    }

    /// <summary>Every control has an accessible name: its label, its aria-label, or its text.</summary>
    private const string Unnamed = """
        [...document.querySelectorAll('#app input, #app select, #app textarea, #app button')].filter(e => {
          const label = e.id ? document.querySelector('label[for="' + CSS.escape(e.id) + '"]') : null;
          return !((e.getAttribute('aria-label') || '').trim() || (label && label.textContent.trim()) || (e.tagName === 'BUTTON' && e.textContent.trim()));
        }).map(e => e.outerHTML.slice(0, 200))
        """;

    [Fact]
    public async Task Every_control_has_an_accessible_name_and_print_shows_the_verdicts_without_the_editor()
    {
        await using var tab = await PlaygroundTab.OpenAsync(site);
        await tab.ChangeAsync("assume-CST.prompt", "3");
        await tab.WaitForAsync("document.querySelector('.change-note')");
        await tab.SelectVerdictAsync("RUS");
        Assert.Empty(await tab.StringsAsync(Unnamed));
        Assert.True(await tab.CountAsync("#app input, #app select, #app textarea, #app button") > 10);

        await tab.Page.SetMediaAsync("print");
        string Display(string selector) => $"getComputedStyle(document.querySelector({PlaygroundTab.Js(selector)})).display";
        Assert.Equal("none", (await tab.Page.EvaluateAsync(Display(".code")))!.GetValue<string>());
        Assert.Equal("none", (await tab.Page.EvaluateAsync(Display(".menu")))!.GetValue<string>());
        Assert.Equal("table", (await tab.Page.EvaluateAsync(Display("table.verdicts")))!.GetValue<string>());
        await tab.Page.SetMediaAsync("");

        if (Exercises(edit: false).FirstOrDefault() is ({ } id, _))
        {
            await tab.ChooseAsync("exercise:" + id);
            await tab.WaitForAsync("document.querySelector('form.predictions')");
            Assert.Empty(await tab.StringsAsync(Unnamed));
        }
        tab.AssertClean();
    }

    /// <summary>The exercises on disk, in ordinal order: an edit exercise has a solution/ folder.</summary>
    private static IEnumerable<(string Id, string Folder)> Exercises(bool edit)
    {
        var root = Path.Combine(CliHarness.RepoRoot, "docs", "exercises");
        if (!Directory.Exists(root)) return [];
        return Directory.GetDirectories(root).Order(StringComparer.Ordinal)
            .Where(d => File.Exists(Path.Combine(d, "question.md")) && File.Exists(Path.Combine(d, "key.test")))
            .Where(d => Directory.Exists(Path.Combine(d, "solution")) == edit)
            .Select(d => (Path.GetFileName(d), d));
    }

    /// <summary>The key's answers by the page's question id (q TEST-EXPECTATION, from 1), as the key states them.</summary>
    private static List<(string Id, string Answer)> KeyAnswers(string folder)
    {
        var path = Path.Combine(folder, "key.test");
        var (key, problems) = TestFileParser.Parse(new SourceFile(path, File.ReadAllText(path)));
        Assert.Empty(problems);
        return [.. key.Tests.SelectMany((t, ti) => t.Expectations.Select((e, ei) => ($"q{ti + 1}-{ei + 1}", e switch
        {
            InstanceExpectationSyntax i => i.Status,
            NoInstanceExpectationSyntax => "no instance",
            SummaryExpectationSyntax s => s.Value.ToString(CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"an expectation the test does not know: {e.Text}"),
        })))];
    }

    /// <summary>The README's tour, cut from it as the page cuts it (Bundle/Samples.cs), and its expect block.</summary>
    private static class Tour
    {
        private static readonly string Readme = File.ReadAllText(Path.Combine(CliHarness.RepoRoot, "README.md")).ReplaceLineEndings("\n");

        public static string Rules { get; } = Blocks("treaty");

        public static string History { get; } = Blocks("events");

        public static string[] Expected { get; } = Blocks("expect").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        private static string Blocks(string kind) => string.Concat(
            Regex.Matches(Readme, @"^```(?<kind>[a-z]+) example=tour[ \t]*\n(?<body>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)
                .Where(m => m.Groups["kind"].Value == kind).Select(m => m.Groups["body"].Value));
    }
}
