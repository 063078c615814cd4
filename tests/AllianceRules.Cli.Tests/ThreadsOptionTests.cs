namespace AllianceRules.Cli.Tests;

/// <summary>
/// <c>--threads N</c> changes how the histories are read, never what is written: the bundled rules
/// and seeds give the same output byte for byte on one thread, on two (reading ahead of the
/// evaluation) and on sixteen (each seed file on a thread of its own); a bad N is a command-line error.
/// </summary>
[Collection("cli")]
public sealed class ThreadsOptionTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("check", "json")]
    [InlineData("check", "text")]
    [InlineData("check", "csv")]
    [InlineData("report", "markdown")]
    [InlineData("report", "html")]
    public void The_rules_and_seeds_give_the_same_output_whatever_the_threads(string command, string format)
    {
        var one = CliHarness.RunIn(CliHarness.RepoRoot, command, "rules", "seeds", "--format", format, "--threads", "1");
        Assert.True(one.Exit is 0 or 1, one.Err);
        Assert.NotEmpty(one.Out);
        foreach (var threads in new[] { "2", "16" })
        {
            var many = CliHarness.RunIn(CliHarness.RepoRoot, command, "rules", "seeds", "--format", format, "--threads", threads);
            Assert.Equal((one.Exit, one.Out, one.Err), (many.Exit, many.Out, many.Err));
        }
        // Without the option: the processor count, the same output.
        Assert.Equal(one.Out, CliHarness.RunIn(CliHarness.RepoRoot, command, "rules", "seeds", "--format", format).Out);
    }

    [Theory]
    [InlineData("check", "0")]
    [InlineData("check", "-2")]
    [InlineData("check", "two")]
    [InlineData("check", "65")]
    [InlineData("report", "1.5")]
    [InlineData("study", "0")]
    public void A_bad_thread_count_is_a_command_line_error(string command, string value)
    {
        var (exit, stdout, stderr) = CliHarness.RunIn(CliHarness.RepoRoot, command, "rules", "seeds", "--threads", value);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith($"alliance: error AR9011: --threads '{value}' is not a whole number from 1 to 64", stderr, StringComparison.Ordinal);
    }
}
