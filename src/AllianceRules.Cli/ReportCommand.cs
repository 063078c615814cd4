using System.CommandLine;
using AllianceRules.Checking;
using AllianceRules.Cli.CommandLine;
using AllianceRules.Reporting.Documents;

namespace AllianceRules.Cli;

/// <summary>The options of <c>alliance report</c>, as typed.</summary>
internal sealed record ReportRequest(InputRequest Inputs, string Format);

/// <summary><c>alliance report</c>: the compliance report as a document a person reads and prints (Markdown or HTML).</summary>
internal sealed class ReportCommand(CommandOutput io)
{
    // The document is made from whole files, so no --events-format or --max-memory (yet).
    private const EvaluationOption Shared = EvaluationOption.AsOf | EvaluationOption.Assume | EvaluationOption.Reading | EvaluationOption.Observed | EvaluationOption.Sweep | EvaluationOption.Quiet | EvaluationOption.FailOnViolation | EvaluationOption.Baseline | EvaluationOption.Threads;

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var paths = CommonOptions.InputPaths();
        var format = new Option<string>("--format")
        {
            HelpName = "markdown|html",
            Description = "'markdown' (GitHub-flavoured, default) or 'html' (one self-contained page, for screen and print).",
            DefaultValueFactory = _ => "markdown",
        };
        format.OneOf("markdown", "html");
        var output = CommonOptions.Output();
        var command = new Command("report", """
            Write a compliance report a person can read and print: inputs with their hashes, assumptions,
            each treaty's members and rules, each crisis with its obligations and timeline, reliability
            per party and per kind, and what is pending or excused.
            Exit status: 0 written; 1 written, and some instance has a status named by --fail-on (or is
            violated, with --fail-on-violation); 2 invalid input or command line.
            """)
        {
            paths, format, output,
        };
        var shared = EvaluationOptionGroup.AddTo(command, Shared);
        command.WithVersion();
        command.SetDiagnosedAction(stdout, stderr, (result, io) => new ReportCommand(io).Run(new ReportRequest(
            new InputRequest(result.GetValue(paths) ?? [], shared.Read(result), result.GetValue(output)),
            result.GetValue(format) ?? "markdown")));
        return command;
    }

    public int Run(ReportRequest request)
    {
        var (input, problems) = CommandInput.Read(request.Inputs);
        if (input is null) return io.Fail(problems);
        var outcome = Checker.Check(input.RuleFiles, input.HistoryFiles, input.Options, new StreamOptions { Baseline = input.Baseline, Threads = request.Inputs.Args.Threads });
        if (outcome.Report is not { } report || outcome.Rules is not { } rules) return io.Fail(outcome.Diagnostics);
        var document = ComplianceDocument.Build(rules, report, input.Digests);
        var text = request.Format == "html" ? HtmlReportWriter.Write(document) : MarkdownReportWriter.Write(document);
        if (CommandInput.Write(io.Out, request.Inputs.Output, text) is { } failed) return io.Fail([failed]);
        return CheckCommand.Verdict(request.Inputs.Args, report.Instances);
    }
}
