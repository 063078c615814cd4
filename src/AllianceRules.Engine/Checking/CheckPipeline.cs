using System.Collections.Immutable;
using AllianceRules.History;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Model;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Checking;

/// <summary>How <see cref="CheckPipeline"/> may use memory and tell how it is going.</summary>
public sealed record StreamOptions
{
    /// <summary>With unsorted histories: sort within about this many bytes, spilling runs to <see cref="CreateSpill"/>; null sorts in memory.</summary>
    public long? MaxMemoryBytes { get; init; }

    /// <summary>A fresh, empty, readable and writable stream for a sorted run (the caller's temporary file); disposed when read.</summary>
    public Func<Stream>? CreateSpill { get; init; }

    /// <summary>Told the number of events read and the date reached, every <see cref="ProgressEvery"/> events.</summary>
    public Action<long, LocalDate>? Progress { get; init; }

    public int ProgressEvery { get; init; } = 1 << 16;

    /// <summary>Keep each skipped row of imported data for the report (<c>--verbose</c>), not only the counts.</summary>
    public bool KeepSkippedRows { get; init; }

    /// <summary>Lint levels for the warnings <c>check</c> shows; null for the defaults.</summary>
    public Validation.Lint.LintConfig? Lint { get; init; }

    /// <summary>Read and validate everything and give lint's findings, but evaluate nothing (<c>alliance lint</c>).</summary>
    public bool LintOnly { get; init; }

    /// <summary>
    /// Sees every event read, before it is evaluated (an event of a history read again is seen
    /// again). Events of a verb no rule names come without their attributes.
    /// </summary>
    public Action<Event>? Observe { get; init; }

    /// <summary>Explain these instances too: the history is then held in memory, whole, as the explanation cites its events.</summary>
    public ExplainTarget? Explain { get; init; }

    /// <summary>Explain what the event written on this line did (<c>explain --event</c>): the history is then held in memory, whole, too.</summary>
    public EventTarget? ExplainEvent { get; init; }

    /// <summary>With <c>--baseline</c>: the earlier report the instances are compared with, once evaluated (<see cref="Report.Baseline"/>).</summary>
    public BaselineReport? Baseline { get; init; }

    /// <summary>Stops the check (OperationCanceledException) between events: an editor or a browser tab that no longer needs the answer.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// Threads a streamed check may use (<c>--threads</c>): with more than one, the histories are read
    /// on a thread of their own while the events are evaluated, and several sorted files are read
    /// each on its own. One reads and evaluates on the caller's thread alone. The report is the same.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>Histories are read in pieces of about this many characters (tests vary it); null for the usual size.</summary>
    internal int? PieceSize { get; init; }
}

/// <summary>The outcome of a streamed check: the report or errors, lint warnings, and notes on how the histories were read.</summary>
public sealed record StreamedCheck(CheckOutcome Outcome, ImmutableArray<Diagnostic> Findings, ImmutableArray<string> Notes)
{
    /// <summary>With <see cref="StreamOptions.Explain"/>: how each instance asked about was decided, from the same evaluation as the report.</summary>
    public ImmutableArray<Evaluation.Tracing.Explanation> Explanations { get; init; } = [];

    /// <summary>With <see cref="StreamOptions.ExplainEvent"/>: what the event did; null when no event was read from that line.</summary>
    public Evaluation.Tracing.EventExplanation? EventExplanation { get; init; }
}

/// <summary>The instances <c>explain</c> asks about: those of one rule that <see cref="Select"/> picks.</summary>
public sealed record ExplainTarget(string RuleId, Func<InstanceResult, bool> Select);

/// <summary>The event <c>explain --event</c> asks about: the one read from this line of this history (its path as the report cites it).</summary>
public sealed record EventTarget(string File, int Line);

/// <summary>
/// The one check pipeline: rules, then a history stream, then one evaluation. Every command runs
/// on it (check, study, report, explain, test, lint, sweeps), on files the command line opens or on
/// texts in memory. Histories in date order (GDELT files are not:
/// they follow the day an event was added) are merged and evaluated as they are read, in memory bounded by the open instances and the
/// look-back buffer. An unsorted history is detected on the way; it is then read again and sorted,
/// in memory or, within <see cref="StreamOptions.MaxMemoryBytes"/>, on disk. The report is the same either way.
/// </summary>
public static class CheckPipeline
{
    public static StreamedCheck Check(IReadOnlyList<SourceFile> ruleFiles, IReadOnlyList<HistorySource> histories, EvaluationOptions? options, StreamOptions? stream = null)
    {
        try
        {
            return CheckStreams(ruleFiles, histories, options, stream);
        }
        catch (EvaluationLimitException limit)
        {
            return Failed([limit.Diagnostic]);
        }
    }

    private static StreamedCheck CheckStreams(IReadOnlyList<SourceFile> ruleFiles, IReadOnlyList<HistorySource> histories, EvaluationOptions? options, StreamOptions? stream)
    {
        options ??= new EvaluationOptions();
        stream ??= new StreamOptions();
        if (ruleFiles.Count == 0) return Failed([DiagnosticCatalog.NoInput()]);
        stream.Cancellation.ThrowIfCancellationRequested();
        // The command line checks a file's size before reading it; a text handed over in memory is checked here.
        var tooLarge = ruleFiles.Select(f => (f.Path, Size: InputLimits.Utf8Size(f.Text, InputLimits.RuleFileBytes))).Where(f => f.Size > InputLimits.RuleFileBytes)
            .Select(f => DiagnosticCatalog.FileTooLarge(f.Path, f.Size, InputLimits.RuleFileBytes, InputLimits.RuleFileWhy)).ToImmutableArray();
        if (!tooLarge.IsEmpty) return Failed(tooLarge);
        var (rules, bound, verbs, problems) = Checker.LoadRules(ruleFiles, options);
        options = Checker.ForHistories(options, histories.Count);
        if (rules is null || problems.Any(p => p.IsError))
        {
            // Nothing will be evaluated, but every error of the histories is still worth showing.
            var drain = new HistoryReader(verbs, rules?.Verbs);
            foreach (var source in histories)
            {
                foreach (var _ in drain.Read(source)) { }
            }
            return Failed(DiagnosticOrder.Sort(problems.AddRange(drain.Diagnostics.ToSortedArray())), rules);
        }

        // The readings and assumptions are settled once, here: evaluation, explanation, reports and
        // lint all see the treaties as chosen, and the options passed on choose nothing more.
        rules = rules.WithChoices(options.ReadingChoices, options.Overrides);
        options = options with { AssumptionOverrides = null, ReadingChoices = new Dictionary<string, string>() };
        var notes = ImmutableArray.CreateBuilder<string>();
        // An explanation may show any event it examined, so explaining keeps every event whole.
        var explaining = stream.Explain is not null || stream.ExplainEvent is not null;
        var needsDetail = explaining ? null : NeedsDetail(rules);
        var reader = new HistoryReader(verbs, rules.Verbs, stream.KeepSkippedRows) { NeedsDetail = needsDetail, PieceSize = stream.PieceSize ?? HistoryReader.DefaultPieceSize };
        var facts = new Validation.Lint.HistoryFacts(rules);
        // Files in the order given, as when read whole: the merge meets them by date.
        var files = ruleFiles.Select(f => f.Path).Concat(histories.Select(h => h.Path)).ToList();
        if (stream.LintOnly) return LintOnly(rules, bound, reader, facts, histories, stream, problems, files);
        var sweeping = !options.Sweeps.IsEmpty;
        // A sweep evaluates the history once per combination, and an explanation reads its events again: both hold it whole.
        var holding = sweeping || explaining;
        var explanations = ImmutableArray<Evaluation.Tracing.Explanation>.Empty;
        Evaluation.Tracing.EventExplanation? eventExplanation = null;
        Report? report = null;
        var merge = new SortedMerge(reader, histories) { ParallelFiles = stream.Threads, Cancellation = stream.Cancellation };
        if (!holding)
        {
            // The first event is read before anything is evaluated, so the lines above it have been seen.
            (LocalDate? AsOf, ImmutableArray<DateRange> Observed) header = default;
            using var merged = Observe(ReadMerged(merge, () => header = (reader.AsOf, reader.Observed), stream), facts, stream).GetEnumerator();
            var first = merged.MoveNext();
            report = Evaluator.EvaluateOrdered(rules, Rest(merged, first), Horizon.Of(options, header.AsOf), header.Observed, options);
        }

        if (holding || merge.Unsorted is not null || reader.DirectiveAfterEvents || merge.LateDirective)
        {
            if (!holding)
            {
                notes.Add(merge.Unsorted is { } where
                    ? $"{where}, so it was read again and sorted {(stream.MaxMemoryBytes is null ? "in memory (--max-memory SIZE sorts on disk instead)" : "within --max-memory")}"
                    : "an 'as of' or 'observed' line comes after events were read, so the histories were read again whole before evaluating");
            }
            reader = new HistoryReader(verbs, rules.Verbs, stream.KeepSkippedRows) { NeedsDetail = needsDetail, PieceSize = stream.PieceSize ?? HistoryReader.DefaultPieceSize };
            facts = new Validation.Lint.HistoryFacts(rules);
            var all = Observe(FilesInTurn.Events(reader, histories, stream.Threads, stream.Cancellation), facts, stream);
            if (!holding && stream.MaxMemoryBytes is { } budget && stream.CreateSpill is { } spill)
            {
                var sort = new ExternalSort(budget, spill);
                var sorted = sort.Sort(all).GetEnumerator();
                // Sorting reads everything before the first event comes out, so every line has been seen.
                var any = sorted.MoveNext();
                report = Evaluator.EvaluateOrdered(rules, Rest(sorted, any), Horizon.Of(options, reader.AsOf), reader.Observed, options);
                sorted.Dispose();
                if (sort.Runs > 0) notes.Add($"sorted in {sort.Runs} runs on disk");
            }
            else
            {
                var history = new EventHistory(all.ToImmutableArray(), reader.AsOf, reader.Observed);
                if (!reader.Diagnostics.HasErrors)
                {
                    if (stream.Explain is { } target) (report, explanations) = Evaluation.Tracing.Explainer.ExplainWithReport(rules, history, options, target.RuleId, target.Select);
                    else if (stream.ExplainEvent is { } asked && history.Events.FirstOrDefault(e => e.Origin.File == asked.File && e.Origin.Line == asked.Line) is { } watched)
                    {
                        (report, eventExplanation) = Evaluation.Tracing.EventExplainer.Explain(rules, history, options, watched);
                    }
                    else report = Evaluator.Evaluate(rules, history, options);
                    if (sweeping) report = report with { Sweep = Sensitivity.Run(rules, history, options, options.Sweeps, stream.Cancellation) };
                }
            }
        }

        var diagnostics = DiagnosticOrder.Sort(problems.AddRange(reader.Diagnostics.ToSortedArray()), files);
        if (diagnostics.Any(d => d.IsError) || report is null) return Failed(diagnostics, rules);
        report = report with { Skipped = reader.Skipped };
        // Compared once, here, after evaluation: every writer gets the same changes with the report.
        if (stream.Baseline is { } baseline) report = report with { Baseline = BaselineComparer.Compare(baseline, report.Instances) };
        var findings = Validation.Lint.Linter.Findings(bound, rules, histories.Count == 0 ? null : facts, stream.Lint, files);
        return new StreamedCheck(new CheckOutcome(report, diagnostics) { Rules = rules }, findings, notes.ToImmutable()) { Explanations = explanations, EventExplanation = eventExplanation };
    }

    /// <summary>
    /// An event needs its attributes, description and text only if a rule names its verb (as a
    /// trigger, an action, an 'until' or a 'there was'), or if lint will point at it; the many
    /// others in a dataset are kept as date, parties and verb.
    /// </summary>
    private static Func<string, LocalDate, bool> NeedsDetail(RuleSet rules)
    {
        // Every version, in force or not: a sweep evaluates the same events under other readings.
        var verbs = rules.Treaties.SelectMany(t => t.DeclaredRules).SelectMany(r => r.VerbsUsed()).ToHashSet(StringComparer.Ordinal);
        var outside = Validation.Lint.LintValidator.OutsideEveryRule(rules)?.Test;
        return (verb, date) => verbs.Contains(verb) || (outside is not null && outside(date, date));
    }

    /// <summary>Lint over the rules and every event of the histories, which are read (and checked) in the order given.</summary>
    private static StreamedCheck LintOnly(RuleSet rules, Binding.BoundRuleSet bound, HistoryReader reader, Validation.Lint.HistoryFacts facts, IReadOnlyList<HistorySource> histories, StreamOptions stream, ImmutableArray<Diagnostic> problems, List<string> files)
    {
        foreach (var _ in Observe(histories.SelectMany(reader.Read), facts, stream)) { }
        var diagnostics = DiagnosticOrder.Sort(problems.AddRange(reader.Diagnostics.ToSortedArray()), files);
        if (diagnostics.Any(d => d.IsError)) return Failed(diagnostics, rules);
        var findings = Validation.Lint.Linter.Findings(bound, rules, histories.Count == 0 ? null : facts, stream.Lint, files);
        return new StreamedCheck(new CheckOutcome(null, diagnostics) { Rules = rules }, findings, []);
    }

    /// <summary>Nothing evaluated; the rule set, when it loaded, still comes back (a rule test names its mistakes against it).</summary>
    private static StreamedCheck Failed(ImmutableArray<Diagnostic> diagnostics, RuleSet? rules = null) => new(new CheckOutcome(null, diagnostics) { Rules = rules }, [], []);

    /// <summary>The events of an enumerator already moved once (<paramref name="hasCurrent"/> tells whether that found one).</summary>
    private static IEnumerable<Event> Rest(IEnumerator<Event> events, bool hasCurrent)
    {
        if (!hasCurrent) yield break;
        do
        {
            yield return events.Current;
        }
        while (events.MoveNext());
    }

    /// <summary>
    /// The merged events; with more than one thread, read ahead on a thread of their own. The merge's
    /// and the reader's state may be read once the enumeration is disposed (the thread joined), and
    /// what <paramref name="afterFirst"/> records once the first event came.
    /// </summary>
    private static IEnumerable<Event> ReadMerged(SortedMerge merge, Action afterFirst, StreamOptions stream) =>
        stream.Threads > 1 && !merge.ReadsAhead ? new ReadAhead<Event>(merge.Events(), afterFirst, stream.Cancellation) : AfterFirst(merge.Events(), afterFirst);

    private static IEnumerable<Event> AfterFirst(IEnumerable<Event> events, Action afterFirst)
    {
        using var e = events.GetEnumerator();
        var any = e.MoveNext();
        afterFirst();
        if (!any) yield break;
        do
        {
            yield return e.Current;
        }
        while (e.MoveNext());
    }

    /// <summary>Lets lint see every event, and reports progress now and then.</summary>
    private static IEnumerable<Event> Observe(IEnumerable<Event> events, Validation.Lint.HistoryFacts facts, StreamOptions stream)
    {
        var count = 0L;
        stream.Cancellation.ThrowIfCancellationRequested();
        foreach (var e in events)
        {
            // Every 4,096 events: often enough to stop within a moment, rarely enough to cost nothing.
            if ((count & 0xFFF) == 0) stream.Cancellation.ThrowIfCancellationRequested();
            facts.Observe(e);
            stream.Observe?.Invoke(e);
            if (++count % stream.ProgressEvery == 0) stream.Progress?.Invoke(count, e.Date);
            yield return e;
        }
    }
}
