using System.Text.RegularExpressions;
using AllianceRules.Diagnostics;
using AllianceRules.Tests.Support;
using AllianceRules.Text;

namespace AllianceRules.Tests.Docs;

/// <summary>
/// Every example of the documentation runs: fenced blocks tagged <c>example=NAME</c> (kinds
/// <c>treaty</c>, <c>events</c>, <c>jsonl</c>, <c>csv</c>, <c>args</c>) are checked together, and the
/// <c>expect</c> block of the same name is the outcome: instance lines, or error headers.
/// </summary>
public sealed partial class DocExampleTests
{
    private static readonly string[] Documents = ["docs/language.md", "README.md"];

    [GeneratedRegex(@"^```(?<kind>[a-z]+)(?: example=(?<name>[a-z0-9-]+))?[ \t]*\n(?<body>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    private sealed record Block(string Document, string Kind, string? Name, string Body);

    private static IEnumerable<Block> Blocks() =>
        Documents.Where(d => File.Exists(Repo.Path(d))).SelectMany(d =>
            FencedBlock().Matches(File.ReadAllText(Repo.Path(d)).Replace("\r\n", "\n")).Select(m =>
                new Block(d, m.Groups["kind"].Value, m.Groups["name"].Success ? m.Groups["name"].Value : null, m.Groups["body"].Value)));

    private static List<string> ExampleNames() =>
        [.. Blocks().Where(b => b.Name is not null).Select(b => $"{b.Document}#{b.Name}").Distinct()];

    public static TheoryData<string> Examples() => [.. ExampleNames()];

    [Fact]
    public void The_documentation_has_examples_and_every_rule_file_snippet_is_one()
    {
        Assert.True(Blocks().Where(b => b.Name is not null).Select(b => b.Name).Distinct().Count() >= 8, "docs/language.md should carry its runnable examples");
        var untagged = Blocks().Where(b => b.Kind is "treaty" or "events" or "jsonl" or "csv" && b.Name is null).ToList();
        Assert.True(untagged.Count == 0, "Untested snippets (tag them example=NAME): " + string.Join("; ", untagged.Select(b => $"{b.Document} {b.Kind}: {b.Body[..Math.Min(60, b.Body.Length)]}")));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_runs_as_documented(string example)
    {
        var blocks = BlocksOf(example);
        var expect = blocks.SingleOrDefault(b => b.Kind == "expect") ?? throw new InvalidOperationException($"{example} has no expect block");
        var expected = expect.Body.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        var outcome = Run(example);
        var actual = outcome.Report is { } report
            ? CaseRunner.Summaries(report).ToList()
            : outcome.Diagnostics.Select(d => DiagnosticFormatter.Format(d).Split('\n')[0]).ToList();
        Assert.Equal(expected, actual);
    }

    private static List<Block> BlocksOf(string example)
    {
        var (document, name) = (example.Split('#')[0], example.Split('#')[1]);
        return Blocks().Where(b => b.Document == document && b.Name == name).ToList();
    }

    private static AllianceRules.Checking.CheckOutcome Run(string example)
    {
        var blocks = BlocksOf(example);
        var sources = new List<SourceFile>();
        foreach (var kind in new[] { "treaty", "events", "jsonl", "csv" })
        {
            var text = string.Concat(blocks.Where(b => b.Kind == kind).Select(b => b.Body));
            if (text.Length > 0) sources.Add(new SourceFile($"example.{kind}", text));
        }
        var args = blocks.FirstOrDefault(b => b.Kind == "args");
        var options = CaseRunner.ReadOptions(args is null ? null : WriteTemp(args.Body));
        return CaseRunner.Check(sources, options);
    }

    [GeneratedRegex(@"^\| [a-z ()`]+ \| `(?<reason>[^`]+)` \|$", RegexOptions.Multiline)]
    private static partial Regex ReasonRow();

    [Fact]
    public void Every_reason_in_the_reference_table_is_printed_by_an_example()
    {
        var page = File.ReadAllText(Repo.Path("docs", "language.md")).Replace("\r\n", "\n");
        var table = ReasonRow().Matches(page).Select(m => m.Groups["reason"].Value).ToList();
        Assert.True(table.Count >= 9, "the reason table of docs/language.md §7 was not found");
        var printed = ExampleNames()
            .Where(e => e.StartsWith("docs/language.md#", StringComparison.Ordinal))
            .SelectMany(e => Run(e).Report?.Instances.Select(i => i.Reason) ?? [])
            .ToHashSet(StringComparer.Ordinal);
        Assert.All(table, reason => Assert.Contains(reason, printed));
    }

    private static string WriteTemp(string text)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, text);
        return path;
    }
}
