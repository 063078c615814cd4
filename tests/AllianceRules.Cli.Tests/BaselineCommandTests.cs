using System.Text.Json;
using AllianceRules.Tests.Support;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// <c>--baseline OLD.json</c>: the case in Cases/baseline is a rule-editing pull request (one
/// member replaced, a window lengthened) whose old report the program wrote, and its comparison
/// shows one changed status, one new instance and one removed instance. A baseline that is not a
/// report is AR9028, with exit 2 and no output written.
/// </summary>
[Collection("cli")]
public sealed class BaselineCommandTests : IDisposable
{
    private static readonly string Case = Repo.Path("tests", "AllianceRules.Tests", "Cases", "baseline");

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>Runs the command line in the case's folder, so paths and the baseline's name read as short as in the goldens.</summary>
    private static (int Exit, string Out, string Err) InCase(params string[] args) => CliHarness.RunIn(Case, args);

    private static string Json(params string[] args)
    {
        var (exit, stdout, stderr) = InCase([.. args, "--format", "json"]);
        Assert.True(exit == 0, stderr);
        Schemas.AssertConforms(Schemas.Report, stdout);
        return JsonGolden.Mask(stdout);
    }

    [Fact]
    public void The_old_report_is_the_programs_own()
    {
        // ALLIANCE_UPDATE_BASELINES=1 writes it again from the old rules, as a pull request's main branch would.
        Baseline.Match(Path.Combine(Case, "old.json"), Json("check", "old", "history.events"));
    }

    [Fact]
    public void Json_report_lists_a_changed_an_added_and_a_removed_instance()
    {
        var json = Json("check", "new", "history.events", "--baseline", "old.json");
        Baseline.Match(Path.Combine(Case, "expected.json"), json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("old.json", document.RootElement.GetProperty("baseline").GetString());
        var changes = document.RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => $"{c.GetProperty("change").GetString()} {c.GetProperty("party").GetString()}").ToList();
        Assert.Equal(["removed BLR", "added KAZ", "changed RUS"], changes);
    }

    [Fact]
    public void Text_report_has_a_section_of_the_changes()
    {
        var (exit, stdout, stderr) = InCase("check", "new", "history.events", "--baseline", "old.json");
        Assert.True(exit == 0, stderr);
        Baseline.Match(Path.Combine(Case, "expected.txt"), stdout);
        Assert.Contains("""
            Changes since old.json
              removed PACT.aid#1 BLR 2022-09-13 (aggressor=AZE, victim=ARM, ally=BLR): was violated
              added PACT.aid#1 KAZ 2022-09-13 (aggressor=AZE, victim=ARM, ally=KAZ): violated
              changed PACT.aid#2 RUS 2022-09-13 (aggressor=AZE, victim=ARM, ally=RUS): violated → fulfilled
            """.Replace("\r\n", "\n"), stdout.Replace("\r\n", "\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_like_its_baseline_changes_nothing()
    {
        using var document = JsonDocument.Parse(Json("check", "old", "history.events", "--baseline", "old.json"));
        Assert.Equal(0, document.RootElement.GetProperty("changes").GetArrayLength());
        var (exit, stdout, _) = InCase("check", "old", "history.events", "--baseline", "old.json");
        Assert.Equal(0, exit);
        Assert.Contains("\nNo instance changed since old.json.\n", stdout.Replace("\r\n", "\n"), StringComparison.Ordinal);
    }

    /// <summary>The contract's report had no schemaVersion, and a baseline need not carry ids: a removed instance is then named by its rule.</summary>
    [Fact]
    public void A_version_one_report_without_ids_is_a_baseline()
    {
        _cli.Write("rules/pact.treaty", File.ReadAllText(Path.Combine(Case, "new", "pact.treaty")));
        _cli.Write("seeds/history.events", File.ReadAllText(Path.Combine(Case, "history.events")));
        _cli.Write("v1.json", """
            { "asOf": "2022-12-31", "assumptions": [], "instances": [
              { "rule": "PACT.aid", "party": "BLR", "status": "violated", "triggeredOn": "2022-09-13", "bindings": { "aggressor": "AZE", "victim": "ARM", "ally": "BLR" } },
              { "rule": "PACT.aid", "party": "RUS", "status": "fulfilled", "triggeredOn": "2022-09-13", "bindings": { "ally": "RUS", "victim": "ARM", "aggressor": "AZE" } }
            ], "summary": [] }
            """);
        var (exit, stdout, stderr) = _cli.Run("check", "rules", "seeds", "--baseline", "v1.json");
        Assert.True(exit == 0, stderr);
        Assert.Contains("""
            Changes since v1.json
              removed PACT.aid BLR 2022-09-13 (aggressor=AZE, victim=ARM, ally=BLR): was violated
              added PACT.aid#1 KAZ 2022-09-13 (aggressor=AZE, victim=ARM, ally=KAZ): violated

            """.Replace("\r\n", "\n"), stdout.Replace("\r\n", "\n"), StringComparison.Ordinal);
        // Regression: the Markdown and HTML named such an instance "` (baseline)`", with neither rule nor id.
        var (_, markdown, _) = _cli.Run("report", "rules", "seeds", "--baseline", "v1.json");
        Assert.Contains("| removed | `PACT.aid (baseline)` | BLR | 2022-09-13 |", markdown, StringComparison.Ordinal);
        var (_, html, _) = _cli.Run("report", "rules", "seeds", "--baseline", "v1.json", "--format", "html");
        Assert.Contains("<td><code>PACT.aid (baseline)</code></td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_baseline_name_is_an_error_not_a_crash()
    {
        // Regression: --baseline "" ended in "internal error: ArgumentException" and exit 3.
        _cli.Write("rules/pact.treaty", File.ReadAllText(Path.Combine(Case, "new", "pact.treaty")));
        _cli.Write("seeds/history.events", File.ReadAllText(Path.Combine(Case, "history.events")));
        var (exit, stdout, stderr) = _cli.Run("check", "rules", "seeds", "--baseline", "");
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Equal("alliance: error AR9028: --baseline '': is not a file name; give the JSON file an earlier run wrote", stderr.Trim());
    }

    [Fact]
    public void A_baseline_name_with_a_bar_is_code_without_a_backslash_outside_a_table()
    {
        // Regression: "differ from `a\|b.json`": a backslash escape does nothing in a code span outside a table row, so it showed.
        _cli.Write("rules/pact.treaty", File.ReadAllText(Path.Combine(Case, "new", "pact.treaty")));
        _cli.Write("seeds/history.events", File.ReadAllText(Path.Combine(Case, "history.events")));
        File.Copy(Path.Combine(Case, "old.json"), Path.Combine(_cli.Directory, "a|b.json"));
        var (exit, markdown, stderr) = _cli.Run("report", "rules", "seeds", "--baseline", "a|b.json");
        Assert.True(exit == 0, stderr);
        Assert.Contains("## Changes since a\\|b.json\n\n3 instances differ from `a|b.json`: 1 changed, 1 added, 1 removed.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_rejects_a_change_that_contradicts_its_kind()
    {
        var json = File.ReadAllText(Path.Combine(Case, "expected.json"));
        Schemas.AssertConforms(Schemas.Report, json);
        Assert.NotEmpty(Schemas.Problems(Schemas.Report, json.Replace("\"was\": null", "\"was\": \"pending\"")));
        Assert.NotEmpty(Schemas.Problems(Schemas.Report, json.Replace("\"change\": \"removed\"", "\"change\": \"moved\"")));
    }

    /// <summary>The baseline is read before the output is written, so a job can compare with the file it then replaces.</summary>
    [Fact]
    public void The_baseline_may_be_the_file_the_run_replaces()
    {
        var rules = _cli.Write("rules/pact.treaty", File.ReadAllText(Path.Combine(Case, "new", "pact.treaty")));
        var history = _cli.Write("seeds/history.events", File.ReadAllText(Path.Combine(Case, "history.events")));
        _cli.Write("last.json", File.ReadAllText(Path.Combine(Case, "old.json")));
        Assert.Equal(0, _cli.Run("check", rules, history, "--baseline", "last.json", "--format", "json", "-o", "last.json").Exit);
        using (var first = JsonDocument.Parse(File.ReadAllText(Path.Combine(_cli.Directory, "last.json")))) Assert.Equal(3, first.RootElement.GetProperty("changes").GetArrayLength());
        Assert.Equal(0, _cli.Run("check", rules, history, "--baseline", "last.json", "--format", "json", "-o", "last.json").Exit);
        using var second = JsonDocument.Parse(File.ReadAllText(Path.Combine(_cli.Directory, "last.json")));
        Assert.Equal(0, second.RootElement.GetProperty("changes").GetArrayLength());
    }

    [Fact]
    public void Without_a_baseline_there_are_no_changes()
    {
        using var document = JsonDocument.Parse(Json("check", "new", "history.events"));
        Assert.False(document.RootElement.TryGetProperty("changes", out _));
        Assert.False(document.RootElement.TryGetProperty("baseline", out _));
    }

    [Fact]
    public void A_baseline_is_compared_with_the_main_evaluation_of_a_sweep()
    {
        using var document = JsonDocument.Parse(Json("check", "new", "history.events", "--baseline", "old.json", "--sweep", "prompt=P5D,P10D"));
        Assert.Equal(3, document.RootElement.GetProperty("changes").GetArrayLength());
    }

    [Fact]
    public void Markdown_report_has_a_section_of_the_changes_after_its_summary()
    {
        var (exit, stdout, stderr) = InCase("report", "new", "history.events", "--baseline", "old.json");
        Assert.True(exit == 0, stderr);
        Baseline.Match(Path.Combine(Case, "expected.md"), stdout);
        var headings = System.Text.RegularExpressions.Regex.Matches(stdout, "^## (.*)$", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Summary", "Changes since old.json", "Contents"], headings.Take(3));
        Assert.Contains("| changed | `PACT.aid#2` | RUS | 2022-09-13 | `aggressor=AZE,victim=ARM,ally=RUS` | ❌ violated | ✅ fulfilled |", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_report_has_a_table_of_the_changes()
    {
        var (exit, stdout, stderr) = InCase("report", "new", "history.events", "--baseline", "old.json", "--format", "html");
        Assert.True(exit == 0, stderr);
        var page = System.Xml.Linq.XDocument.Parse(stdout.Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal));
        System.Xml.Linq.XNamespace x = "http://www.w3.org/1999/xhtml";
        var heading = page.Descendants(x + "h2").Single(h => (string?)h.Attribute("id") == "changes");
        Assert.Equal("Changes since old.json", heading.Value);
        var rows = heading.ElementsAfterSelf(x + "div").First().Descendants(x + "tbody").Single().Elements(x + "tr")
            .Select(r => string.Join(" ", r.Elements(x + "td").Select(td => td.Value))).ToList();
        Assert.Equal(
        [
            "removed PACT.aid#1 (baseline) BLR 2022-09-13 aggressor=AZE,victim=ARM,ally=BLR violated —",
            "added PACT.aid#1 KAZ 2022-09-13 aggressor=AZE,victim=ARM,ally=KAZ — violated",
            "changed PACT.aid#2 RUS 2022-09-13 aggressor=AZE,victim=ARM,ally=RUS violated fulfilled",
        ], rows);
    }

    public static TheoryData<string, string, string> BadBaselines() => new()
    {
        { "missing", "", "alliance: error AR9028: --baseline 'missing.json': does not exist" },
        { "not-json", "{\n  \"instances\": [ oops ]\n}\n", "bad.json:2:18: error AR9028: --baseline: it is not valid JSON: 'o' is an invalid start of a value; give a report written by 'alliance check --format json'" },
        { "array", "[1, 2]\n", "bad.json:1:1: error AR9028: --baseline: it is not a JSON report: a report is an object, '{ \"schemaVersion\": ..., \"instances\": [...] }'; give a report written by 'alliance check --format json'" },
        { "no-instances", "{ \"schemaVersion\": \"2.4.0\" }\n", "bad.json:1:1: error AR9028: --baseline: it has no 'instances' array, so it is not a JSON report; give a report written by 'alliance check --format json'" },
        { "no-status", "{ \"instances\": [\n  { \"rule\": \"PACT.aid\", \"party\": \"RUS\", \"triggeredOn\": \"2022-09-13\", \"bindings\": {} }\n] }\n", "bad.json:2:3: error AR9028: --baseline: instance 1 has no 'status'; give a report written by 'alliance check --format json'" },
        { "unknown-status", "{ \"instances\": [\n  { \"rule\": \"PACT.aid\", \"party\": \"RUS\", \"triggeredOn\": \"2022-09-13\", \"bindings\": {}, \"status\": \"broken\" }\n] }\n", "bad.json:2:96: error AR9028: --baseline: 'status' \"broken\" of instance 1 is not a status: 'fulfilled', 'violated', 'pending', 'discharged', 'excused' or 'indeterminate'; give a report written by 'alliance check --format json'" },
        { "bad-date", "{ \"instances\": [\n  { \"rule\": \"PACT.aid\", \"party\": \"RUS\", \"triggeredOn\": \"2022-02-30\", \"bindings\": {}, \"status\": \"violated\" }\n] }\n", "bad.json:2:56: error AR9028: --baseline: 'triggeredOn' \"2022-02-30\" of instance 1 is not a date: February 2022 has 28 days; give a report written by 'alliance check --format json'" },
        { "future-version", "{ \"schemaVersion\": \"3.0.0\", \"instances\": [] }\n", "bad.json:1:20: error AR9028: --baseline: the report is of schema 3.0.0, a later major version than this release reads (2.x); give a report written by 'alliance check --format json'" },
        { "trailing", "{ \"instances\": [] }\n{}\n", "bad.json:2:1: error AR9028: --baseline: it is not valid JSON: '{' is invalid after a single JSON value. Expected end of data; give a report written by 'alliance check --format json'" },
    };

    [Theory]
    [MemberData(nameof(BadBaselines))]
    public void A_bad_baseline_is_located_and_nothing_is_written(string name, string contents, string expected)
    {
        var rules = _cli.Write("rules/pact.treaty", File.ReadAllText(Path.Combine(Case, "new", "pact.treaty")));
        var history = _cli.Write("seeds/history.events", File.ReadAllText(Path.Combine(Case, "history.events")));
        var output = _cli.Write("out.json", "keep me\n");
        var baseline = name == "missing" ? "missing.json" : "bad.json";
        if (name != "missing") _cli.Write(baseline, contents);
        foreach (var command in new[] { "check", "report" })
        {
            var (exit, stdout, stderr) = _cli.Run(command, rules, history, "--baseline", baseline, "-o", output);
            Assert.Equal(2, exit);
            Assert.Equal(string.Empty, stdout);
            Assert.StartsWith(expected, stderr.Replace("\r\n", "\n"), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            Assert.Equal("keep me\n", File.ReadAllText(output));
        }
    }

    /// <summary>The CI job of reports.md ("What changed"): its <c>alliance</c> commands, in order, on a copy of the bundled rules and seeds.</summary>
    [Fact]
    public void The_ci_example_of_the_reports_page_runs()
    {
        var page = File.ReadAllText(Repo.Path("docs", "reports.md")).Replace("\r\n", "\n");
        var section = page[page.IndexOf("## What changed: `--baseline`", StringComparison.Ordinal)..];
        var yaml = section[section.IndexOf("```yaml\n", StringComparison.Ordinal)..];
        yaml = yaml[..yaml.IndexOf("\n```", 8, StringComparison.Ordinal)];
        var commands = yaml.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("- run: alliance ", StringComparison.Ordinal)).Select(l => l["- run: alliance ".Length..]).ToList();
        Assert.Equal(2, commands.Count);
        foreach (var folder in new[] { "rules", "seeds" })
        {
            foreach (var file in Directory.GetFiles(Repo.Path(folder))) _cli.Write(Path.Combine(folder, Path.GetFileName(file)), File.ReadAllText(file));
        }
        foreach (var command in commands)
        {
            var (exit, _, stderr) = _cli.Run(command.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.True(exit == 0, $"alliance {command}\n{stderr}");
        }
        Assert.True(File.Exists(Path.Combine(_cli.Directory, "report.md")));
    }

    /// <summary>
    /// Regression: two wars that open on one day give each ally two instances that differ only in
    /// the trigger's <c>war</c>, which the rule reads; the comparison paired them in report order,
    /// so removing one war "changed" the other's instances instead of removing the first's.
    /// </summary>
    [Fact]
    public void Instances_of_two_wars_on_one_day_pair_by_the_trigger_attributes_the_rule_reads()
    {
        _cli.Write("war.treaty", """
            vocabulary {
              verb attack "uses armed force against"
              verb assist "joins a war on the side of"
              verb endwar "ends the war with"
            }
            treaty PACT "A defence pact of 1850 (illustrative)" {
              members {
                AUH 1850-01-01 ..
                BAV 1850-01-01 ..
                HAN 1850-01-01 ..
                SAX 1850-01-01 ..
              }
              rule defense "Defence of a member attacked, for as long as the war lasts" {
                kind defense
                when $a attack $v where $v is member and not ($a is member)
                then each member $ally except $v must assist $v [war=@war] before _ endwar _ [war=@war]
              }
            }
            """);
        string[] both = ["as of 1870-12-31", "1866-06-15 PRU attack AUH war=55", "1866-06-15 PRU attack AUH war=56", "1866-06-20 HAN assist AUH war=56", "1866-07-26 PRU endwar AUH war=55", "1866-07-26 PRU endwar AUH war=56"];
        _cli.Write("w1.events", string.Join("\n", both) + "\n");
        _cli.Write("w2.events", string.Join("\n", both.Where(l => !l.Contains("war=55", StringComparison.Ordinal))) + "\n");
        Assert.Equal(0, _cli.Run("check", "war.treaty", "w1.events", "-q", "--format", "json", "-o", "w1.json").Exit);

        var (exit, stdout, stderr) = _cli.Run("check", "war.treaty", "w2.events", "-q", "--baseline", "w1.json");
        Assert.True(exit == 0, stderr);
        var text = stdout.Replace("\r\n", "\n");
        var section = text[text.IndexOf("Changes since w1.json", StringComparison.Ordinal)..];
        var lines = section.Split('\n').Skip(1).TakeWhile(l => l.Length > 0).Select(l => l.Trim().Split(' ')).ToList();
        Assert.Equal(["removed BAV", "removed HAN", "removed SAX"], lines.Select(words => $"{words[0]} {words[2]}"));
        Assert.DoesNotContain("changed", section, StringComparison.Ordinal);

        // The baseline's own instances, by war: the removed ones are war 55's, whatever their order in the report.
        using var w1 = JsonDocument.Parse(File.ReadAllText(Path.Combine(_cli.Directory, "w1.json")));
        var war55 = w1.RootElement.GetProperty("instances").EnumerateArray()
            .Where(i => i.GetProperty("triggers")[0].GetProperty("attrs").GetProperty("war").GetString() == "55")
            .Select(i => i.GetProperty("id").GetString()).Order(StringComparer.Ordinal).ToList();
        var (_, json, _) = _cli.Run("check", "war.treaty", "w2.events", "-q", "--baseline", "w1.json", "--format", "json");
        using var changes = JsonDocument.Parse(json);
        var removed = changes.RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => $"{c.GetProperty("change").GetString()} {c.GetProperty("baselineId").GetString()}").Order(StringComparer.Ordinal);
        Assert.Equal(war55.Select(id => $"removed {id}"), removed);
    }

    [Fact]
    public void A_baseline_has_no_place_in_the_csv_report()
    {
        var (exit, _, stderr) = InCase("check", "new", "history.events", "--baseline", "old.json", "--format", "csv");
        Assert.Equal(2, exit);
        Assert.StartsWith("alliance: error AR9019: --format csv cannot be combined with --baseline: ", stderr, StringComparison.Ordinal);
    }
}
