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
        }
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
        }
    }

    private void Finalise(OpenInstance instance, InstanceStatus status, LocalDate on, List<Event> evidence)
    {
        instance.Decide(status, on, evidence);
        if (_openByKey.TryGetValue(instance.Key, out var mapped) && ReferenceEquals(mapped, instance)) _openByKey.Remove(instance.Key);
    }
}
