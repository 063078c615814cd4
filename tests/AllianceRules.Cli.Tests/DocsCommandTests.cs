using System.Text.RegularExpressions;
using AllianceRules.Tests.Support;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// Every <c>$ alliance ...</c> block of docs/reports.md, docs/tools.md and docs/teaching.md is run from the repository root, and what
/// the block shows under the command must appear in its output exactly (a block may be an excerpt).
/// </summary>
[Collection("cli")]
public sealed partial class DocsCommandTests
{
    [GeneratedRegex(@"^```text\n\$ alliance (?<args>[^\n]*)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CommandBlock();

    private static readonly string[] Pages = ["reports.md", "tools.md", "teaching.md"];

    public static TheoryData<string, string> Commands()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Pages)
        {
            foreach (Match m in CommandBlock().Matches(Page(page))) data.Add(page, m.Groups["args"].Value);
        }
        return data;
    }

    private static string Page(string name) => File.ReadAllText(Repo.Path("docs", name)).Replace("\r\n", "\n");

    [Fact]
    public void The_page_has_its_commands()
    {
        Assert.True(Commands().Count >= 5, "docs/reports.md or docs/tools.md lost their '$ alliance' blocks, or the extraction broke.");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_prints_what_the_page_shows(string page, string args)
    {
        var block = CommandBlock().Matches(Page(page)).First(m => m.Groups["args"].Value == args);
        var shown = block.Groups["body"].Value.TrimEnd('\n');
        Assert.False(string.IsNullOrWhiteSpace(shown), $"The block for 'alliance {args}' shows no output.");

        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Repo.Root;
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = AllianceProgram.Run(args.Split(' ', StringSplitOptions.RemoveEmptyEntries), stdout, stderr);
            Assert.True(exit is 0 or 1, stderr.ToString());
            Assert.True(stdout.ToString().Replace("\r\n", "\n").Contains(shown, StringComparison.Ordinal),
                $"docs/{page} shows, for 'alliance {args}':\n{shown}\n\nbut the command prints:\n{stdout}");
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }
}
