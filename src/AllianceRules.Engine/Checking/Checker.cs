using System.Collections.Immutable;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Model;
using AllianceRules.Text;

namespace AllianceRules.Checking;

/// <summary>The result of a check: a report, or the diagnostics that stopped it (then nothing was evaluated).</summary>
public sealed record CheckOutcome(Report? Report, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Succeeded => Report is not null;
}

/// <summary>
/// The whole of <c>alliance check</c> without the I/O: rule files and histories in, a report or
/// diagnostics out. The command line and the tests both go through here.
/// </summary>
public static class Checker
{
    public static CheckOutcome Check(IReadOnlyList<SourceFile> ruleFiles, IReadOnlyList<SourceFile> historyFiles, EvaluationOptions? options = null)
    {
        options ??= new EvaluationOptions();
        if (ruleFiles.Count == 0) return new CheckOutcome(null, [DiagnosticCatalog.NoInput()]);
        var rules = RuleSetLoader.Load(ruleFiles);
        // Histories are checked against the vocabulary even when the rules are broken, so one run shows
        // every error; but not while a vocabulary block is itself broken, since its verbs are then unknown.
        var verbs = rules.Value?.Verbs.Select(v => v.Name) ?? DeclaredVerbs(ruleFiles);
        var history = HistoryLoader.Load(historyFiles, verbs);
        var problems = rules.Diagnostics.AddRange(history.Diagnostics);
        if (rules.Value is { } ruleSet) problems = problems.AddRange(CheckOverrideNames(ruleSet, options.Overrides.Keys));
        if (problems.Any(p => p.IsError) || rules.Value is null || history.Value is null)
        {
            return new CheckOutcome(null, DiagnosticOrder.Sort(problems));
        }
        // An observed interval claims a history is complete; with no history there is nothing to
        // claim it of, and a forgotten folder must not read as a record of no consultations.
        if (historyFiles.Count == 0) options = options with { Observed = default };
        return new CheckOutcome(Evaluator.Evaluate(rules.Value, history.Value, options), DiagnosticOrder.Sort(problems));
    }

    private static IEnumerable<Diagnostic> CheckOverrideNames(RuleSet rules, IEnumerable<string> names)
    {
        var known = rules.Treaties.SelectMany(t => t.Assumptions).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        return names.Where(n => !known.Contains(n)).Order(StringComparer.Ordinal)
            .Select(n => DiagnosticCatalog.UnknownAssumeOverride(n, known));
    }

    private static IEnumerable<string>? DeclaredVerbs(IEnumerable<SourceFile> ruleFiles)
    {
        var files = ruleFiles.Select(f => Parsing.RuleFileParser.Parse(f).Syntax).ToList();
        var symbols = Binding.SymbolTable.Build(files);
        return symbols.VerbsComplete ? symbols.VerbNames : null;
    }
}
