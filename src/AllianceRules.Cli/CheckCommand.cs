using System.Collections.Immutable;
using System.CommandLine;
using AllianceRules.Cli.CommandLine;
using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Reporting;

namespace AllianceRules.Cli;

/// <summary>
/// <c>alliance check</c>: read the rule files and histories, validate them, evaluate, report.
/// All I/O happens here; the engine is pure.
/// </summary>
internal sealed class CheckCommand(CommandOutput io)
{
    private readonly TextWriter stdout = io.Out;
    private readonly TextWriter stderr = io.Error;

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var paths = CommonOptions.InputPaths();
        var format = new Option<string>("--format")
        {
            HelpName = "text|json|csv",
            Description = "Report format: 'text' for people (default), 'json' (language.md §7) or 'csv' (one row per instance, for R or Stata).",
            DefaultValueFactory = _ => "text",
        };
        format.OneOf("text", "json", "csv");
        var output = CommonOptions.Output();
        var explain = new Option<bool>("--explain")
        {
            Description = "In the text report, add to each instance the article it rests on and the lines of its trigger and evidence.",
        };
        var csvAttributes = new Option<string?>("--csv-attributes")
        {
            HelpName = "KEY,...",
            Description = "With --format csv: add columns trigger_attr_KEY and evidence_attr_KEY for these attributes, after the fixed ones.",
        };
        var verbose = new Option<bool>("--verbose")
        {
            Description = "List every skipped row of imported data (file, line, reason) in the text report.",
        };
        var command = new Command("check", """
            Validate rule files and, given event histories, decide every obligation they trigger.
            Exit status: 0 evaluated; 1 evaluated and some instance has a status named by --fail-on (or is
            violated, with --fail-on-violation); 2 invalid input or command line.
            """)
        {
            paths, format, output, explain, verbose, csvAttributes,
        };
        var shared = EvaluationOptionGroup.AddTo(command, EvaluationOption.All | EvaluationOption.Baseline);
        command.WithVersion();
        command.SetDiagnosedAction(stdout, stderr, (result, io) => new CheckCommand(io).Run(new CheckRequest(
            new InputRequest(result.GetValue(paths) ?? [], shared.Read(result), result.GetValue(output)),
            result.GetValue(format) ?? "text",
            result.GetValue(explain))
        {
            Verbose = result.GetValue(verbose),
            CsvAttributes = result.GetValue(csvAttributes),
            ShowProgress = CommonOptions.CanShowProgress(stderr) && !io.Structured,
        }));
        return command;
    }

    public int Run(CheckRequest request)
    {
        // The CSV report is a row per instance: a sweep's table or the explanation lines have no place in it.
        if (request.Format == "csv" && (request.Inputs.Args.Sweeps.Count > 0 || request.Explain))
        {
            return io.Fail([DiagnosticCatalog.OptionsConflict("--format csv", request.Explain ? "--explain" : "--sweep", "the CSV report has one row per instance and no place for " + (request.Explain ? "the explanation lines" : "the sweep's table"))]);
        }
        // Nor for the changes since a baseline, which are rows of another kind (instances gone are no row at all).
        if (request.Format == "csv" && request.Inputs.Args.Baseline is not null)
        {
            return io.Fail([DiagnosticCatalog.OptionsConflict("--format csv", "--baseline", "the CSV report has one row per instance and no place for the instances that changed or disappeared; compare with --format json or text")]);
        }
        if (request.CsvAttributes is not null && request.Format != "csv")
        {
            return io.Fail([DiagnosticCatalog.OptionsConflict("--csv-attributes", "--format " + request.Format, "its columns are for the CSV report; give --format csv")]);
        }
        var columns = CsvColumns(request.CsvAttributes, out var badColumn);
        if (badColumn is not null) return io.Fail([badColumn]);
        if (Evaluate(request, out var report, out var findings) is { } failed) return failed;

        var written = request.Format switch
        {
            "json" => CommandInput.Write(stdout, request.Inputs.Output, stream => JsonReportWriter.Write(report!, ToolVersion.Info, stream, Inputs)),
            "csv" => CommandInput.WriteText(stdout, request.Inputs.Output, writer => CsvReportWriter.Write(report!, writer, columns)),
            _ => CommandInput.WriteText(stdout, request.Inputs.Output, writer => TextReportWriter.Write(report!, writer, request.Explain)),
        };
        if (written is not null) return io.Fail([written]);
        // Lint warnings too (as .alliance-lint sets their levels), on standard error: they never change the exit status.
        if (!request.Inputs.Args.Quiet)
        {
            // Information (AR6015) is for 'lint' alone: a library has many rules a history does not set off.
            io.Report(findings.Where(f => f.Severity != Diagnostics.Severity.Information).Select(f => f with { Severity = Diagnostics.Severity.Warning }));
        }
        return Verdict(request.Inputs.Args, report!.Instances);
    }

    /// <summary>The attribute names of <c>--csv-attributes</c>, each once, in the order given; a diagnostic for one that is no attribute name.</summary>
    private static List<string> CsvColumns(string? text, out Diagnostic? problem)
    {
        problem = null;
        if (text is null) return [];
        var names = text.Split(',', StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (names.FirstOrDefault(n => !StudyCommand.IsAttributeName(n)) is { } bad)
        {
            problem = DiagnosticCatalog.CommandLine($"--csv-attributes '{text}': '{bad}' is not an attribute name such as 'war'; give names separated by commas, such as war,name");
        }
        return names;
    }

    /// <summary>Exit status 1 when some instance has a status of <c>--fail-on</c> (or <c>--fail-on-violation</c>), else 0.</summary>
    public static int Verdict(EvaluationArgs args, IEnumerable<InstanceResult> instances) =>
        args.FailOn.Count > 0 && instances.Any(i => args.FailOn.Contains(i.Status)) ? ExitCode.Violation : ExitCode.Evaluated;

    /// <summary>After <see cref="Evaluate(CheckRequest, out Report?, out ImmutableArray{Diagnostic})"/>: every file read, with its digest.</summary>
    public IReadOnlyList<Reporting.Documents.InputDigest> Inputs { get; private set; } = [];

    /// <summary>
    /// Reads, validates and evaluates as <c>check</c> does, streaming the histories; the exit code
    /// when that failed (its errors already printed), else null with the report and lint findings.
    /// </summary>
    public int? Evaluate(CheckRequest request, out Report? report, out ImmutableArray<Diagnostic> findings) =>
        Evaluate(request, null, out report, out findings, out _);

    /// <summary>As the other overload; <paramref name="observe"/> sees every event read, and <paramref name="rules"/> is the rule set evaluated.</summary>
    public int? Evaluate(CheckRequest request, Action<Model.Event>? observe, out Report? report, out ImmutableArray<Diagnostic> findings, out Model.RuleSet? rules)
    {
        rules = null;
        (report, findings) = (null, []);
        var args = request.Inputs.Args;
        var (input, read) = CommandInput.Read(request.Inputs with { StreamHistories = true });
        var problems = read.ToList();
        var budget = args.MaxMemory is { } text ? MemorySize.Parse(text, problems) : null;
        if (budget is not null && args.Sweeps.Count > 0)
        {
            problems.Add(DiagnosticCatalog.OptionsConflict("--sweep", "--max-memory", "a sweep evaluates the history once per value, so it holds the history in memory"));
        }
        if (input is null || problems.Count > 0) return io.Fail(problems);

        var (config, _) = LintCommand.ReadConfig(null);
        using var progress = new ProgressLine(stderr, request.ShowProgress && !args.Quiet);
        using var spills = new SpillFiles();
        StreamedCheck streamed;
        try
        {
            streamed = CheckPipeline.Check(input.RuleFiles, input.HistorySources, input.Options, new StreamOptions
            {
                MaxMemoryBytes = budget,
                CreateSpill = spills.Create,
                Progress = progress.Report,
                KeepSkippedRows = request.Verbose,
                Lint = config,
                Observe = observe,
                Baseline = input.Baseline,
                Threads = args.Threads,
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Histories that fail are caught as they are read; what is left is the sort's temporary files.
            progress.Clear();
            return io.Fail([DiagnosticCatalog.CannotSortOnDisk(e.Message.TrimEnd('.'))]);
        }
        progress.Clear();
        if (input.Streams.Failures.Count > 0) return io.Fail(input.Streams.Failures);
        Inputs = input.AllDigests();
        if (input.Streams.Failures.Count > 0) return io.Fail(input.Streams.Failures);
        var outcome = streamed.Outcome;
        findings = streamed.Findings;
        if (!args.Quiet)
        {
            foreach (var note in streamed.Notes) io.Note(note);
        }
        if (outcome.Report is null) return io.Fail(outcome.Diagnostics);
        report = outcome.Report;
        rules = outcome.Rules;
        return null;
    }
}
