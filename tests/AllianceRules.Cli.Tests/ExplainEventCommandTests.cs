using System.Text.Json;
using AllianceRules.Tests.Support;

namespace AllianceRules.Cli.Tests;

/// <summary><c>alliance explain --event FILE:LINE</c> on the contract's example: what it prints, its JSON, and its errors and exit statuses (issue #18, "Why not").</summary>
[Collection("cli")]
public sealed class ExplainEventCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void An_event_that_fired_names_the_instance_it_opened()
    {
        _cli.CopyContract();
        var (exit, stdout, stderr) = _cli.Run("explain", "rules", "seeds", "--event", "seeds/armenia-2022.events:4");
        Assert.True(exit == 0, stderr);
        Assert.StartsWith("seeds/armenia-2022.events:4  2022-09-13 ARM request CSTO article=\"4\"\n", stdout.Replace("\r\n", "\n"));
        Assert.Contains("1. CST.art4-request \"", stdout);
        Assert.Contains("it opened CST.art4-request#1 (RUS, violated)", stdout);
    }

    [Fact]
    public void The_file_may_be_written_as_another_path_to_the_same_history()
    {
        _cli.CopyContract();
        var cited = _cli.Run("explain", "rules", "seeds", "--event", "seeds/armenia-2022.events:3").Out;
        Assert.Contains("2022-09-13 AZE attack ARM", cited);
        Assert.Equal(cited, _cli.Run("explain", "rules", "seeds", "--event", "./seeds/armenia-2022.events:3").Out);
        Assert.Equal(cited, _cli.Run("explain", "rules", "seeds", "--event", Path.Combine(_cli.Directory, "seeds", "armenia-2022.events") + ":3").Out);
    }

    [Fact]
    public void Nothing_fired_is_still_explained_and_exits_0()
    {
        _cli.CopyContract();
        var (exit, stdout, _) = _cli.Run("explain", "rules", "seeds", "--event", "seeds/armenia-2022.events:5");
        Assert.Equal(0, exit);
        Assert.Contains("No rule in force has a trigger ('when' or 'forbid') with the verb 'consult'", stdout);
    }

    [Fact]
    public void Fail_on_violation_counts_the_instances_the_event_opened()
    {
        _cli.CopyContract();
        Assert.Equal(1, _cli.Run("explain", "rules", "seeds", "--event", "seeds/armenia-2022.events:4", "--fail-on-violation").Exit);
        Assert.Equal(0, _cli.Run("explain", "rules", "seeds", "--event", "seeds/armenia-2022.events:5", "--fail-on-violation").Exit);
    }

    [Fact]
    public void Json_conforms_to_its_schema()
    {
        _cli.CopyContract();
        var (exit, stdout, stderr) = _cli.Run("explain", "rules", "seeds", "--event", "seeds/armenia-2022.events:4", "--format", "json");
        Assert.True(exit == 0, stderr);
        Schemas.AssertConforms(Schemas.ExplainEvent, stdout);
        using var json = JsonDocument.Parse(stdout);
        var rule = Assert.Single(json.RootElement.GetProperty("rules").EnumerateArray());
        Assert.True(rule.GetProperty("fired").GetBoolean());
        Assert.Equal("CST.art4-request#1", Assert.Single(rule.GetProperty("instances").EnumerateArray()).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("seeds/armenia-2022.events", "alliance: error AR9011: --event 'seeds/armenia-2022.events' is not FILE:LINE")]
    [InlineData("seeds/armenia-2022.events:0", "alliance: error AR9011: --event 'seeds/armenia-2022.events:0' is not FILE:LINE")]
    [InlineData("seeds/armenia-2022.events:four", "alliance: error AR9011: --event 'seeds/armenia-2022.events:four' is not FILE:LINE")]
    [InlineData(":4", "alliance: error AR9011: --event ':4' is not FILE:LINE")]
    [InlineData("seeds/armenia-2021.events:4", "alliance: error AR9027: --event seeds/armenia-2021.events:4: 'seeds/armenia-2021.events' is not a history given; the history given is 'seeds/armenia-2022.events'; did you mean 'seeds/armenia-2022.events'?")]
    [InlineData("rules/cst.treaty:4", "alliance: error AR9027: --event rules/cst.treaty:4: 'rules/cst.treaty' is not a history given")]
    [InlineData("seeds/armenia-2022.events:6", "alliance: error AR9027: --event seeds/armenia-2022.events:6: 'seeds/armenia-2022.events' has 5 lines")]
    [InlineData("seeds/armenia-2022.events:1", "seeds/armenia-2022.events:1:1: error AR9027: --event seeds/armenia-2022.events:1: line 1 is a comment, not an event; give the line of an event, as the report cites it")]
    [InlineData("seeds/armenia-2022.events:2", "seeds/armenia-2022.events:2:1: error AR9027: --event seeds/armenia-2022.events:2: no event was read from line 2 (a header, an 'as of' line or a skipped row); give the line of an event, as the report cites it")]
    public void A_line_that_is_no_event_is_a_clear_error_with_exit_2(string asked, string error)
    {
        _cli.CopyContract();
        var (exit, stdout, stderr) = _cli.Run("explain", "rules", "seeds", "--event", asked);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith(error, stderr);
    }

    [Fact]
    public void A_blank_line_is_named_as_blank()
    {
        _cli.CopyContract();
        _cli.Write("seeds/armenia-2022.events", File.ReadAllText(Path.Combine(_cli.Directory, "seeds", "armenia-2022.events")).Replace("as of 2022-12-31\n", "as of 2022-12-31\n\n", StringComparison.Ordinal));
        var (exit, _, stderr) = _cli.Run("explain", "rules", "seeds", "--event", "seeds/armenia-2022.events:3");
        Assert.Equal(2, exit);
        Assert.StartsWith("seeds/armenia-2022.events:3:1: error AR9027: --event seeds/armenia-2022.events:3: line 3 is blank, not an event", stderr);
    }

    [Theory]
    [InlineData("--instance", "CST.art4-request#1")]
    [InlineData("--rule", "CST.art4-request")]
    [InlineData("--party", "RUS")]
    [InlineData("--on", "2022-09-13")]
    public void Event_is_exclusive_with_the_ways_of_choosing_an_instance(string option, string value)
    {
        _cli.CopyContract();
        var (exit, stdout, stderr) = _cli.Run("explain", "rules", "seeds", "--event", "seeds/armenia-2022.events:4", option, value);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith($"alliance: error AR9019: --event cannot be combined with {option}: ", stderr);
    }
}
