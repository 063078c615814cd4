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
    public static readonly string[] KnownOptions = ["--as-of", "--assume", "--observed", "--format", "--output", "--fail-on-violation", "--explain", "--sweep", "--help"];

    public int Run(CheckRequest request)
    {
        var (input, problems) = CommandInput.Read(request.Inputs, KnownOptions);
        if (input is null) return CommandInput.Fail(stderr, problems);

        var (config, _) = LintCommand.ReadConfig(null);
        var (outcome, findings) = Checker.CheckAndLint(input.RuleFiles, input.HistoryFiles, input.Options, config);
        if (outcome.Report is not { } report) return CommandInput.Fail(stderr, outcome.Diagnostics);

        var written = request.Format == "json"
            ? CommandInput.Write(stdout, request.Inputs.Output, stream => JsonReportWriter.Write(report, stream))
            : CommandInput.Write(stdout, request.Inputs.Output, TextReportWriter.Write(report, request.Explain));
        if (written is not null) return CommandInput.Fail(stderr, [written]);
        // Lint warnings too (as .alliance-lint sets their levels), on standard error: they never change the exit status.
        foreach (var finding in findings)
        {
            stderr.WriteLine(DiagnosticFormatter.Format(finding with { Severity = Diagnostics.Severity.Warning }));
        }
        var violated = report.Instances.Any(i => i.Status == InstanceStatus.Violated);
        return request.FailOnViolation && violated ? ExitCode.Violation : ExitCode.Evaluated;
    }
}
