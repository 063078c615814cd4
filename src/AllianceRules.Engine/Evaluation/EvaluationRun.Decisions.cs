using AllianceRules.Evaluation.Tracing;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>Decisions: events that fulfil, violate or discharge open instances, and the deadlines that lapse.</summary>
internal sealed partial class EvaluationRun
{
    // ---- decisions -----------------------------------------------------------------------------

    private void Decide(LocalDate date, List<Event> events)
    {
        Dictionary<OpenInstance, List<Event>>? actions = null;
        Dictionary<OpenInstance, List<Event>>? discharges = null;
        Dictionary<OpenInstance, Event>? late = null;
        foreach (var e in events)
        {
            if (_byAction.TryGetValue((e.Actor, e.Verb), out var candidates))
            {
                foreach (var instance in Live(candidates))
                {
                    if (instance.IsAction(e) && !instance.IsOwnTrigger(e)) Add(ref actions, instance, e);
                }
            }
            if (_byUntilVerb.TryGetValue(e.Verb, out var untils))
            {
                foreach (var instance in Live(untils))
                {
                    if (instance.IsOwnTrigger(e)) continue;
                    if (instance.Until.Any(u => PatternMatcher.Match(u, e, instance.Bindings) is not null)) Add(ref discharges, instance, e);
                }
            }
            if (_byEndVerb.TryGetValue(e.Verb, out var waiting)) Close(waiting, e);
            if (_lateByAction.Count > 0)
            {
                if (_lateByAction.TryGetValue((e.Actor, e.Verb, e.Target), out var lapsed)) AddLate(ref late, lapsed, e);
                if (_lateByAction.TryGetValue((e.Actor, e.Verb, "_"), out var towardsAnyone)) AddLate(ref late, towardsAnyone, e);
            }
        }
        if (late is not null) PerformedLate(late);
        DecideByOngoing(date, ref actions, ref discharges);
        // Rule 5.1.6: on one date the obligation's own action wins over 'until'.
        foreach (var (instance, evidence) in actions ?? [])
        {
            var negated = instance.Rule.Rule.Obligation!.Negated;
            Finalise(instance, negated ? InstanceStatus.Violated : InstanceStatus.Fulfilled, date, evidence);
        }
        foreach (var (instance, evidence) in discharges ?? [])
        {
            if (!instance.IsFinal) Finalise(instance, InstanceStatus.Discharged, date, evidence);
        }
    }

    /// <summary>
    /// A <c>before</c> window ends with the first matching event on or after the trigger's date:
    /// the instance is then decided as any other on that deadline, actions of that day included.
    /// </summary>
    private void Close(List<OpenInstance> waiting, Event e)
    {
        waiting.RemoveAll(i => i.IsFinal || (i.Deadline is { } d && d < e.Date));
        foreach (var instance in waiting)
        {
            if (instance.IsOwnTrigger(e) || PatternMatcher.Match(instance.EndPattern!, e, instance.Bindings) is null) continue;
            if (instance.End is { } earlier)
            {
                // Several closing events on one day: the report names one, whatever the order of the lines.
                if (string.CompareOrdinal(e.Content(), earlier.Content()) < 0) instance.Close(e);
                continue;
            }
            instance.Close(e);
            _deadlines.Enqueue(instance, e.Date);
        }
    }

    private static void Add(ref Dictionary<OpenInstance, List<Event>>? map, OpenInstance instance, Event e)
    {
        map ??= [];
        if (!map.TryGetValue(instance, out var list)) map[instance] = list = [];
        list.Add(e);
    }

    /// <summary>The undecided instances of an index list, dropping decided ones as it goes.</summary>
    private static List<OpenInstance> Live(List<OpenInstance> list)
    {
        list.RemoveAll(i => i.IsFinal);
        return list;
    }

    private void LapseBefore(LocalDate date)
    {
        while (_deadlines.TryPeek(out var instance, out var deadline) && deadline < date)
        {
            _deadlines.Dequeue();
            if (instance.IsFinal) continue;
            var negated = instance.Rule.Rule.Obligation!.Negated;
            Finalise(instance, negated ? InstanceStatus.Fulfilled : InstanceStatus.Violated, DateMath.NextDay(deadline), []);
            if (!negated && !instance.Rule.Rule.IsCalendarDuty) WatchLate(instance);
        }
    }

    // ---- late performance ----------------------------------------------------------------------

    /// <summary>
    /// Lapsed windows still waiting for their action, by actor, verb and target (<c>_</c> for any).
    /// Unlike open windows they accumulate until the horizon, so the target is part of the key: an
    /// event looks only at the instances it could perform. They are instances the report keeps
    /// anyway, and each leaves as soon as its action comes, so watching costs no memory beyond them.
    /// A calendar duty is not watched: an act after one period's deadline counts for the next
    /// period, not as late performance of this one.
    /// </summary>
    private readonly Dictionary<(string Actor, string Verb, string Target), List<OpenInstance>> _lateByAction = [];

    private void WatchLate(OpenInstance instance)
    {
        foreach (var key in LateKeys(instance))
        {
            if (!_lateByAction.TryGetValue(key, out var list)) _lateByAction[key] = list = [];
            list.Add(instance);
        }
    }

    /// <summary>
    /// A new window of the same rule for the same party and target ends the watch on the older
    /// lapsed ones: an act after it answers the newer obligation (a consultation on this year's
    /// attack), not, months late, the one before it.
    /// </summary>
    private void StopWatchingEarlier(OpenInstance opened)
    {
        if (_lateByAction.Count == 0 || opened.Rule.Rule.Obligation is null) return;
        foreach (var key in LateKeys(opened))
        {
            if (!_lateByAction.TryGetValue(key, out var list)) continue;
            list.RemoveAll(i => ReferenceEquals(i.Rule, opened.Rule) && i.Party == opened.Party);
            if (list.Count == 0) _lateByAction.Remove(key);
        }
    }

    private static IEnumerable<(string Actor, string Verb, string Target)> LateKeys(OpenInstance instance)
    {
        var obligation = instance.Rule.Rule.Obligation!;
        return obligation.Actors(instance.Party).Distinct(StringComparer.Ordinal).Select(actor => (actor, obligation.Verb, instance.Target));
    }

    /// <summary>Today's candidates for a watched instance: the one that reads first wins, whatever the order of the lines.</summary>
    private static void AddLate(ref Dictionary<OpenInstance, Event>? late, List<OpenInstance> lapsed, Event e)
    {
        foreach (var instance in lapsed)
        {
            if (!instance.IsAction(e) || instance.IsOwnTrigger(e)) continue;
            late ??= [];
            if (!late.TryGetValue(instance, out var earlier) || Reads(e, earlier) < 0) late[instance] = e;
        }
    }

    private static int Reads(Event a, Event b)
    {
        var c = string.CompareOrdinal(a.Content(), b.Content());
        if (c == 0) c = string.CompareOrdinal(a.Origin.File, b.Origin.File);
        return c != 0 ? c : a.Origin.Line.CompareTo(b.Origin.Line);
    }

    /// <summary>Records the late action and stops watching: only the first counts.</summary>
    private void PerformedLate(Dictionary<OpenInstance, Event> late)
    {
        foreach (var (instance, e) in late) instance.Late = e;
        // One sweep per list touched: one event may perform many lapsed windows at once.
        foreach (var key in late.Keys.SelectMany(LateKeys).Distinct().ToList())
        {
            if (!_lateByAction.TryGetValue(key, out var list)) continue;
            list.RemoveAll(i => i.Late is not null);
            if (list.Count == 0) _lateByAction.Remove(key);
        }
    }

    private void Finalise(OpenInstance instance, InstanceStatus status, LocalDate on, List<Event> evidence)
    {
        instance.Decide(status, on, evidence);
        if (_openByKey.TryGetValue(instance.Key, out var mapped) && ReferenceEquals(mapped, instance)) _openByKey.Remove(instance.Key);
    }
}
