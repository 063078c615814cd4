using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// Decides every obligation instance a history triggers (language.md §5). A pure function of
/// its inputs: it reads no clock, file or console.
/// </summary>
/// <remarks>
/// The history is sorted, then walked one date at a time. Rules are indexed by trigger verb and
/// open instances by the actor and verb that would decide them, with deadlines in a priority
/// queue, so the cost grows with events plus instances rather than with their product. Memory
/// holds the open instances and a look-back buffer as long as the longest <c>there was</c> window.
/// </remarks>
public static class Evaluator
{
    public static Report Evaluate(RuleSet rules, EventHistory history, EvaluationOptions? options = null) =>
        Run(rules, history, options, null).Report;

    /// <summary>The evaluation, with the open instances behind the report's, in the report's order; a recorder, if given, traces one rule.</summary>
    internal static (Report Report, IReadOnlyList<OpenInstance> Instances) Run(RuleSet rules, EventHistory history, EvaluationOptions? options, Tracing.TraceRecorder? trace)
    {
        options ??= new EvaluationOptions();
        var observed = new ObservedCoverage(history.ObservedOrEmpty.Concat(options.ObservedOrEmpty));
        var horizon = options.AsOf ?? history.AsOf ?? DefaultHorizon(history, observed);
        var windows = new WindowResolver(options.Overrides);
        var assumptions = AssumptionsUsed(rules, options.Overrides);
        if (horizon is not { } asOf) return (new Report(null, assumptions, [], []) { Skipped = history.Skipped }, []);

        var run = new EvaluationRun(rules, windows, asOf, observed, trace);
        var dated = history.Events
            .Where(e => e.Date <= asOf)
            .OrderBy(e => e.Date)
            .ThenBy(e => e.Origin.File, StringComparer.Ordinal)
            .ThenBy(e => e.Origin.Line);
        foreach (var day in GroupByDate(dated)) run.Process(day.Date, day.Events);
        var (report, ordered) = ReportAssembler.Assemble(asOf, assumptions, run.Finish());
        return (report with
        {
            EventsAfterHorizon = history.Events.Count(e => e.Date > asOf),
            CalendarDuties = [.. rules.Treaties.SelectMany(t => t.Rules).Where(r => r.IsCalendarDuty).Select(r => r.QualifiedId).Order(StringComparer.Ordinal)],
            Observed = observed.Ranges,
            Skipped = history.Skipped,
        }, ordered);
    }

    /// <summary>
    /// Without a stated horizon: the last event's date, or the end of the observed intervals if
    /// later. A history that claims to record a period completely has seen all of it, so on the
    /// day after it every period inside can be decided.
    /// </summary>
    private static LocalDate? DefaultHorizon(EventHistory history, ObservedCoverage observed)
    {
        LocalDate? last = history.Events.IsEmpty ? null : history.Events.Max(e => e.Date);
        return (last, observed.End) switch
        {
            ({ } e, { } o) => e > o ? e : o,
            (var e, var o) => e ?? o,
        };
    }

    private static IEnumerable<(LocalDate Date, List<Event> Events)> GroupByDate(IEnumerable<Event> sorted)
    {
        List<Event>? current = null;
        var date = default(LocalDate);
        foreach (var e in sorted)
        {
            if (current is null || e.Date != date)
            {
                if (current is not null) yield return (date, current);
                current = [];
                date = e.Date;
            }
            current.Add(e);
        }
        if (current is not null) yield return (date, current);
    }

    private static System.Collections.Immutable.ImmutableArray<AssumptionUse> AssumptionsUsed(RuleSet rules, IReadOnlyDictionary<string, Period> overrides) =>
        [.. rules.Treaties
            .OrderBy(t => t.Code, StringComparer.Ordinal)
            .SelectMany(t => t.Assumptions.OrderBy(a => a.Name, StringComparer.Ordinal))
            .Select(a => overrides.TryGetValue(a.Name, out var p)
                ? new AssumptionUse(a.Treaty, a.Name, p, true, a.Note, a.Period)
                : new AssumptionUse(a.Treaty, a.Name, a.Period, false, a.Note, a.Period))];
}
