using System.Collections.Immutable;
using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Reporting;

namespace AllianceRules.Cli;

/// <summary>
/// <c>alliance check</c>: read the rule files and histories, validate them, evaluate, report.
/// All I/O happens here; the engine is pure.
/// </summary>
public sealed class CheckCommand(TextWriter stdout, TextWriter stderr)
{
    /// <summary>The options of <c>check</c>, for suggestions when one is misspelt.</summary>
    public static readonly string[] KnownOptions = ["--as-of", "--assume", "--observed", "--format", "--output", "--fail-on-violation", "--explain", "--sweep", "--max-memory", "--quiet", "--verbose", "--events-format", "--help"];

    public int Run(CheckRequest request)
    {
        // The CSV report is a row per instance: a sweep's table or the explanation lines have no place in it.
        if (request.Format == "csv" && (request.Inputs.Sweep is not null || request.Explain))
        {
            return CommandInput.Fail(stderr, [DiagnosticCatalog.OptionsConflict("--format csv", request.Explain ? "--explain" : "--sweep", "the CSV report has one row per instance and no place for " + (request.Explain ? "the explanation lines" : "the sweep's table"))]);
        }
        if (Evaluate(request, KnownOptions, out var report, out var findings) is { } failed) return failed;

        var written = request.Format switch
        {
            "json" => CommandInput.Write(stdout, request.Inputs.Output, stream => JsonReportWriter.Write(report!, ToolVersion.Info, stream)),
            "csv" => CommandInput.Write(stdout, request.Inputs.Output, CsvReportWriter.Write(report!)),
            _ => CommandInput.Write(stdout, request.Inputs.Output, TextReportWriter.Write(report!, request.Explain)),
        };
        if (written is not null) return CommandInput.Fail(stderr, [written]);
        // Lint warnings too (as .alliance-lint sets their levels), on standard error: they never change the exit status.
        foreach (var finding in findings)
        {
            stderr.WriteLine(DiagnosticFormatter.Format(finding with { Severity = Diagnostics.Severity.Warning }));
        }
        var violated = report!.Instances.Any(i => i.Status == InstanceStatus.Violated);
        return request.FailOnViolation && violated ? ExitCode.Violation : ExitCode.Evaluated;
    }

    /// <summary>
    /// Reads, validates and evaluates as <c>check</c> does, streaming the histories; the exit code
    /// when that failed (its errors already printed), else null with the report and lint findings.
    /// </summary>
    public int? Evaluate(CheckRequest request, string[] knownOptions, out Report? report, out ImmutableArray<Diagnostic> findings)
    {
        (report, findings) = (null, []);
        var (input, read) = CommandInput.Read(request.Inputs with { StreamHistories = true, EventsFormat = request.EventsFormat }, knownOptions);
        var problems = read.ToList();
        var budget = request.MaxMemory is { } text ? MemorySize.Parse(text, problems) : null;
        if (budget is not null && request.Inputs.Sweep is not null)
        {
            problems.Add(DiagnosticCatalog.OptionsConflict("--sweep", "--max-memory", "a sweep evaluates the history once per value, so it holds the history in memory"));
        }
        if (input is null || problems.Count > 0) return CommandInput.Fail(stderr, problems);

        var (config, _) = LintCommand.ReadConfig(null);
        using var progress = new ProgressLine(stderr, request.ShowProgress && !request.Quiet);
        using var spills = new SpillFiles();
        StreamedCheck streamed;
        try
        {
            streamed = StreamingChecker.Check(input.RuleFiles, input.HistorySources, input.Options, new StreamOptions
            {
                MaxMemoryBytes = budget,
                CreateSpill = spills.Create,
                Progress = progress.Report,
                KeepSkippedRows = request.Verbose,
                Lint = config,
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Histories that fail are caught as they are read; what is left is the sort's temporary files.
            progress.Clear();
            return CommandInput.Fail(stderr, [DiagnosticCatalog.CannotSortOnDisk(e.Message.TrimEnd('.'))]);
        }
        progress.Clear();
        if (input.Streams.Failures.Count > 0) return CommandInput.Fail(stderr, input.Streams.Failures);
        var outcome = streamed.Outcome;
        findings = streamed.Findings;
        if (!request.Quiet)
        {
            foreach (var note in streamed.Notes) stderr.WriteLine($"note: {note}");
        }
        if (outcome.Report is null) return CommandInput.Fail(stderr, outcome.Diagnostics);
        report = outcome.Report;
        return null;
    }
}
