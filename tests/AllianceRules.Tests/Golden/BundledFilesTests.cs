using System.Text.RegularExpressions;
using AllianceRules.Tests.Support;

namespace AllianceRules.Tests.Golden;

/// <summary>The treaties in rules/ validate cleanly, and the histories in seeds/ evaluate against them.</summary>
public sealed partial class BundledFilesTests
{
    private static IEnumerable<(string, string)> FilesUnder(string folder, params string[] extensions) =>
        Directory.EnumerateFiles(Repo.Path(folder), "*", SearchOption.AllDirectories)
            .Where(p => extensions.Contains(Path.GetExtension(p)) && !Path.GetFileName(p).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(p => (p, Path.GetRelativePath(Repo.Root, p).Replace('\\', '/')));

    [Fact]
    public void Every_rule_file_validates_without_a_diagnostic()
    {
        var rules = FilesUnder("rules", ".treaty").ToList();
        Assert.NotEmpty(rules);
        var outcome = CaseRunner.Run(rules);
        Assert.True(outcome.Succeeded && outcome.Diagnostics.IsEmpty, CaseRunner.Render(outcome));
    }

    [Fact]
    public void Every_bundled_rule_cites_and_quotes_its_article()
    {
        var rules = AllianceRules.RuleSetLoader.Load(FilesUnder("rules", ".treaty").Select(f => new AllianceRules.Text.SourceFile(f.Item2, File.ReadAllText(f.Item1)))).Value!;
        Assert.All(rules.Treaties.SelectMany(t => t.Rules), r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Cites), $"{r.QualifiedId} has no 'cites'");
            Assert.False(string.IsNullOrWhiteSpace(r.Quote), $"{r.QualifiedId} has no 'quote'");
        });
    }

    [Fact]
    public void Every_line_of_a_bundled_history_carries_its_source()
    {
        foreach (var (path, display) in FilesUnder("seeds", ".events"))
        {
            var lines = File.ReadAllLines(path).Select((l, i) => (Text: l.Trim(), Line: i + 1))
                .Where(l => l.Text.Length > 0 && !l.Text.StartsWith('#') && !l.Text.StartsWith("as of", StringComparison.Ordinal)
                    // An 'observed' claim is argued, with its sources, in the file's header.
                    && !l.Text.StartsWith("observed", StringComparison.Ordinal));
            Assert.All(lines, l => Assert.True(l.Text.Contains("source=\"", StringComparison.Ordinal), $"{display}:{l.Line} has no source=\"...\""));
        }
    }

    [Fact]
    public void The_main_job_evaluates_the_seeds_against_the_rules()
    {
        var outcome = CaseRunner.Run(FilesUnder("rules", ".treaty").Concat(FilesUnder("seeds", ".events", ".jsonl")));
        Assert.True(outcome.Succeeded && outcome.Diagnostics.IsEmpty, CaseRunner.Render(outcome));
        Assert.NotEmpty(outcome.Report!.Instances);
        Assert.Contains(outcome.Report.Instances, i => i.Rule.QualifiedId == "CST.art4-2010" && i.Party == "RUS");
    }

    /// <summary>The main job's whole JSON report is a golden file (update mode rewrites it).</summary>
    [Fact]
    public void The_main_job_report_is_the_golden_one()
    {
        var outcome = CaseRunner.Run(FilesUnder("rules", ".treaty").Concat(FilesUnder("seeds", ".events", ".jsonl")));
        Assert.True(outcome.Succeeded, CaseRunner.Render(outcome));
        Baseline.Match(Repo.Path("tests", "AllianceRules.Tests", "Cases", "bundled", "expected.json"), CaseRunner.Render(outcome));
    }

    /// <summary>docs/cases.md and the README, which must state verdicts, and every case note that does.</summary>
    public static TheoryData<string> PagesWithVerdicts() =>
        [.. new[] { "docs/cases.md", "README.md" }.Concat(Directory.GetFiles(Repo.Path("docs", "cases"), "*.md")
            .Where(p => File.ReadAllText(p).Contains("```verdicts", StringComparison.Ordinal))
            .Select(p => "docs/cases/" + Path.GetFileName(p))
            .Order(StringComparer.Ordinal))];

    [GeneratedRegex(@"^```verdicts\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex VerdictBlock();

    /// <summary>Every verdict docs/cases.md, its notes and the README state (RULE PARTY TRIGGERED STATUS DECIDED) is one the main job reports.</summary>
    [Theory]
    [MemberData(nameof(PagesWithVerdicts))]
    public void Every_verdict_in_the_teaching_cases_is_reported(string document)
    {
        var page = File.ReadAllText(Repo.Path(document)).Replace("\r\n", "\n");
        var stated = VerdictBlock().Matches(page)
            .SelectMany(m => m.Groups["body"].Value.Split('\n'))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.NotEmpty(stated);
        var outcome = CaseRunner.Run(FilesUnder("rules", ".treaty").Concat(FilesUnder("seeds", ".events", ".jsonl")));
        var reported = CaseRunner.Summaries(outcome.Report!).ToHashSet(StringComparer.Ordinal);
        Assert.All(stated, line => Assert.Contains(line, reported));
    }
}
