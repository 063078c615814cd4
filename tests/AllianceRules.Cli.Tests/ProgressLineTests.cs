namespace AllianceRules.Cli.Tests;

/// <summary>The progress line: only when enabled (a terminal, no --quiet), only after its delay, and erased at the end.</summary>
public sealed class ProgressLineTests
{
    [Fact]
    public void A_disabled_line_writes_nothing()
    {
        var stderr = new StringWriter();
        using (var line = new ProgressLine(stderr, enabled: false, TimeSpan.Zero)) line.Report(65536, new NodaTime.LocalDate(2022, 9, 13));
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public void A_line_before_its_delay_writes_nothing()
    {
        var stderr = new StringWriter();
        using (var line = new ProgressLine(stderr, enabled: true, TimeSpan.FromHours(1))) line.Report(65536, new NodaTime.LocalDate(2022, 9, 13));
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public void An_enabled_line_says_the_events_the_rate_and_the_date_and_is_erased()
    {
        var stderr = new StringWriter();
        var line = new ProgressLine(stderr, enabled: true, TimeSpan.Zero);
        line.Report(131072, new NodaTime.LocalDate(2022, 9, 13));
        Assert.Matches(@"^\r131,072 events read, [\d,]+/s, at 2022-09-13   $", stderr.ToString());
        line.Clear();
        Assert.EndsWith("\r" + new string(' ', 72) + "\r", stderr.ToString(), StringComparison.Ordinal);
        var length = stderr.ToString().Length;
        line.Dispose();
        Assert.Equal(length, stderr.ToString().Length);
    }
}
