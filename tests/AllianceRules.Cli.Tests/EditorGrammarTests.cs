using System.Diagnostics;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// The VS Code extension's TextMate grammars, run as VS Code runs them (vscode-textmate with
/// vscode-oniguruma, under Node) over the repository's own files: editors/vscode/test/tokenize.mjs
/// checks the scopes of keywords, codes, variables, dates, periods, strings and comments. Node and the
/// packages are installed when missing (<see cref="Prerequisites"/>).
/// </summary>
public sealed class EditorGrammarTests
{
    [Fact]
    public async Task The_grammars_give_the_intended_scopes()
    {
        await Prerequisites.NodePackagesAsync();
        var folder = Prerequisites.GrammarTestFolder;
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("tokenize.mjs");
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        var output = await stdout + await stderr;
        Assert.True(node.ExitCode == 0, output);
        Assert.Matches(@"^(\d+) of \1 scope checks passed", (await stdout).Split('\n').Last(l => l.Length > 0));
    }
}
