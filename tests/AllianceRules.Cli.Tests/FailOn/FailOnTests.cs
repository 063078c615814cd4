using AllianceRules.Tests.Support;

namespace AllianceRules.Cli.Tests.FailOn;

/// <summary>
/// <c>--fail-on violated,pending,indeterminate</c>: exit status 1 when some instance has a listed
/// status, the output still written; <c>--fail-on-violation</c> is <c>--fail-on violated</c>. The
/// pact (beside this file) has a duty to help and a duty of neutrality that needs judgment, so the
/// histories and horizons below give every status asked about.
/// </summary>
[Collection("cli")]
public sealed class FailOnTests : IDisposable
{
    private static readonly string Here = Repo.Path("tests", "AllianceRules.Cli.Tests", "FailOn");
    private readonly CliHarness _cli = new();

    public FailOnTests()
    {
        _cli.Write("rules/pact.treaty", File.ReadAllText(Path.Combine(Here, "pact.treaty")));
        // war: DEU never helps FRA (help violated, calm indeterminate); helped: DEU helps on 2020-01-05 (help fulfilled).
        foreach (var name in new[] { "war", "helped" }) _cli.Write($"{name}/{name}.events", File.ReadAllText(Path.Combine(Here, $"{name}.events")));
    }

    public void Dispose() => _cli.Dispose();

    // Horizon 2020-12-31: every window closed; 2020-01-10: the windows (30 days from 2020-01-01) still open.
    [Theory]
    [InlineData("war", "2020-12-31", "violated", 1)]
    [InlineData("war", "2020-12-31", "pending", 0)]
    [InlineData("war", "2020-12-31", "indeterminate", 1)]
    [InlineData("helped", "2020-12-31", "violated", 0)]
    [InlineData("helped", "2020-12-31", "indeterminate", 1)]
    [InlineData("helped", "2020-12-31", "violated,pending", 0)]
    [InlineData("war", "2020-01-10", "pending", 1)]
    [InlineData("war", "2020-01-10", "violated,indeterminate", 0)]
    [InlineData("war", "2020-01-10", "indeterminate,pending", 1)]
    [InlineData("helped", "2020-01-10", "violated", 0)]
    [InlineData("helped", "2020-01-10", "pending", 1)]
    [InlineData("helped", "2020-01-10", "violated,pending,indeterminate", 1)]
    [InlineData("helped", "2020-12-31", " indeterminate , violated ", 1)]
    public void Exit_status_1_when_some_instance_has_a_listed_status(string history, string asOf, string statuses, int expected)
    {
        var (exit, stdout, stderr) = _cli.Run("check", "rules", history, "--as-of", asOf, "--fail-on", statuses);
        Assert.Equal(expected, exit);
        Assert.StartsWith($"Compliance as of {asOf}: 2 obligation instances.", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("error", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("war", "2020-12-31", new[] { "--fail-on-violation" }, 1)]
    [InlineData("war", "2020-01-10", new[] { "--fail-on-violation" }, 0)]
    [InlineData("war", "2020-01-10", new[] { "--fail-on-violation", "--fail-on", "pending" }, 1)]
    [InlineData("war", "2020-12-31", new[] { "--fail-on-violation", "--fail-on", "pending" }, 1)]
    [InlineData("war", "2020-12-31", new[] { "--fail-on-violation", "--fail-on", "violated" }, 1)]
    [InlineData("helped", "2020-12-31", new[] { "--fail-on-violation", "--fail-on", "pending" }, 0)]
    [InlineData("helped", "2020-12-31", new string[0], 0)]
    public void Fail_on_violation_is_fail_on_violated_and_the_two_add_up(string history, string asOf, string[] options, int expected)
    {
        Assert.Equal(expected, _cli.Run(["check", "rules", history, "--as-of", asOf, .. options]).Exit);
    }

    [Fact]
    public void Every_command_with_fail_on_violation_takes_fail_on()
    {
        Assert.Equal(1, _cli.Run("report", "rules", "helped", "--as-of", "2020-12-31", "--fail-on", "indeterminate", "-o", "report.md").Exit);
        Assert.True(File.Exists(Path.Combine(_cli.Directory, "report.md")));
        Assert.Equal(0, _cli.Run("report", "rules", "helped", "--as-of", "2020-12-31", "--fail-on", "violated", "-o", "report.md").Exit);
        Assert.Equal(1, _cli.Run("explain", "rules", "helped", "--rule", "PACT.calm", "--party", "DEU", "--as-of", "2020-12-31", "--fail-on", "indeterminate").Exit);
        Assert.Equal(0, _cli.Run("explain", "rules", "helped", "--rule", "PACT.help", "--party", "DEU", "--as-of", "2020-12-31", "--fail-on", "indeterminate").Exit);
        Assert.Equal(1, _cli.Run("study", "rules", "war", "--as-of", "2020-01-10", "--fail-on", "pending").Exit);
        Assert.Equal(0, _cli.Run("study", "rules", "war", "--as-of", "2020-01-10", "--fail-on", "violated").Exit);
    }

    [Theory]
    [InlineData("pendng", "--fail-on 'pendng' is not one of violated, pending, indeterminate; did you mean 'pending'?")]
    [InlineData("violated,indetermnate", "--fail-on 'indetermnate' is not one of violated, pending, indeterminate; did you mean 'indeterminate'?")]
    [InlineData("pending,pending", "--fail-on names 'pending' twice")]
    [InlineData("violated,", "--fail-on has an empty item in 'violated,'")]
    [InlineData("", "--fail-on needs at least one of violated, pending, indeterminate")]
    public void A_bad_status_is_a_one_line_error(string value, string message)
    {
        var (exit, stdout, stderr) = _cli.Run("check", "rules", "war", "--fail-on", value);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal($"alliance: error AR9011: {message}\nRun 'alliance check --help' for usage.\n", stderr.ReplaceLineEndings("\n"));
    }
}
