using System.Xml;
using System.Xml.Linq;
using AllianceRules.Tests.Support;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// alliance report: the Markdown of the contract example and of the bundled rules and seeds is
/// pinned (Reports/*.md; ALLIANCE_UPDATE_BASELINES=1 rewrites them), and the HTML is parsed as XML
/// to check its structure and its escaping.
/// </summary>
[Collection("cli")]
public sealed class ReportDocumentTests : IDisposable
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Markdown_of_the_contract_example_is_the_pinned_one()
    {
        _cli.Write("rules/cst.treaty", File.ReadAllText(CliHarness.Contract("cst.treaty")));
        _cli.Write("seeds/armenia-2022.events", File.ReadAllText(CliHarness.Contract("armenia-2022.events")));
        var (exit, stdout, stderr) = _cli.Run("report", "rules", "seeds");
        Assert.True(exit == 0, stderr);
        Baseline.Match(Repo.Path("tests", "AllianceRules.Cli.Tests", "Reports", "contract.md"), stdout);
    }

    [Fact]
    public void Markdown_of_the_bundled_rules_and_seeds_is_the_pinned_one()
    {
        CopyBundled();
        var (exit, stdout, stderr) = _cli.Run("report", "rules", "seeds", "--format", "markdown");
        Assert.True(exit == 0, stderr);
        Baseline.Match(Repo.Path("tests", "AllianceRules.Cli.Tests", "Reports", "bundled.md"), stdout);
    }

    [Fact]
    public void Markdown_escapes_what_would_be_markup()
    {
        _cli.Write("rules/cst.treaty", File.ReadAllText(CliHarness.Contract("cst.treaty")));
        _cli.Write("seeds/x.events", "2022-09-13 AZE attack ARM\n2022-09-14 ARM request CSTO \"<script>x</script> | *bold* [link](http://e.org)\"\n");
        var (_, stdout, _) = _cli.Run("report", "rules", "seeds");
        Assert.Contains(@"&lt;script&gt;x&lt;/script&gt; \| \*bold\* \[link\](http://e.org)", stdout);
        Assert.DoesNotContain("<script>", stdout);
    }

    [Fact]
    public void Html_is_one_well_formed_self_contained_page_with_tables_and_figures()
    {
        CopyBundled();
        var (exit, stdout, stderr) = _cli.Run("report", "rules", "seeds", "--format", "html");
        Assert.True(exit == 0, stderr);
        var page = XDocument.Parse(stdout.Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal));

        // Nothing to run and nothing to fetch: no script, no external reference, and a policy that forbids both.
        Assert.Empty(page.Descendants(X + "script"));
        // Links only within the page (the contents and the summary's crises), data: URIs only otherwise.
        Assert.DoesNotContain(page.Descendants().Attributes(), a => a.Name.LocalName is "src" or "href" && !a.Value.StartsWith("data:", StringComparison.Ordinal) && !a.Value.StartsWith('#'));
        var policy = page.Descendants(X + "meta").Single(m => (string?)m.Attribute("http-equiv") == "Content-Security-Policy");
        Assert.StartsWith("default-src 'none'", (string)policy.Attribute("content")!);
        Assert.Single(page.Descendants(X + "style"));

        // Summary first, the inputs last (issue #20): a reader starts at the verdicts.
        var headings = page.Descendants(X + "h2").Select(h => h.Value).ToList();
        Assert.Equal(["Summary", "Contents", "Crises and calendar periods", "Reliability", "Treaties and members", "Assumptions and readings", "Inputs"], headings);
        Assert.Contains("CST: Collective Security Treaty", page.Descendants(X + "h3").Select(h => h.Value));

        // The input table, the last, lists every file with a 64-digit SHA-256.
        var inputs = page.Descendants(X + "table").Last().Descendants(X + "tbody").Single().Elements(X + "tr").ToList();
        Assert.Equal(Directory.GetFiles(Path.Combine(_cli.Directory, "rules")).Length + Directory.GetFiles(Path.Combine(_cli.Directory, "seeds"), "*.events").Length, inputs.Count);
        Assert.All(inputs, r => Assert.Matches("^[0-9a-f]{64}$", r.Elements(X + "td").Last().Value));

        // Each crisis has a table of its obligations and a timeline figure with one bar per instance.
        var crises = page.Descendants(X + "section").Where(s => (string?)s.Attribute("class") == "crisis").ToList();
        Assert.NotEmpty(crises);
        foreach (var crisis in crises)
        {
            var rows = crisis.Descendants(X + "tbody").Single().Elements(X + "tr").Count();
            var bars = crisis.Descendants(Svg + "rect").Count();
            Assert.Equal(rows, bars);
        }
        // Membership charts for the treaties with a readable number of members.
        Assert.True(page.Descendants(X + "figure").Count(f => f.Descendants(Svg + "svg").Any()) >= crises.Count + 4);
        // Reliability by party and kind, and by kind over all parties: no table mixes kinds.
        Assert.Contains(page.Descendants(X + "h3"), h => h.Value == "By party and kind of obligation");
        Assert.Contains(page.Descendants(X + "h3"), h => h.Value == "Reliability by kind of obligation");
        Assert.DoesNotContain(page.Descendants(X + "h3"), h => h.Value == "By party");
    }

    [Fact]
    public void Html_escapes_every_text_from_the_inputs()
    {
        _cli.Write("rules/cst.treaty", File.ReadAllText(CliHarness.Contract("cst.treaty")));
        _cli.Write("seeds/x.events", "2022-09-13 AZE attack ARM\n2022-09-14 ARM request CSTO source=\"a&b\" \"<img src=x onerror=alert(1)> \\\"quoted\\\"\"\n");
        var (_, stdout, _) = _cli.Run("report", "rules", "seeds", "--format", "html");
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;", stdout);
        Assert.Contains("a&amp;b", stdout);
        var page = XDocument.Parse(stdout.Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal));
        Assert.Empty(page.Descendants(X + "img"));
    }

    [Fact]
    public void Every_human_report_counts_by_kind_per_episode_and_lists_the_episodes()
    {
        var case_ = Path.Combine(CliHarness.RepoRoot, "tests", "AllianceRules.Tests", "Cases", "eval", "280-episodes");
        _cli.Write("rules.treaty", File.ReadAllText(Path.Combine(case_, "rules.treaty")));
        _cli.Write("history.events", File.ReadAllText(Path.Combine(case_, "history.events")));
        // BBB: five defence episodes from nine instances, two honoured, two violated, one pending.
        var (_, text, _) = _cli.Run("check", "rules.treaty", "history.events");
        Assert.Contains("  PACT    BBB    defense               5        4          2         2        1           0        0         0.50", text, StringComparison.Ordinal);
        Assert.Contains("  PACT.defense  BBB  war=1                                   violated   #1 #3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Reliability (invoked", text, StringComparison.Ordinal);
        var (_, markdown, _) = _cli.Run("report", "rules.treaty", "history.events");
        Assert.Contains("| PACT | BBB | defense | 5 | 4 | 2 | 2 | 1 | 0 | 0 | 0.50 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `PACT.defense` | BBB | episode=E | ✅ fulfilled | `PACT.defense#5`, `PACT.defense#7` |", markdown, StringComparison.Ordinal);
        var (_, html, _) = _cli.Run("report", "rules.treaty", "history.events", "--format", "html");
        var page = XDocument.Parse(html.Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal));
        var episodes = page.Descendants(X + "h3").Single(h => h.Value == "Episodes of several instances").ElementsAfterSelf(X + "table").First();
        Assert.Equal(8, episodes.Descendants(X + "tr").Count(r => r.Elements(X + "td").Any()));
    }

    [Fact]
    public void Rules_that_need_judgment_get_an_indeterminate_column_in_both_documents()
    {
        // Regression: the reliability tables had no such column, so a rule whose instances all need judgment showed zeros.
        var case_ = Path.Combine(CliHarness.RepoRoot, "tests", "AllianceRules.Tests", "Cases", "eval", "260-war-before-judgment");
        _cli.Write("rules.treaty", File.ReadAllText(Path.Combine(case_, "rules.treaty")));
        _cli.Write("history.events", File.ReadAllText(Path.Combine(case_, "history.events")));
        var (exit, markdown, _) = _cli.Run("report", "rules.treaty", "history.events");
        Assert.Equal(0, exit);
        Assert.Contains("| treaty | kind | episodes | invoked | fulfilled | violated | pending | discharged | excused | indeterminate | reliability |", markdown, StringComparison.Ordinal);
        Assert.Contains("| PACT | neutrality | 6 | 0 | 0 | 0 | 3 | 0 | 0 | 3 | — |", markdown, StringComparison.Ordinal);
        Assert.Contains("Pending, discharged, excused and indeterminate (needing an analyst's judgment) episodes are shown but not counted.", markdown, StringComparison.Ordinal);
        Assert.Contains("### Pending and needing judgment", markdown, StringComparison.Ordinal);
        var (_, html, _) = _cli.Run("report", "rules.treaty", "history.events", "--format", "html");
        Assert.Contains("<th>indeterminate</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_with_a_sweep_shows_the_verdicts_that_change()
    {
        _cli.Write("rules/cst.treaty", File.ReadAllText(CliHarness.Contract("cst.treaty")));
        _cli.Write("seeds/armenia-2022.events", File.ReadAllText(CliHarness.Contract("armenia-2022.events")) + "2022-10-01 RUS assist ARM\n");
        var (exit, markdown, _) = _cli.Run("report", "rules", "seeds", "--sweep", "prompt=P7D,P30D");
        Assert.Equal(0, exit);
        Assert.Contains("## Sensitivity to prompt", markdown);
        Assert.Contains("| `CST.art4-request` | RUS | 2022-09-13 | `aggressor=AZE,ally=RUS,victim=ARM` | ❌ violated | ✅ fulfilled |", markdown);
        var (_, html, _) = _cli.Run("report", "rules", "seeds", "--sweep", "prompt=P7D,P30D", "--format", "html");
        var page = XDocument.Parse(html.Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal));
        var tables = page.Descendants(X + "h2").Single(h => h.Value == "Sensitivity to prompt").ElementsAfterSelf(X + "table").ToList();
        // First the verdicts per value (issue #20), then the instances that change.
        Assert.Equal(["prompt=P7D", "1", "0", "0", "0", "0", "0"], tables[0].Descendants(X + "tbody").Single().Elements(X + "tr").First().Elements(X + "td").Select(td => td.Value));
        Assert.Equal(["prompt=P30D", "0", "1", "0", "0", "0", "0"], tables[0].Descendants(X + "tbody").Single().Elements(X + "tr").Last().Elements(X + "td").Select(td => td.Value));
        var sweep = page.Descendants(X + "h2").Single(h => h.Value == "Sensitivity to prompt").ElementsAfterSelf(X + "div").First().Element(X + "table")!;
        Assert.Equal(["violated", "fulfilled"], sweep.Descendants(X + "td").Where(td => ((string?)td.Attribute("class"))?.StartsWith("status", StringComparison.Ordinal) == true).Select(td => td.Value));
    }

    [Theory]
    [InlineData("markdown")]
    [InlineData("html")]
    public void Report_at_the_end_of_the_calendar_does_not_crash(string format)
    {
        // Regression: a window reaching 9999-12-31 got a day added in the timelines (exit 3), and
        // so did a membership chart whose last interval opens in 9999.
        _cli.Write("rules/t.treaty", """
            vocabulary { verb attack "attacks" verb assist "assists" }
            treaty T "t" {
              members {
                ARM 1994-04-20 ..
                RUS 1994-04-20 ..
                KAZ 9999-06-01 ..
              }
              assume prompt = 30 days
              rule r "r" { kind defense when $a attack $v where $v is member then each member $x except $v must assist $v within prompt }
            }
            """);
        _cli.Write("seeds/h.events", "2022-09-13 AZE attack ARM\n");
        var (exit, stdout, stderr) = _cli.Run("report", "rules", "seeds", "--assume", "prompt=P8000Y", "--format", format);
        Assert.True(exit == 0, stderr);
        Assert.Contains("RUS", stdout);
    }

    [Fact]
    public void Html_shows_a_control_character_as_a_replacement_and_stays_well_formed()
    {
        // Regression: a bell character in a description was copied raw, which XML cannot hold.
        _cli.Write("rules/cst.treaty", File.ReadAllText(CliHarness.Contract("cst.treaty")));
        _cli.Write("seeds/x.events", "2022-09-13 AZE attack ARM\n2022-09-14 ARM request CSTO \"bell\u0007\"\n");
        var (exit, html, stderr) = _cli.Run("report", "rules", "seeds", "--format", "html");
        Assert.True(exit == 0, stderr);
        Assert.Contains("bell\uFFFD", html);
        _ = XDocument.Parse(html.Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Report_with_bad_input_writes_nothing_and_exits_2()
    {
        _cli.Write("rules/cst.treaty", File.ReadAllText(CliHarness.Contract("cst.treaty")));
        _cli.Write("seeds/x.events", "2022-09-13 AZE atack ARM\n");
        var (exit, _, stderr) = _cli.Run("report", "rules", "seeds", "--format", "html", "--output", "out.html");
        Assert.Equal(2, exit);
        Assert.Contains("error AR4001", stderr);
        Assert.False(File.Exists(Path.Combine(_cli.Directory, "out.html")));
    }

    private void CopyBundled()
    {
        foreach (var name in new[] { "rules", "seeds" })
        {
            foreach (var path in Directory.GetFiles(Path.Combine(CliHarness.RepoRoot, name)).Where(p => p.EndsWith(".treaty", StringComparison.Ordinal) || p.EndsWith(".events", StringComparison.Ordinal)))
            {
                _cli.Write(Path.Combine(name, Path.GetFileName(path)), File.ReadAllText(path));
            }
        }
    }
}
