using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Reporting;
using AllianceRules.Text;
using System.Collections.Immutable;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Cli;

/// <summary>
/// <c>alliance check</c>: read the rule files and histories, validate them, evaluate, report.
/// All I/O happens here; the engine is pure.
/// </summary>
public sealed class CheckCommand(TextWriter stdout, TextWriter stderr)
{
    /// <summary>The options of <c>check</c>, for suggestions when one is misspelt.</summary>
    public static readonly string[] KnownOptions = ["--as-of", "--assume", "--observed", "--format", "--output", "--fail-on-violation", "--help"];

    /// <summary>Reads each <c>--observed FROM..[TO]</c>: an interval the histories record completely.</summary>
    private static ImmutableArray<DateRange> ParseObserved(IReadOnlyList<string> texts, List<Diagnostic> problems)
    {
        var ranges = ImmutableArray.CreateBuilder<DateRange>();
        foreach (var text in texts)
        {
            var parts = text.Split("..");
            if (parts.Length != 2)
            {
                problems.Add(DiagnosticCatalog.BadObserved(text, "it needs one '..' between the dates"));
                continue;
            }
            var (fromText, toText) = (parts[0].Trim(), parts[1].Trim());
            var from = DateText.TryParse(fromText);
            var to = toText.Length == 0 ? null : DateText.TryParse(toText);
            if (from is not { } f) problems.Add(DiagnosticCatalog.BadObserved(text, $"'{fromText}' is not a date: {DateText.Problem(fromText)}"));
            else if (toText.Length > 0 && to is null) problems.Add(DiagnosticCatalog.BadObserved(text, $"'{toText}' is not a date: {DateText.Problem(toText)}"));
            else if (to is { } t && t <= f) problems.Add(DiagnosticCatalog.BadObserved(text, "its end is not after its start"));
            else ranges.Add(new DateRange(f, to));
        }
        return ranges.ToImmutable();
    }

    public int Run(CheckRequest request)
    {
        var problems = new List<Diagnostic>();
        foreach (var option in request.Paths.Where(p => p.StartsWith('-') && !File.Exists(p) && !Directory.Exists(p)))
        {
            problems.Add(DiagnosticCatalog.CommandLine($"unknown option '{option}'{SpellingSuggester.DidYouMean(option, KnownOptions)}"));
        }
        if (problems.Count > 0)
        {
            Fail(problems);
            stderr.WriteLine(AllianceProgram.UsageHint);
            return ExitCode.InvalidInput;
        }
        LocalDate? asOf = null;
        if (request.AsOf is { } asOfText)
        {
            asOf = DateText.TryParse(asOfText);
            if (asOf is null) problems.Add(DiagnosticCatalog.BadAsOf(asOfText));
        }
        var overrides = ParseOverrides(request.Assume, problems);
        var observed = ParseObserved(request.Observed ?? [], problems);

        var (inputs, discoveryProblems) = InputDiscovery.Discover(request.Paths);
        problems.AddRange(discoveryProblems);
        if (request.Output is { } output && inputs.Any(i => i.FullPath == InputDiscovery.RealPath(Path.GetFullPath(output))))
        {
            problems.Add(DiagnosticCatalog.OutputIsInput(output));
        }
        var sources = new Dictionary<InputFile, SourceFile>();
        foreach (var input in inputs)
        {
            try
            {
                sources[input] = new SourceFile(input.DisplayPath, File.ReadAllText(input.FullPath));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(DiagnosticCatalog.CannotRead(input.DisplayPath, e.Message));
            }
        }
        if (problems.Count > 0) return Fail(problems);

        var ruleFiles = inputs.Where(i => i.Kind == InputKind.Rules).Select(i => sources[i]).ToList();
        var historyFiles = inputs.Where(i => i.Kind != InputKind.Rules).Select(i => sources[i]).ToList();
        var outcome = Checker.Check(ruleFiles, historyFiles, new EvaluationOptions(asOf, overrides, observed));
        if (outcome.Report is not { } report) return Fail(outcome.Diagnostics);

        var json = request.Format == "json";
        if (request.Output is { } path)
        {
            var existed = File.Exists(path);
            var why = json
                ? AtomicFile.TryWrite(path, stream => JsonReportWriter.Write(report, stream))
                : AtomicFile.TryWrite(path, TextReportWriter.Write(report));
            if (why is not null) return Fail([DiagnosticCatalog.CannotWriteOutput(path, why, existed)]);
        }
        else
        {
            stdout.Write(json ? JsonReportWriter.Write(report) : TextReportWriter.Write(report));
        }
        var violated = report.Instances.Any(i => i.Status == InstanceStatus.Violated);
        return request.FailOnViolation && violated ? ExitCode.Violation : ExitCode.Evaluated;
    }

    private int Fail(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in DiagnosticOrder.Sort(diagnostics)) stderr.WriteLine(DiagnosticFormatter.Format(d));
        return ExitCode.InvalidInput;
    }

    private static Dictionary<string, Period> ParseOverrides(IEnumerable<string> assume, List<Diagnostic> problems)
    {
        var overrides = new Dictionary<string, Period>(StringComparer.Ordinal);
        foreach (var item in assume)
        {
            var parts = item.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                problems.Add(DiagnosticCatalog.BadAssumeSyntax(item));
                continue;
            }
            if (PeriodParser.TryParse(parts[1]) is not { } period) problems.Add(DiagnosticCatalog.BadAssumePeriod(parts[0], parts[1]));
            else if (!overrides.TryAdd(parts[0], period)) problems.Add(DiagnosticCatalog.RepeatedAssume(parts[0]));
        }
        return overrides;
    }
}
