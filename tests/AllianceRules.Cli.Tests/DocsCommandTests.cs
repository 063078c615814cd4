using System.Text.RegularExpressions;
using AllianceRules.Tests.Support;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// Every <c>$ alliance ...</c> block of docs/reports.md is run from the repository root, and what
/// the block shows under the command must appear in its output exactly (a block may be an excerpt).
/// </summary>
[Collection("cli")]
public sealed partial class DocsCommandTests
{
    [GeneratedRegex(@"^```text\n\$ alliance (?<args>[^\n]*)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CommandBlock();

    public static TheoryData<string> Commands() =>
        [.. CommandBlock().Matches(Page()).Select(m => m.Groups["args"].Value)];

    private static string Page() => File.ReadAllText(Repo.Path("docs", "reports.md")).Replace("\r\n", "\n");

    [Fact]
    public void The_page_has_its_commands()
    {
        Assert.True(Commands().Count >= 4, "docs/reports.md lost its '$ alliance' blocks, or the extraction broke.");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_prints_what_the_page_shows(string args)
    {
        var block = CommandBlock().Matches(Page()).First(m => m.Groups["args"].Value == args);
        var shown = block.Groups["body"].Value.TrimEnd('\n');
        Assert.False(string.IsNullOrWhiteSpace(shown), $"The block for 'alliance {args}' shows no output.");

        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Repo.Root;
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = AllianceProgram.Run(args.Split(' ', StringSplitOptions.RemoveEmptyEntries), stdout, stderr);
            Assert.True(exit == 0, stderr.ToString());
            Assert.True(stdout.ToString().Replace("\r\n", "\n").Contains(shown, StringComparison.Ordinal),
                $"docs/reports.md shows, for 'alliance {args}':\n{shown}\n\nbut the command prints:\n{stdout}");
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }
}
