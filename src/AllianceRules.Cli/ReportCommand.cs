using AllianceRules.Checking;
using AllianceRules.Reporting.Documents;

namespace AllianceRules.Cli;

/// <summary>The options of <c>alliance report</c>, as typed.</summary>
public sealed record ReportRequest(InputRequest Inputs, string Format);

/// <summary><c>alliance report</c>: the compliance report as a document a person reads and prints (Markdown or HTML).</summary>
public sealed class ReportCommand(TextWriter stdout, TextWriter stderr)
{
    public static readonly string[] KnownOptions = ["--as-of", "--assume", "--observed", "--sweep", "--format", "--output", "--help"];

    public int Run(ReportRequest request)
    {
        var (input, problems) = CommandInput.Read(request.Inputs, KnownOptions);
        if (input is null) return CommandInput.Fail(stderr, problems);
        var outcome = Checker.Check(input.RuleFiles, input.HistoryFiles, input.Options);
        if (outcome.Report is not { } report || outcome.Rules is not { } rules) return CommandInput.Fail(stderr, outcome.Diagnostics);
        var document = ComplianceDocument.Build(rules, report, input.Digests);
        var text = request.Format == "html" ? HtmlReportWriter.Write(document) : MarkdownReportWriter.Write(document);
        return CommandInput.Write(stdout, request.Inputs.Output, text) is { } failed ? CommandInput.Fail(stderr, [failed]) : ExitCode.Evaluated;
    }
}
