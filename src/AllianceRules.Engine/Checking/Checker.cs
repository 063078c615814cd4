using System.Collections.Immutable;
using AllianceRules.History;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Model;
using AllianceRules.Text;

namespace AllianceRules.Checking;

/// <summary>The result of an explanation: the report and the explanations asked for, or the diagnostics that stopped it.</summary>
public sealed record ExplainOutcome(Report? Report, ImmutableArray<Evaluation.Tracing.Explanation> Explanations, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The rule set the report was made from, as <see cref="CheckOutcome.Rules"/>: a caller that shows the report and the explanation needs one run, not two.</summary>
    public RuleSet? Rules { get; init; }
}

/// <summary>The result of <c>explain --event</c>: the report and what the event did, or the diagnostics that stopped it.</summary>
public sealed record EventExplainOutcome(Report? Report, Evaluation.Tracing.EventExplanation? Explanation, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>The result of a check: a report, or the diagnostics that stopped it (then nothing was evaluated).</summary>
public sealed record CheckOutcome(Report? Report, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Succeeded => Report is not null;

    /// <summary>The rule set the report was made from (its treaties, members and rules), for documents that show them; on failure, the rule set if it loaded.</summary>
    public RuleSet? Rules { get; init; }
}

/// <summary>
/// The whole of <c>alliance check</c> without the I/O: rule files and histories in, a report or
/// diagnostics out. The command line and the tests both go through here.
/// </summary>
public static class Checker
{
    /// <summary>The check of texts already in memory: the same pipeline as a streamed check, each history read whole.</summary>
    /// <param name="stream">How to read the histories and what to add to the report (such as a <c>--baseline</c>); null for the defaults.</param>
    public static CheckOutcome Check(IReadOnlyList<SourceFile> ruleFiles, IReadOnlyList<SourceFile> historyFiles, EvaluationOptions? options = null, StreamOptions? stream = null) =>
        CheckPipeline.Check(ruleFiles, Sources(historyFiles), options, stream).Outcome;

    /// <summary>
    /// As <see cref="Check"/>, and explains the instances of <paramref name="ruleId"/> that
    /// <paramref name="select"/> picks, from the same evaluation. The report comes too, so a caller
    /// can say what there was when nothing matched.
    /// </summary>
    public static ExplainOutcome Explain(IReadOnlyList<SourceFile> ruleFiles, IReadOnlyList<SourceFile> historyFiles, EvaluationOptions? options, string ruleId, Func<InstanceResult, bool> select)
    {
        var streamed = CheckPipeline.Check(ruleFiles, Sources(historyFiles), options, new StreamOptions { Explain = new ExplainTarget(ruleId, select) });
        return new ExplainOutcome(streamed.Outcome.Report, streamed.Explanations, streamed.Outcome.Diagnostics) { Rules = streamed.Outcome.Rules };
    }

    /// <summary>
    /// As <see cref="Check"/>, and explains what the event read from <paramref name="line"/> of the
    /// history <paramref name="file"/> (its path as given) did, from the same evaluation. A file not
    /// given, a line past its end, or a line no event was read from (blank, a comment, a header) is AR9027.
    /// </summary>
    public static EventExplainOutcome ExplainEvent(IReadOnlyList<SourceFile> ruleFiles, IReadOnlyList<SourceFile> historyFiles, EvaluationOptions? options, string file, int line)
    {
        var where = $"{file}:{line}";
        if (historyFiles.FirstOrDefault(h => h.Path == file) is not { } history)
        {
            var paths = historyFiles.Select(h => $"'{h.Path}'").ToList();
            var given = paths.Count switch
            {
                0 => "no history was given",
                1 => $"the history given is {paths[0]}",
                <= 8 => "the histories given are " + Friendly.List(paths, "and"),
                _ => $"the histories given are {string.Join(", ", paths.Take(8))} and {paths.Count - 8} more",
            };
            return new EventExplainOutcome(null, null, [DiagnosticCatalog.NoEventThere(where, $"'{file}' is not a history given; {given}{SpellingSuggester.DidYouMean(file, historyFiles.Select(h => h.Path))}")]);
        }
        var lines = history.Text.Length == 0 ? 0 : history.Text.Count(c => c == '\n') + (history.Text.EndsWith('\n') ? 0 : 1);
        if (line > lines)
        {
            return new EventExplainOutcome(null, null, [DiagnosticCatalog.NoEventThere(where, $"'{file}' has {(lines == 1 ? "1 line" : $"{lines} lines")}")]);
        }
        var streamed = CheckPipeline.Check(ruleFiles, Sources(historyFiles), options, new StreamOptions { ExplainEvent = new Checking.EventTarget(file, line) });
        if (streamed.Outcome.Report is null) return new EventExplainOutcome(null, null, streamed.Outcome.Diagnostics);
        if (streamed.EventExplanation is { } explanation) return new EventExplainOutcome(streamed.Outcome.Report, explanation, streamed.Outcome.Diagnostics);
        var text = history.GetLineText(line);
        string? what = text.Trim().Length == 0 ? $"line {line} is blank"
            : text.TrimStart().StartsWith('#') ? $"line {line} is a comment"
            : null;
        var at = history.At(new TextSpan(history.LineStart(line), text.Length));
        // A header, an 'as of' line or a row the reader skipped: no event came from it, which is all that can be said.
        var why = what is null ? $"no event was read from line {line} (a header, an 'as of' line or a skipped row)" : $"{what}, not an event";
        return new EventExplainOutcome(streamed.Outcome.Report, null, [DiagnosticCatalog.NoEventThere(at, where, $"{why}; give the line of an event, as the report cites it")]);
    }

    private static HistorySource[] Sources(IReadOnlyList<SourceFile> historyFiles) => [.. historyFiles.Select(HistorySource.FromSource)];

    /// <summary>
    /// Lint warnings for valid rule files (and histories, when given), as the configuration sets
    /// their levels; invalid input gives its errors instead, and no findings.
    /// </summary>
    public static (ImmutableArray<Diagnostic> Findings, ImmutableArray<Diagnostic> Errors) Lint(IReadOnlyList<SourceFile> ruleFiles, IReadOnlyList<SourceFile> historyFiles, Validation.Lint.LintConfig? config = null)
    {
        var streamed = CheckPipeline.Check(ruleFiles, Sources(historyFiles), null, new StreamOptions { LintOnly = true, Lint = config });
        var errors = streamed.Outcome.Diagnostics.Where(d => d.IsError).ToImmutableArray();
        return errors.IsEmpty ? (streamed.Findings, []) : ([], streamed.Outcome.Diagnostics);
    }

    /// <summary>
    /// The rule set and its problems, including options that name no assumption; and the verbs
    /// histories are checked against. Histories are checked even when the rules are broken, so one
    /// run shows every error; but not while a vocabulary block is itself broken, since its verbs are then unknown.
    /// </summary>
    internal static (RuleSet? Rules, Binding.BoundRuleSet Bound, IEnumerable<string>? Verbs, ImmutableArray<Diagnostic> Problems) LoadRules(IReadOnlyList<SourceFile> ruleFiles, EvaluationOptions options)
    {
        var (rules, bound) = RuleSetLoader.LoadBound(ruleFiles);
        var verbs = rules.Value?.Verbs.Select(v => v.Name) ?? DeclaredVerbs(ruleFiles);
        var problems = rules.Diagnostics;
        if (rules.Value is { } ruleSet)
        {
            problems = problems.AddRange(Validation.OptionNames.Check(ruleSet, options.Overrides.Keys, options.ReadingChoices, [.. options.Sweeps.Select(a => (a.Name, (IReadOnlyList<string>)a.Values))]));
        }
        return (rules.Value, bound, verbs, problems);
    }

    /// <summary>
    /// An observed interval claims a history is complete; with no history there is nothing to
    /// claim it of, and a forgotten folder must not read as a record of no consultations.
    /// </summary>
    internal static EvaluationOptions ForHistories(EvaluationOptions options, int histories) =>
        histories == 0 ? options with { Observed = default } : options;

    private static IEnumerable<string>? DeclaredVerbs(IEnumerable<SourceFile> ruleFiles)
    {
        var files = ruleFiles.Select(f => Parsing.RuleFileParser.Parse(f).Syntax).ToList();
        var symbols = Binding.SymbolTable.Build(files);
        return symbols.VerbsComplete ? symbols.VerbNames : null;
    }
}
