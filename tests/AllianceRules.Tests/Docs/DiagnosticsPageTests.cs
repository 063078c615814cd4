using System.Text.RegularExpressions;
using AllianceRules.Tests.Support;

namespace AllianceRules.Tests.Docs;

/// <summary>
/// docs/diagnostics.md shows golden cases of Cases/diagnostics. Every block introduced by
/// "`alliance check NAME.treaty ...` prints, and exits with status 2:" must be the case's
/// NAME.diagnostics, byte for byte; every block introduced by "`NAME.ext` (excerpt):" must be a
/// contiguous part of that case file, and one introduced by "`NAME.ext`:" the whole file. Every
/// case the page names must exist, and every case must be named.
/// </summary>
public sealed partial class DiagnosticsPageTests
{
    private static readonly string PagePath = Repo.Path("docs", "diagnostics.md");
    private static readonly string CasesFolder = Repo.Path("tests", "AllianceRules.Tests", "Cases", "diagnostics");
    private static readonly string[] CaseExtensions = [".treaty", ".events", ".jsonl", ".csv", ".tsv", ".tab"];

    /// <summary>The one phrase the page uses to introduce printed output.</summary>
    private const string PrintsPhrase = "` prints, and exits with status 2:";

    [GeneratedRegex(@"^`alliance check (?<args>[^`\n]+)` prints, and exits with status 2:\n\n```\n(?<body>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex PrintedBlock();

    [GeneratedRegex(@"^`(?<file>[a-z0-9-]+\.(?:treaty|events|jsonl|csv|tsv|tab))`(?<excerpt> \(excerpt\))?:\n\n```\n(?<body>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FileBlock();

    /// <summary>A line that introduces something about a case file, however it is worded.</summary>
    [GeneratedRegex(@"^`[a-z0-9-]+\.(?:treaty|events|jsonl|csv|tsv|tab)`[^`\n]*:$", RegexOptions.Multiline)]
    private static partial Regex FileLabel();

    [GeneratedRegex(@"`(?<name>(?:ar[0-9]{4}|recovery)-[a-z0-9-]+?)(?:\.(?:treaty|events|jsonl|csv|tsv|tab|diagnostics))?`")]
    private static partial Regex CaseMention();

    private static string Page() => File.ReadAllText(PagePath).Replace("\r\n", "\n");

    private static string ReadCaseFile(string fileName) => File.ReadAllText(Path.Combine(CasesFolder, fileName)).Replace("\r\n", "\n");

    private sealed record Printed(string Name, string[] Args, string Body);

    private static IEnumerable<Printed> PrintedBlocks() =>
        PrintedBlock().Matches(Page()).Select(m =>
        {
            var args = m.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return new Printed(Path.GetFileNameWithoutExtension(args[0]), args, m.Groups["body"].Value);
        });

    private sealed record Shown(string File, bool IsExcerpt, string Body);

    private static IEnumerable<Shown> FileBlocks() =>
        FileBlock().Matches(Page()).Select(m => new Shown(m.Groups["file"].Value, m.Groups["excerpt"].Success, m.Groups["body"].Value));

    public static TheoryData<string> PrintedCases() => [.. PrintedBlocks().Select(p => p.Name).Distinct()];

    public static TheoryData<string> ShownFiles() => [.. FileBlocks().Select(s => s.File).Distinct()];

    [Fact]
    public void Every_printed_output_uses_the_one_phrase_and_is_followed_by_a_block()
    {
        var lines = Page().Split('\n');
        var introductions = lines.Where(l => l.StartsWith("`alliance check ", StringComparison.Ordinal)).ToList();
        var badPhrase = introductions.Where(l => !l.EndsWith(PrintsPhrase, StringComparison.Ordinal)).ToList();
        Assert.True(badPhrase.Count == 0, "Write these as \"`alliance check ...` prints, and exits with status 2:\":\n" + string.Join("\n", badPhrase));
        var loose = lines.Where(l => l.Contains("prints", StringComparison.Ordinal) && l.Contains("status 2", StringComparison.Ordinal) && !introductions.Contains(l)).ToList();
        Assert.True(loose.Count == 0, "Output introduced in another way: " + string.Join("\n", loose));
        Assert.True(introductions.Count >= 40, $"Only {introductions.Count} printed examples found in {PagePath}; is the extraction broken?");
        Assert.Equal(introductions.Count, PrintedBlocks().Count());
    }

    /// <summary>In update mode the page's printed blocks are rewritten from the cases themselves, once per run.</summary>
    private static readonly Lazy<bool> Synced = new(() =>
    {
        if (!Baseline.Updating) return false;
        var page = PrintedBlock().Replace(Page(), m =>
        {
            var name = Path.GetFileNameWithoutExtension(m.Groups["args"].Value.Split(' ')[0]);
            var files = CaseExtensions.Select(ext => Path.Combine(CasesFolder, name + ext)).Where(File.Exists).Select(f => (f, Path.GetFileName(f)));
            var output = CaseRunner.Render(CaseRunner.Run(files));
            var body = m.Groups["body"];
            return m.Value[..(body.Index - m.Index)] + output + m.Value[(body.Index - m.Index + body.Length)..];
        });
        File.WriteAllText(PagePath, page);
        return true;
    });

    [Theory]
    [MemberData(nameof(PrintedCases))]
    public void Printed_output_is_the_case_baseline(string name)
    {
        if (Synced.Value) return; // update mode: the baselines themselves are being rewritten in this run
        foreach (var printed in PrintedBlocks().Where(p => p.Name == name))
        {
            var caseFiles = CaseExtensions.Select(ext => name + ext).Where(f => File.Exists(Path.Combine(CasesFolder, f))).ToList();
            Assert.True(caseFiles.Contains(name + ".treaty"), $"The page runs '{printed.Args[0]}', which is not a case of Cases/diagnostics.");
            Assert.Equal(caseFiles.Order(StringComparer.Ordinal), printed.Args.Order(StringComparer.Ordinal));

            var expectedPath = Path.Combine(CasesFolder, name + ".diagnostics");
            Assert.True(File.Exists(expectedPath), $"Case '{name}' has no .diagnostics baseline.");
            var expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n");
            if (printed.Body != expected)
            {
                Assert.Fail($"""
                    docs/diagnostics.md shows other output for '{name}' than its baseline {name}.diagnostics.
                    Page:
                    {printed.Body}
                    Baseline:
                    {expected}
                    """);
            }
        }
    }

    [Fact]
    public void Every_case_file_label_is_followed_by_its_block()
    {
        var labels = FileLabel().Matches(Page()).Select(m => m.Value).ToList();
        var bad = labels.Where(l => !Regex.IsMatch(l, @"^`[a-z0-9-]+\.(?:treaty|events|jsonl|csv|tsv|tab)`(?: \(excerpt\))?:$")).ToList();
        Assert.True(bad.Count == 0, "Label a case file as \"`NAME.ext`:\" (the whole file) or \"`NAME.ext` (excerpt):\":\n" + string.Join("\n", bad));
        Assert.True(labels.Count >= 40, $"Only {labels.Count} case files shown in {PagePath}; is the extraction broken?");
        Assert.Equal(labels.Count, FileBlocks().Count());
    }

    [Theory]
    [MemberData(nameof(ShownFiles))]
    public void Shown_file_is_a_contiguous_part_of_the_case_file(string file)
    {
        var path = Path.Combine(CasesFolder, file);
        Assert.True(File.Exists(path), $"docs/diagnostics.md shows '{file}', which is not a file of Cases/diagnostics.");
        var content = ReadCaseFile(file);
        foreach (var shown in FileBlocks().Where(s => s.File == file))
        {
            if (shown.IsExcerpt)
            {
                var excerpt = shown.Body.EndsWith('\n') ? shown.Body[..^1] : shown.Body;
                Assert.False(string.IsNullOrWhiteSpace(excerpt), $"The excerpt of '{file}' is empty.");
                Assert.True(content.Contains(excerpt, StringComparison.Ordinal), $"""
                    The excerpt of '{file}' in docs/diagnostics.md is not a contiguous part of the file.
                    Excerpt:
                    {excerpt}
                    """);
            }
            else
            {
                Assert.Equal(content, shown.Body);
            }
        }
    }

    [Fact]
    public void Every_case_named_on_the_page_exists_and_every_case_is_named()
    {
        var cases = Directory.GetFiles(CasesFolder, "*.treaty").Select(Path.GetFileNameWithoutExtension).Cast<string>().ToHashSet(StringComparer.Ordinal);
        var named = CaseMention().Matches(Page()).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        Assert.True(cases.Count > 0, $"No cases found in {CasesFolder}.");
        // Lint warnings (AR6xxx) have their cases in Cases/lint, each with its printed findings beside it.
        var lintFolder = Repo.Path("tests", "AllianceRules.Tests", "Cases", "lint");
        var lintCases = Directory.GetFiles(lintFolder, "*.treaty").Select(Path.GetFileNameWithoutExtension).Cast<string>().ToList();
        foreach (var lint in lintCases.Where(named.Contains))
        {
            foreach (var block in Regex.Matches(Page(), $@"^`{lint}` gives, among its findings:\n\n```\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline).Select(m => m.Groups["body"].Value))
            {
                Assert.Contains(block, File.ReadAllText(Path.Combine(lintFolder, lint + ".lint")).Replace("\r\n", "\n"));
            }
        }
        cases.UnionWith(lintCases);
        var missing = named.Except(cases).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "docs/diagnostics.md names cases that do not exist: " + string.Join(", ", missing));
        var unnamed = cases.Except(named).Order(StringComparer.Ordinal).ToList();
        Assert.True(unnamed.Count == 0, "docs/diagnostics.md does not name these cases (show them, or list them under 'More cases'): " + string.Join(", ", unnamed));
    }
}
