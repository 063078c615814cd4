using AllianceRules.Evaluation.Tracing;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>Calendar duties (language.md §5.3): the periods that fall due by the calendar, opened in date order up to the horizon.</summary>
internal sealed partial class EvaluationRun
{
    // ---- calendar duties -----------------------------------------------------------------------

    /// <summary>Opens the periods of calendar duties that start before <paramref name="date"/> (or on it), up to the horizon.</summary>
    private void OpenPeriods(LocalDate date, bool includingThatDay, LocalDate limit)
    {
        while (_periods.TryPeek(out var next, out var start) && (start < date || (includingThatDay && start == date)) && start <= limit)
        {
            _periods.Dequeue();
            var (rule, index) = next;
            var nextStart = rule.PeriodStart(index + 1);
            // Past the calendar's last day no further period starts.
            if (nextStart is { } following) _periods.Enqueue((rule, index + 1), following);
            var deadline = rule.PeriodDeadline(start, nextStart);
            if (rule.Rule.Effective is { } effective && !effective.Contains(start)) continue;
            if (!_observed.Covers(start, deadline)) continue;
            if (Traced(rule)) _trace!.Periods[start] = new PeriodTrace(start, deadline, _observed.Containing(start));
            OpenPeriod(rule, start, deadline);
        }
    }

    private void OpenPeriod(CompiledRule rule, LocalDate start, LocalDate deadline)
    {
        var obligation = rule.Rule.Obligation!;
        foreach (var party in Parties(rule, obligation.Subject, Bindings.Empty, start))
        {
            var bindings = obligation.Subject is EachMemberSubject each ? Bindings.Empty.With(each.Variable, party) : Bindings.Empty;
            var key = new InstanceKey(rule, party, PatternMatcher.Value(obligation.Target, bindings) ?? "_");
            var instance = new OpenInstance(key, bindings, start, deadline);
            if (Excused(rule, bindings, start, null, key, start) is { } excuse)
            {
                instance.Decide(InstanceStatus.Excused, start, []);
                instance.Excuse = excuse;
                Track(instance);
                continue;
            }
            // Each period is a duty of its own: it neither joins nor is joined by another.
            Register(instance, coalesces: false);
        }
    }

    /// <summary>A new instance; a <c>before</c> window has no deadline until its event comes.</summary>
}
