using System.Diagnostics;
using System.Globalization;
using NodaTime;

namespace AllianceRules.Cli;

/// <summary>
/// A line on standard error that says how a long run is going: events read, the rate, and the
/// date reached. It appears only after two seconds, only on a terminal, and is erased at the end,
/// so short runs, pipes and CI logs never see it.
/// </summary>
internal sealed class ProgressLine(TextWriter stderr, bool enabled, TimeSpan? delay = null) : IDisposable
{
    private readonly TimeSpan _delay = delay ?? TimeSpan.FromSeconds(2);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private bool _shown;

    public void Report(long events, LocalDate date)
    {
        if (!enabled || _clock.Elapsed < _delay) return;
        var rate = events / _clock.Elapsed.TotalSeconds;
        stderr.Write(string.Create(CultureInfo.InvariantCulture, $"\r{events:N0} events read, {rate:N0}/s, at {date:yyyy-MM-dd}   "));
        stderr.Flush();
        _shown = true;
    }

    public void Clear()
    {
        if (!_shown) return;
        stderr.Write("\r" + new string(' ', 72) + "\r");
        stderr.Flush();
        _shown = false;
    }

    public void Dispose() => Clear();
}
