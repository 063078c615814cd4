using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// The recent events that a <c>there was</c> may look back at, in date order, per verb and per
/// verb and target (a <c>there was</c> whose target is already bound reads only its own series).
/// Only verbs that some <c>there was</c> names are kept, and only as far back as the longest window;
/// an interval event stays, besides, while it still holds on a day a window can reach (§5.5).
/// </summary>
internal sealed class LookbackBuffer
{
    /// <summary>Events of one series in date order; those before <see cref="Start"/> are forgotten.</summary>
    private sealed class Series
    {
        public List<Event> Events { get; } = [];

        public int Start { get; set; }

        public void Forget(LocalDate before)
        {
            var start = Start;
            while (start < Events.Count && Events[start].Date < before) start++;
            if (start > 256 && start > Events.Count / 2)
            {
                Events.RemoveRange(0, start);
                start = 0;
            }
            Start = start;
        }
    }

    private const int SweepEvery = 64;

    private readonly HashSet<string> _verbs;
    private readonly Dictionary<string, Series> _byVerb = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Verb, string Target), Series> _byVerbTarget = new(PairComparer.Instance);
    private readonly Period[] _windows;

    /// <summary>Interval events by verb, kept while their last day is one a window can reach; few, so a list.</summary>
    private readonly Dictionary<string, List<Event>> _intervals = new(StringComparer.Ordinal);
    private LocalDate _earliest;
    private int _dates;

    public LookbackBuffer(IEnumerable<string> verbs, IEnumerable<Period> windows)
    {
        _verbs = verbs.ToHashSet(StringComparer.Ordinal);
        _windows = [.. windows.Distinct()];
    }

    /// <summary>Adds the events of a new date (dates arrive in order) and forgets what no window can reach.</summary>
    public void Advance(LocalDate date, IEnumerable<Event> events)
    {
        if (_verbs.Count == 0) return;
        foreach (var e in events)
        {
            if (!_verbs.Contains(e.Verb)) continue;
            SeriesOf(_byVerb, e.Verb).Events.Add(e);
            SeriesOf(_byVerbTarget, (e.Verb, e.Target)).Events.Add(e);
            if (!e.IsInterval) continue;
            if (!_intervals.TryGetValue(e.Verb, out var held)) _intervals[e.Verb] = held = [];
            held.Add(e);
        }
        _earliest = date;
        foreach (var w in _windows)
        {
            var from = DateMath.Minus(date, w);
            if (from < _earliest) _earliest = from;
        }
        // Series are trimmed when read; a periodic sweep bounds those that are never read.
        if (++_dates % SweepEvery != 0) return;
        foreach (var series in _byVerb.Values) series.Forget(_earliest);
        foreach (var series in _byVerbTarget.Values) series.Forget(_earliest);
        foreach (var held in _intervals.Values) held.RemoveAll(e => e.LastDay < _earliest);
    }

    /// <summary>
    /// Events of a verb (towards <paramref name="target"/> when it is known) that hold on some day of
    /// <c>[from, to]</c>, by their first day: intervals that began before <paramref name="from"/> and
    /// still hold, then the events dated inside.
    /// </summary>
    public IEnumerable<Event> Between(string verb, string? target, LocalDate from, LocalDate to)
    {
        if (_intervals.TryGetValue(verb, out var held))
        {
            // Held in the order their dates arrived, so already by first day.
            foreach (var e in held)
            {
                if (e.Date < from && e.LastDay >= from && (target is null || e.Target == target)) yield return e;
            }
        }
        var found = target is null ? _byVerb.GetValueOrDefault(verb) : _byVerbTarget.GetValueOrDefault((verb, target));
        if (found is null) yield break;
        found.Forget(_earliest);
        var list = found.Events;
        var lo = found.Start;
        var hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (list[mid].Date < from) lo = mid + 1;
            else hi = mid;
        }
        for (var i = lo; i < list.Count && list[i].Date <= to; i++) yield return list[i];
    }

    private static Series SeriesOf<TKey>(Dictionary<TKey, Series> map, TKey key) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var series)) map[key] = series = new Series();
        return series;
    }
}
