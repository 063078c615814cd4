using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// Interval events (language.md §5.5): a trigger that holds over days is considered on its first
/// day and again on each later day inside it on which a membership or an <c>effective</c> interval
/// of the rule set begins or ends, until it fires; an action that began before an instance opened
/// and still holds counts on the day the instance opens.
/// </summary>
internal sealed partial class EvaluationRun
{
    /// <summary>The days on which some membership or <c>effective</c> interval of the rule set begins or ends, in order.</summary>
    private LocalDate[] _considered = [];

    /// <summary>Interval triggers that have not fired yet, with their rule, by the next day they are considered.</summary>
    private readonly PriorityQueue<(Event Event, CompiledRule Rule), LocalDate> _carried = new();

    /// <summary>Interval events that began on an earlier day and still hold: actions and <c>until</c> events for instances opened today.</summary>
    private readonly List<Event> _ongoing = [];

    /// <summary>Instances registered on the day being walked: only they can be decided by an event that began before it.</summary>
    private readonly List<OpenInstance> _registeredToday = [];

    private static readonly List<Event> NoEvents = [];

    private static LocalDate[] ConsideredDays(RuleSet rules)
    {
        static IEnumerable<LocalDate> Bounds(DateRange r) => r.End is { } end ? [r.Start, end] : [r.Start];
        var members = rules.Treaties.SelectMany(t => t.Members.Values.Concat(t.FrozenMembers?.Values ?? []).SelectMany(rs => rs));
        var effective = rules.Treaties.SelectMany(t => t.Rules).Select(r => r.Effective).OfType<DateRange>();
        return [.. members.Concat(effective).SelectMany(Bounds).Distinct().Order()];
    }

    /// <summary>Carries an interval trigger that did not fire on <paramref name="date"/> to the next day considered inside it, up to the stated horizon.</summary>
    private void Carry(CompiledRule rule, Event e, LocalDate date)
    {
        var i = Array.BinarySearch(_considered, date);
        i = i < 0 ? ~i : i + 1;
        if (i >= _considered.Length) return;
        var next = _considered[i];
        if (next > e.LastDay || next > _stated) return;
        _carried.Enqueue((e, rule), next);
    }

    /// <summary>Walks the days, before <paramref name="date"/> (or up to it), on which only carried interval triggers are considered.</summary>
    private void CatchUp(LocalDate date, bool inclusive)
    {
        while (_carried.TryPeek(out _, out var due) && (due < date || (inclusive && due == date)))
        {
            Day(due, NoEvents);
        }
    }

    /// <summary>Keeps today's interval events while they hold, for the instances that later days open.</summary>
    private void Remember(List<Event> events)
    {
        foreach (var e in events)
        {
            if (e.IsInterval) _ongoing.Add(e);
        }
    }

    /// <summary>Events that began before today and still hold, matched against the instances opened today.</summary>
    private void DecideByOngoing(LocalDate date, ref Dictionary<OpenInstance, List<Event>>? actions, ref Dictionary<OpenInstance, List<Event>>? discharges)
    {
        if (_ongoing.Count == 0) return;
        foreach (var instance in _registeredToday)
        {
            if (instance.IsFinal) continue;
            foreach (var e in _ongoing)
            {
                if (e.Date >= date || instance.IsOwnTrigger(e)) continue;
                if (instance.IsAction(e)) Add(ref actions, instance, e);
                else if (instance.Until.Any(u => PatternMatcher.Match(u, e, instance.Bindings) is not null)) Add(ref discharges, instance, e);
            }
        }
    }
}
