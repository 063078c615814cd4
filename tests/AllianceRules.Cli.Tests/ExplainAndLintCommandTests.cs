using System.Text.Json;
using System.Text.RegularExpressions;

namespace AllianceRules.Cli.Tests;

/// <summary>explain and lint on the contract's example: their steps, their JSON and their exit statuses.</summary>
[Collection("cli")]
public sealed partial class ExplainAndLintCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [GeneratedRegex(@"^\s+at ", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    private void CopyContract() => _cli.CopyContract();

    [Fact]
    public void Explain_prints_the_numbered_steps_of_one_instance()
    {
        CopyContract();
        var (exit, stdout, stderr) = _cli.Run("explain", "rules", "seeds", "--instance", "CST.art4-request#1");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        Assert.StartsWith("CST.art4-request#1: RUS violated", stdout);
        foreach (var step in new[] { "1. The trigger", "2. The rule in force on 2022-09-13", "3. The conditions", "4. The obligated parties", "5. The window", "6. The events examined", "7. The verdict" })
        {
            Assert.Contains(step, stdout);
        }
        Assert.Contains("seeds/armenia-2022.events:", stdout);
    }

    [Fact]
    public void Explain_as_json_is_the_same_trace_as_data()
    {
        CopyContract();
        var (exit, stdout, _) = _cli.Run("explain", "rules", "seeds", "--rule", "CST.art4-request", "--party", "RUS", "--format", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var x = Assert.Single(json.RootElement.GetProperty("explanations").EnumerateArray());
        Assert.Equal("violated", x.GetProperty("status").GetString());
        Assert.Equal("CST.prompt", x.GetProperty("window").GetProperty("assumption").GetString());
        Assert.Contains(x.GetProperty("parties").EnumerateArray(), p => p.GetProperty("party").GetString() == "ARM" && p.GetProperty("verdict").GetString() == "excepted");
    }

    [Theory]
    [InlineData(new[] { "--rule", "CST.art4-request" }, "AR9011")]
    [InlineData(new[] { "--instance", "CST.art4-request#1", "--party", "RUS" }, "AR9011")]
    [InlineData(new[] { "--instance", "CST.art4-request" }, "AR9011")]
    [InlineData(new[] { "--rule", "CST.art4-request", "--party", "RUS", "--on", "2022-02-30" }, "AR9011")]
    [InlineData(new[] { "--rule", "CST.art4-request", "--party", "UZB" }, "AR9014")]
    [InlineData(new[] { "--instance", "CST.art4-request#9" }, "AR9014")]
    public void Explain_without_one_instance_to_explain_gives_exit_2(string[] selection, string code)
    {
        CopyContract();
        var (exit, stdout, stderr) = _cli.Run(["explain", "rules", "seeds", .. selection]);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith($"alliance: error {code}: ", stderr);
        Assert.DoesNotMatch(StackFrame(), stderr);
    }

    [Fact]
    public void Check_explain_cites_the_article_and_the_lines_behind_each_verdict()
    {
        CopyContract();
        var (exit, stdout, _) = _cli.Run("check", "rules", "seeds", "--explain");
        Assert.Equal(0, exit);
        Assert.Contains("under CST.art4-request, which cites no article; triggered by seeds/armenia-2022.events:4", stdout);
        Assert.DoesNotContain("triggered by", _cli.Run("check", "rules", "seeds").Out);
    }

    [Fact]
    public void Check_prints_lint_warnings_without_failing_and_the_config_can_silence_them()
    {
        CopyContract();
        var (exit, _, stderr) = _cli.Run("check", "rules", "seeds");
        Assert.Equal(0, exit);
        Assert.Contains("rules/cst.treaty:31:8: warning AR6003: ", stderr);
        _cli.Write(".alliance-lint", "AR6003 = off\n");
        (exit, _, stderr) = _cli.Run("check", "rules", "seeds");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("AR6003", stderr);
    }

    [Fact]
    public void Lint_exit_codes_follow_the_levels_and_werror()
    {
        CopyContract();
        var (exit, stdout, _) = _cli.Run("lint", "rules", "seeds");
        Assert.Equal(0, exit);
        Assert.Contains("warning AR6003", stdout);
        Assert.Contains("info AR6015", stdout);
        Assert.EndsWith("4 warnings, 0 errors, 1 info.\n", stdout.Replace("\r\n", "\n"));
        Assert.Equal(1, _cli.Run("lint", "rules", "seeds", "--werror").Exit);

        _cli.Write("lint.conf", "# cites are optional here\nAR6003 = error\n");
        (exit, stdout, _) = _cli.Run("lint", "rules", "seeds", "--config", "lint.conf");
        Assert.Equal(1, exit);
        Assert.Contains("error AR6003", stdout);

        _cli.Write("lint.conf", "AR6003 = off\n");
        (exit, stdout, _) = _cli.Run("lint", "rules", "seeds", "--config", "lint.conf", "--werror");
        // Information (AR6015) is printed but never fails, even with --werror.
        Assert.Equal(0, exit);
        Assert.EndsWith("0 warnings, 0 errors, 1 info.\n", stdout.Replace("\r\n", "\n"));

        _cli.Write("lint.conf", "AR6003 = off\nAR6015 = warning\n");
        Assert.Equal(1, _cli.Run("lint", "rules", "seeds", "--config", "lint.conf", "--werror").Exit);
    }

    [Fact]
    public void Check_prints_lint_warnings_but_not_information()
    {
        CopyContract();
        var (exit, _, stderr) = _cli.Run("check", "rules", "seeds");
        Assert.Equal(0, exit);
        Assert.Contains("AR6003", stderr);
        Assert.DoesNotContain("AR6015", stderr);
    }

    [Fact]
    public void A_malformed_lint_configuration_is_a_located_error()
    {
        CopyContract();
        _cli.Write(".alliance-lint", "AR6005 = of\n");
        var (exit, _, stderr) = _cli.Run("lint", "rules", "seeds");
        Assert.Equal(2, exit);
        Assert.StartsWith(".alliance-lint:1:1: error AR6010: lint configuration: 'of' is not a level; use off, info, warning or error; did you mean 'off'?", stderr);
    }
}
