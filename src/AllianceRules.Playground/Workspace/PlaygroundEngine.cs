using System.Collections.Immutable;
using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Reporting.Documents;
using AllianceRules.Text;

namespace AllianceRules.Playground.Workspace;

/// <summary>One evaluation of the page: the command line's outcome, arranged as the HTML report arranges it.</summary>
internal sealed record PageResult(CheckOutcome Outcome, ComplianceDocument? Document)
{
    public ImmutableArray<Diagnostic> Diagnostics => Outcome.Diagnostics;

    public ImmutableDictionary<VerdictKey, InstanceStatus> Statuses { get; } =
        Outcome.Report?.Instances.GroupBy(VerdictKey.Of).ToImmutableDictionary(g => g.Key, g => g.First().Status) ?? ImmutableDictionary<VerdictKey, InstanceStatus>.Empty;
}

/// <summary>
/// The page's only way into the engine: the same <see cref="Checker"/> the command line uses, on
/// the texts in the editors. The browser runs it on its one thread, so every input is bounded
/// first (docs/teaching.md, limits): a file past <see cref="FileBytes"/> gets the command line's
/// AR9020 and is not parsed, and a rule that opens more than <see cref="MaxInstancesPerRule"/>
/// instances stops with AR8001.
/// </summary>
internal static class PlaygroundEngine
{
    /// <summary>The most a file of the page may hold; the command line reads larger ones.</summary>
    public const long FileBytes = 1L << 20;

    public const int MaxInstancesPerRule = 20_000;

    private const string TooLargeWhy = "the playground reads files of at most 1 MB; use the command line for larger ones";

    public static PageResult Evaluate(IReadOnlyList<WorkFile> files, ChoiceState choices)
    {
        if (TooLarge(files) is { IsEmpty: false } refused) return new PageResult(new CheckOutcome(null, refused), null);
        var (rules, histories) = Split(files);
        var outcome = Checker.Check(rules, histories, Options(choices));
        var document = outcome is { Report: { } report, Rules: { } ruleSet } ? ComplianceDocument.Build(ruleSet, report, []) : null;
        return new PageResult(outcome, document);
    }

    /// <summary>The seven steps of one instance, as <c>alliance explain</c> prints them.</summary>
    public static ExplainOutcome Explain(IReadOnlyList<WorkFile> files, ChoiceState choices, VerdictKey key)
    {
        if (TooLarge(files) is { IsEmpty: false } refused) return new ExplainOutcome(null, [], refused);
        var (rules, histories) = Split(files);
        return Checker.Explain(rules, histories, Options(choices), key.Rule, i => VerdictKey.Of(i) == key);
    }

    /// <summary>What one history line set off, or why nothing, as <c>alliance explain --event</c> prints it.</summary>
    public static EventExplainOutcome WhyNot(IReadOnlyList<WorkFile> files, ChoiceState choices, string path, int line)
    {
        if (TooLarge(files) is { IsEmpty: false } refused) return new EventExplainOutcome(null, null, refused);
        var (rules, histories) = Split(files);
        return Checker.ExplainEvent(rules, histories, Options(choices), path, line);
    }

    /// <summary>The options the controls set, as the command line's <c>--assume</c> and <c>--reading</c> give them.</summary>
    public static EvaluationOptions Options(ChoiceState choices) => new(
        AsOf: null,
        AssumptionOverrides: choices.Assumptions
            .Select(a => (a.Key, Period: DurationText.TryParse(a.Value)))
            .Where(a => a.Period is not null)
            .ToDictionary(a => a.Key, a => a.Period!, StringComparer.Ordinal))
    {
        ReadingChoices = choices.Readings,
        MaxInstancesPerRule = MaxInstancesPerRule,
    };

    private static (SourceFile[] Rules, SourceFile[] Histories) Split(IReadOnlyList<WorkFile> files) => (
        [.. files.Where(f => f.IsRules).Select(f => new SourceFile(f.Path, f.Text))],
        [.. files.Where(f => f.IsHistory).Select(f => new SourceFile(f.Path, f.Text))]);

    /// <summary>AR9020 for each file past <see cref="FileBytes"/>: what the page refuses to read.</summary>
    internal static ImmutableArray<Diagnostic> TooLarge(IReadOnlyList<WorkFile> files) =>
        [.. files
            .Select(f => (f.Path, Size: InputLimits.Utf8Size(f.Text, FileBytes)))
            .Where(f => f.Size > FileBytes)
            .Select(f => DiagnosticCatalog.FileTooLarge(f.Path, f.Size, FileBytes, TooLargeWhy))];
}
