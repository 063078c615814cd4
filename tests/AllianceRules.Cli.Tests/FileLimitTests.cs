namespace AllianceRules.Cli.Tests;

/// <summary>Files read whole have a size limit (AR9020), checked before reading: sparse files stand in for huge ones.</summary>
[Collection("cli")]
public sealed class FileLimitTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private void Sparse(string name, long size)
    {
        using var file = File.Create(Path.Combine(_cli.Directory, name));
        file.SetLength(size);
    }

    [Fact]
    public void A_rule_file_over_16_MB_is_refused_before_it_is_read()
    {
        Sparse("huge.treaty", FileLimits.RuleFileBytes + 1);
        var (exit, stdout, stderr) = _cli.Run("check", "huge.treaty");
        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.Equal("alliance: error AR9020: 'huge.treaty' is 16,777,217 bytes, more than 16,777,216: a rule file may be at most 16 MB\n", stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void A_history_too_large_to_read_whole_is_refused_by_report_but_streamed_by_check()
    {
        _cli.Write("rules.treaty", File.ReadAllText(CliHarness.Contract("cst.treaty")));
        Sparse("huge.events", FileLimits.WholeFileBytes + (1 << 20));
        var (exit, _, stderr) = _cli.Run("report", "rules.treaty", "huge.events");
        Assert.Equal(2, exit);
        Assert.Equal("alliance: error AR9020: 'huge.events' is 537,919,488 bytes, more than 536,870,912: this command reads a history whole, up to 512 MB; 'alliance check' streams histories of any size\n", stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
