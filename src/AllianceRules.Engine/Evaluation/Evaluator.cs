using System.Collections.Immutable;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// Decides every obligation instance a history triggers (language.md §5). A pure function of
/// its inputs: it reads no clock, file or console.
/// </summary>
/// <remarks>
/// The history is walked one date at a time, in order. Rules are indexed by trigger verb and
/// open instances by the actor and verb that would decide them, with deadlines in a priority
/// queue, so the cost grows with events plus instances rather than with their product. Memory
/// holds the open instances and a look-back buffer as long as the longest <c>there was</c> window,
/// so a history read as a stream is never held whole.
/// </remarks>
public static class Evaluator
{
    public static Report Evaluate(RuleSet rules, EventHistory history, EvaluationOptions? options = null) =>
        Run(rules, history, options, null).Report;

    /// <summary>
    /// Evaluates events that arrive in the order of the report's evidence: by date, then file (ordinal), then line.
    /// The horizon and the observed intervals must be known before the first event; the rest is learned on the way.
    /// </summary>
    public static Report EvaluateOrdered(RuleSet rules, IEnumerable<Event> ordered, Horizon horizon, ImmutableArray<DateRange> observed, EvaluationOptions? options = null) =>
        Walk(rules, ordered, horizon, observed, options ?? new EvaluationOptions(), null).Report;

    /// <summary>The evaluation, with the open instances behind the report's, in the report's order; a recorder, if given, traces one rule.</summary>
    internal static (Report Report, IReadOnlyList<OpenInstance> Instances) Run(RuleSet rules, EventHistory history, EvaluationOptions? options, Tracing.TraceRecorder? trace)
    {
        var ordered = history.Events
            .OrderBy(e => e.Date)
            .ThenBy(e => e.Origin.File, StringComparer.Ordinal)
            .ThenBy(e => e.Origin.Line);
        options ??= new EvaluationOptions();
        var (report, instances) = Walk(rules, ordered, Horizon.Of(options, history.AsOf), history.ObservedOrEmpty, options, trace);
        return (report with { Skipped = history.Skipped }, instances);
    }

    private static (Report Report, IReadOnlyList<OpenInstance> Instances) Walk(
        RuleSet rules, IEnumerable<Event> ordered, Horizon horizon, ImmutableArray<DateRange> historyObserved, EvaluationOptions options, Tracing.TraceRecorder? trace)
    {
        var observed = new ObservedCoverage(historyObserved.Concat(options.ObservedOrEmpty));
        var stated = horizon.Stated;
        // The readings and assumptions are settled here, once; everything below reads the treaties as chosen.
        rules = rules.WithChoices(options.ReadingChoices, options.Overrides);
        var windows = new WindowResolver();
        var run = new EvaluationRun(rules, windows, stated, observed, trace) { MaxInstancesPerRule = options.MaxInstancesPerRule };
        LocalDate? last = null;
        var afterHorizon = 0;
        var day = new List<Event>();
        foreach (var e in ordered)
        {
            if (e.Date > stated)
            {
                afterHorizon++;
                continue;
            }
            if (last is { } date && e.Date != date)
            {
                run.Process(date, day);
                day = [];
            }
            // An event no rule can use (its verb is in no pattern): its date still counts (a day is still walked), the event need not.
            if (run.Uses(e.Verb)) day.Add(e);
            last = e.Date;
        }
        if (last is { } lastDate) run.Process(lastDate, day);

        var assumptions = AssumptionsUsed(rules);
        if (horizon.Finally(last, observed.End) is not { } asOf) return (new Report(null, assumptions, [], []) { Readings = ReadingsInForce(rules) }, []);
        var (report, instances) = ReportAssembler.Assemble(asOf, assumptions, run.Finish(asOf));
        return (report with
        {
            EventsAfterHorizon = afterHorizon,
            CalendarDuties = [.. rules.Treaties.SelectMany(t => t.Rules).Where(r => r.IsCalendarDuty).Select(r => r.QualifiedId).Order(StringComparer.Ordinal)],
            Observed = observed.Ranges,
            Readings = ReadingsInForce(rules),
        }, instances);
    }

    private static ImmutableArray<AssumptionUse> AssumptionsUsed(RuleSet rules) =>
        [.. rules.Treaties
            .OrderBy(t => t.Code, StringComparer.Ordinal)
            .SelectMany(t => t.Assumptions.OrderBy(a => a.Name, StringComparer.Ordinal))
            .Select(a => new AssumptionUse(a.Treaty, a.Name, a.Period, a.Overridden, a.Note, a.Declared))];

    private static ImmutableArray<Reading> ReadingsInForce(RuleSet rules) =>
        [.. rules.Treaties.OrderBy(t => t.Code, StringComparer.Ordinal).SelectMany(t => t.Readings.OrderBy(r => r.Name, StringComparer.Ordinal))];
}
