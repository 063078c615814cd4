using System.Collections.Immutable;
using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Evaluation.Tracing;
using AllianceRules.Reporting.Documents;
using AllianceRules.Text;

namespace AllianceRules.Playground.Workspace;

/// <summary>
/// One evaluation of the page: the command line's outcome, arranged as the HTML report arranges
/// it, and the explanation of the verdict asked about, from the same run.
/// </summary>
internal sealed record PageResult(CheckOutcome Outcome, ComplianceDocument? Document)
{
    public ImmutableArray<Diagnostic> Diagnostics => Outcome.Diagnostics;

    public ImmutableDictionary<VerdictKey, InstanceStatus> Statuses { get; } =
        Outcome.Report?.Instances.GroupBy(VerdictKey.Of).ToImmutableDictionary(g => g.Key, g => g.First().Status) ?? ImmutableDictionary<VerdictKey, InstanceStatus>.Empty;

    /// <summary>How the verdict asked about was decided (<c>alliance explain</c>'s steps); empty when none was asked, or it does not arise.</summary>
    public ImmutableArray<Explanation> Explanations { get; init; } = [];
}

/// <summary>
/// The page's only way into the engine: the same <see cref="Checker"/> the command line uses, on
/// the texts in the editors. The browser runs it on its one thread, so every input is bounded
/// first (docs/teaching.md, limits): a file past <see cref="FileBytes"/>, or files past
/// <see cref="TotalBytes"/> together, get the command line's AR9020 and nothing is parsed, and a rule that opens more than <see cref="MaxInstancesPerRule"/>
/// instances stops with AR8001.
/// </summary>
internal static class PlaygroundEngine
{
    /// <summary>The most a file of the page may hold; the command line reads larger ones.</summary>
    public const long FileBytes = 1L << 20;

    public const int MaxInstancesPerRule = 20_000;

    /// <summary>The most all the page's files may hold together: the library and every crisis are about 0.2 MB.</summary>
    public const long TotalBytes = 4L << 20;

    private const string TooLargeWhy = "the playground reads files of at most 1 MB; use the command line for larger ones";

    private const string TotalWhy = "the playground reads at most 4 MB in all; use the command line for more";

    /// <summary>
    /// The page's files evaluated as <c>alliance check</c> would; with <paramref name="explain"/>,
    /// that verdict is explained in the same run, as <c>alliance explain</c> prints it.
    /// </summary>
    public static PageResult Evaluate(IReadOnlyList<WorkFile> files, ChoiceState choices, VerdictKey? explain = null)
    {
        if (TooLarge(files) is { IsEmpty: false } refused) return new PageResult(new CheckOutcome(null, refused), null);
        var (rules, histories) = Split(files);
        var explanations = ImmutableArray<Explanation>.Empty;
        CheckOutcome outcome;
        if (explain is { } key)
        {
            var explained = Checker.Explain(rules, histories, Options(choices), key.Rule, i => VerdictKey.Of(i) == key);
            outcome = new CheckOutcome(explained.Report, explained.Diagnostics) { Rules = explained.Rules };
            explanations = explained.Explanations;
        }
        else
        {
            outcome = Checker.Check(rules, histories, Options(choices));
        }
        var document = outcome is { Report: { } report, Rules: { } ruleSet } ? ComplianceDocument.Build(ruleSet, report, []) : null;
        return new PageResult(outcome, document) { Explanations = explanations };
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

    /// <summary>
    /// AR9020 for each file past <see cref="FileBytes"/>, and for the file that takes the page past
    /// <see cref="TotalBytes"/> (a link may carry several files each under the limit): what the page refuses to read.
    /// </summary>
    internal static ImmutableArray<Diagnostic> TooLarge(IReadOnlyList<WorkFile> files)
    {
        var refused = ImmutableArray.CreateBuilder<Diagnostic>();
        long total = 0;
        foreach (var f in files)
        {
            var size = InputLimits.Utf8Size(f.Text, FileBytes);
            if (size > FileBytes)
            {
                refused.Add(DiagnosticCatalog.FileTooLarge(f.Path, size, FileBytes, TooLargeWhy));
                continue;
            }
            total += size;
            if (total > TotalBytes && refused.Count == 0)
            {
                refused.Add(DiagnosticCatalog.FilesTooLarge(f.Path, total, TotalBytes, TotalWhy));
            }
        }
        return refused.ToImmutable();
    }
}
