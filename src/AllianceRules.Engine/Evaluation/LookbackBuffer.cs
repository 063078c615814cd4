using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// The recent events that a <c>there was</c> may look back at, per verb and in date order.
/// Only verbs that some <c>there was</c> names are kept, and only as far back as the longest window.
/// </summary>
internal sealed class LookbackBuffer
{
    private readonly Dictionary<string, List<Event>> _byVerb;
    private readonly Dictionary<string, int> _start = new(StringComparer.Ordinal);
    private readonly Period[] _windows;

    public LookbackBuffer(IEnumerable<string> verbs, IEnumerable<Period> windows)
    {
        _byVerb = verbs.Distinct(StringComparer.Ordinal).ToDictionary(v => v, _ => new List<Event>(), StringComparer.Ordinal);
        _windows = [.. windows.Distinct()];
    }

    /// <summary>Adds the events of a new date (dates arrive in order) and forgets what no window can reach.</summary>
    public void Advance(LocalDate date, IEnumerable<Event> events)
    {
        if (_byVerb.Count == 0) return;
        foreach (var e in events)
        {
            if (_byVerb.TryGetValue(e.Verb, out var list)) list.Add(e);
        }
        var earliest = date;
        foreach (var w in _windows)
        {
            var from = date.Minus(w);
            if (from < earliest) earliest = from;
        }
        foreach (var (verb, list) in _byVerb)
        {
            var start = _start.GetValueOrDefault(verb);
            while (start < list.Count && list[start].Date < earliest) start++;
            if (start > 1024 && start > list.Count / 2)
            {
                list.RemoveRange(0, start);
                start = 0;
            }
            _start[verb] = start;
        }
    }

    /// <summary>Events of a verb dated in <c>[from, to]</c>.</summary>
    public IEnumerable<Event> Between(string verb, LocalDate from, LocalDate to)
    {
        if (!_byVerb.TryGetValue(verb, out var list)) yield break;
        var lo = _start.GetValueOrDefault(verb);
        var hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (list[mid].Date < from) lo = mid + 1;
            else hi = mid;
        }
        for (var i = lo; i < list.Count && list[i].Date <= to; i++) yield return list[i];
    }
}
