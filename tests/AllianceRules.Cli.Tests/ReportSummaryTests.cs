using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// What issue #20 asked of the Markdown and HTML reports: a summary first, a table of contents whose
/// links land, registries apart from treaties, plurals, open memberships drawn as open, headings
/// from the trigger's description, and a reliability chart.
/// </summary>
[Collection("cli")]
public sealed partial class ReportSummaryTests : IDisposable
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private void Contract(string extra = "")
    {
        _cli.Write("rules/cst.treaty", File.ReadAllText(CliHarness.Contract("cst.treaty")));
        _cli.Write("seeds/armenia-2022.events", File.ReadAllText(CliHarness.Contract("armenia-2022.events")) + extra);
    }

    private (string Markdown, XDocument Html) Both(params string[] paths)
    {
        var (exit, markdown, stderr) = _cli.Run(["report", .. paths]);
        Assert.True(exit == 0, stderr);
        var (_, html, _) = _cli.Run(["report", .. paths, "--format", "html"]);
        return (markdown, XDocument.Parse(html.Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal), LoadOptions.PreserveWhitespace));
    }

    [Fact]
    public void The_summary_says_per_crisis_who_fulfilled_and_who_violated_each_rule()
    {
        Contract("2022-11-20 AZE attack ARM\n2022-11-20 ARM request CSTO \"Armenia asks again; the Council meets\"\n2022-11-25 RUS assist ARM\n");
        var (markdown, html) = Both("rules", "seeds");
        Assert.Contains("- **2022-09-13: ARM request CSTO.** `CST.art4-request`: 1 violated (RUS).", markdown, StringComparison.Ordinal);
        Assert.Contains("- **2022-11-20: Armenia asks again (ARM request CSTO).** `CST.art4-request`: 1 fulfilled (RUS).", markdown, StringComparison.Ordinal);
        var items = html.Descendants(X + "ul").Single(u => (string?)u.Attribute("class") == "headlines").Elements(X + "li").Select(li => li.Value).ToList();
        Assert.Equal(["2022-09-13: ARM request CSTO. CST.art4-request: 1 violated (RUS).", "2022-11-20: Armenia asks again (ARM request CSTO). CST.art4-request: 1 fulfilled (RUS)."], items);
        // The summary comes before everything else; the inputs come last.
        Assert.Equal("Summary", Regex.Matches(markdown, "^## (.*)$", RegexOptions.Multiline)[0].Groups[1].Value);
        Assert.Equal("Inputs", Regex.Matches(markdown, "^## (.*)$", RegexOptions.Multiline)[^1].Groups[1].Value);
    }

    [Fact]
    public void A_crisis_heading_uses_the_first_clause_of_the_trigger_description_and_the_section_quotes_it_whole()
    {
        Contract("2022-11-20 AZE attack ARM\n2022-11-20 ARM request CSTO \"Armenia asks again; the Council meets\"\n");
        var (markdown, html) = Both("rules", "seeds");
        Assert.Contains("### 2022-11-20: Armenia asks again (ARM request CSTO)", markdown, StringComparison.Ordinal);
        Assert.Contains("Trigger: `seeds/armenia-2022.events:7`, \"Armenia asks again; the Council meets\"", markdown, StringComparison.Ordinal);
        Assert.Contains(html.Descendants(X + "h3"), h => h.Value == "2022-11-20: Armenia asks again (ARM request CSTO)");
    }

    [Fact]
    public void Every_contents_link_leads_to_a_heading()
    {
        // Two crises with one title (a forbidden act, twice): GitHub gives the second anchor a "-1".
        Contract("2022-09-15 ARM attack RUS\n2022-09-15 ARM attack RUS\n");
        var (markdown, html) = Both("rules", "seeds");
        Assert.Contains("  - [2022-09-15: ARM attack RUS](#2022-09-15-arm-attack-rus)\n  - [2022-09-15: ARM attack RUS](#2022-09-15-arm-attack-rus-1)\n", markdown, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(markdown, "^### 2022-09-15: ARM attack RUS$", RegexOptions.Multiline));
        Assert.Contains("  - [CST: Collective Security Treaty](#cst-collective-security-treaty)", markdown, StringComparison.Ordinal);
        var ids = html.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var links = html.Descendants(X + "a").Select(a => (string)a.Attribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.Contains(href.TrimStart('#'), ids));
    }

    [Fact]
    public void Counts_have_their_plurals()
    {
        // Regression: the HTML said "1 obligation instances from 1 triggers under 1 treaties".
        Contract();
        var (markdown, html) = Both("rules", "seeds");
        const string lead = "1 obligation instance from 1 trigger, under 1 treaty: 1 violated.";
        Assert.Contains(lead, markdown, StringComparison.Ordinal);
        Assert.StartsWith(lead, html.Descendants(X + "p").First(p => (string?)p.Attribute("class") == "lead").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registry_of_states_is_listed_apart_and_not_counted_as_a_treaty()
    {
        // Regression: STATES was a treaty section of its own and counted ("6 treaties").
        Contract();
        _cli.Write("rules/states.treaty", "treaty STATES \"States\" {\n  members {\n    ARM 1991-12-26 ..\n    AZE 1991-12-26 ..\n  }\n}\n");
        var (markdown, html) = Both("rules", "seeds");
        Assert.Contains("under 1 treaty and 1 registry (STATES): 1 violated.", markdown, StringComparison.Ordinal);
        Assert.Contains("- **`STATES`** States: 2 members.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("### STATES", markdown, StringComparison.Ordinal);
        Assert.Equal(["CST: Collective Security Treaty", "Registries"], html.Descendants(X + "h2").Single(h => h.Value == "Treaties and members").ElementsAfterSelf(X + "h3").TakeWhile(_ => true).Select(h => h.Value).Take(2));
    }

    [Fact]
    public void An_open_membership_is_drawn_open_and_an_ended_one_ends()
    {
        // Regression: an open-ended membership was drawn ending at the treaty's last finite date, like a withdrawal.
        Contract();
        var (markdown, html) = Both("rules", "seeds");
        Assert.Contains("  section ARM\n  member, open-ended :active, 1994-04-20, 2022-12-31\n", markdown, StringComparison.Ordinal);
        Assert.Contains("  section UZB\n  member :1994-04-20, 1999-04-20\n  member :2006-08-16, 2012-12-20\n", markdown, StringComparison.Ordinal);
        var chart = html.Descendants(X + "figure").First(f => f.Descendants(Svg + "svg").Any(s => ((string?)s.Attribute("aria-label"))?.StartsWith("Membership", StringComparison.Ordinal) == true));
        // ARM and RUS are open: an arrowhead each; UZB's two memberships ended: none.
        var arrows = chart.Descendants(Svg + "polygon").Where(p => ((string?)p.Attribute("class"))?.Contains("open", StringComparison.Ordinal) == true).Select(p => p.Element(Svg + "title")!.Value).ToList();
        Assert.Equal(["ARM: 1994-04-20 .. (open-ended)", "RUS: 1994-04-20 .. (open-ended)"], arrows);
    }

    [Fact]
    public void Reliability_is_drawn_by_party_and_kind_beside_its_table()
    {
        _cli.Write("rules/cst.treaty", File.ReadAllText(CliHarness.Contract("cst.treaty")));
        _cli.Write("seeds/a.events", "as of 2023-01-31\n2022-09-13 AZE attack ARM\n2022-09-13 ARM request CSTO\n2022-09-20 RUS assist ARM\n2022-11-13 AZE attack ARM\n2022-11-13 ARM request CSTO\n");
        var (markdown, html) = Both("rules", "seeds");
        Assert.Contains("```mermaid\nxychart-beta horizontal\n", markdown, StringComparison.Ordinal);
        Assert.Contains("  x-axis [\"CST RUS defense\"]\n  y-axis \"reliability\" 0 --> 1\n  bar [0.5]\n", markdown, StringComparison.Ordinal);
        var chart = html.Descendants(Svg + "svg").Single(s => ((string?)s.Attribute("aria-label"))?.StartsWith("Reliability", StringComparison.Ordinal) == true);
        Assert.Equal(["bar-fulfilled", "bar-violated"], chart.Descendants(Svg + "rect").Select(r => (string)r.Attribute("class")!));
        Assert.Contains(chart.Descendants(Svg + "text"), t => t.Value == "0.50 (1 of 2)");
    }

    [Fact]
    public void A_variable_in_an_excuse_is_not_read_as_math()
    {
        // Regression: "'unless there was $b attack $a ...' held" rendered "b attack " as inline math on GitHub.
        foreach (var tree in new[] { "rules", "seeds" })
        {
            foreach (var path in Directory.GetFiles(Path.Combine(CliHarness.RepoRoot, tree), "*", SearchOption.AllDirectories))
            {
                _cli.Write(Path.Combine(tree, Path.GetRelativePath(Path.Combine(CliHarness.RepoRoot, tree), path)), File.ReadAllText(path));
            }
        }
        var (exit, markdown, stderr) = _cli.Run("report", "rules", "seeds");
        Assert.True(exit == 0, stderr);
        Assert.Contains("excused: 'unless there was CSTO consult \\$victim within immediately strictly before' held", markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"[^\\]\$[a-z]", markdown.Replace("$ alliance", string.Empty, StringComparison.Ordinal));
    }
}
