using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Reporting;
using AllianceRules.Text;

namespace AllianceRules.Cli;

/// <summary>The options of <c>alliance explain</c>, as typed.</summary>
public sealed record ExplainRequest(InputRequest Inputs, string? Instance, string? Rule, string? Party, string? On, string Format);

/// <summary><c>alliance explain</c>: how the engine decided one instance (or the instances of a rule for a party).</summary>
public sealed class ExplainCommand(TextWriter stdout, TextWriter stderr)
{
    public static readonly string[] KnownOptions = ["--as-of", "--assume", "--observed", "--instance", "--rule", "--party", "--on", "--format", "--output", "--help"];

    public int Run(ExplainRequest request)
    {
        if (Selection(request) is { } problem) return CommandInput.Fail(stderr, [problem]);
        var (input, problems) = CommandInput.Read(request.Inputs, KnownOptions);
        if (input is null) return CommandInput.Fail(stderr, problems);

        var on = request.On is null ? null : DateText.TryParse(request.On);
        var ruleId = request.Instance is { } id ? id.Split('#')[0] : request.Rule!;
        Func<InstanceResult, bool> select = request.Instance is { } wanted
            ? i => i.Id == wanted
            : i => i.Party == request.Party && (on is null || i.TriggeredOn == on);
        var outcome = Checker.Explain(input.RuleFiles, input.HistoryFiles, input.Options, ruleId, select);
        if (outcome.Report is not { } report) return CommandInput.Fail(stderr, outcome.Diagnostics);
        if (outcome.Explanations.IsEmpty) return CommandInput.Fail(stderr, [NoMatch(request, ruleId, report)]);

        var written = request.Format == "json"
            ? CommandInput.Write(stdout, request.Inputs.Output, stream => ExplanationJsonWriter.Write(outcome.Explanations, ToolVersion.Info, stream))
            : CommandInput.Write(stdout, request.Inputs.Output, ExplanationTextWriter.Write(outcome.Explanations));
        return written is null ? ExitCode.Evaluated : CommandInput.Fail(stderr, [written]);
    }

    /// <summary>Exactly one way of choosing: <c>--instance</c>, or <c>--rule</c> with <c>--party</c> (and perhaps <c>--on</c>).</summary>
    private static Diagnostic? Selection(ExplainRequest r)
    {
        if (r.Instance is not null && (r.Rule ?? r.Party ?? r.On) is not null) return DiagnosticCatalog.CommandLine("give either --instance, or --rule and --party, not both");
        if (r.Instance is { } id && (id.Split('#') is not [{ Length: > 0 } rule, { Length: > 0 } n] || !rule.Contains('.', StringComparison.Ordinal) || !n.All(char.IsAsciiDigit)))
        {
            return DiagnosticCatalog.CommandLine($"--instance '{id}' is not an instance id such as CST.art4-2010#3");
        }
        if (r.Instance is null && (r.Rule is null || r.Party is null)) return DiagnosticCatalog.CommandLine("say which instance to explain: --instance ID, or --rule RULE --party CODE [--on DATE]");
        if (r.On is { } on && DateText.TryParse(on) is null) return DiagnosticCatalog.CommandLine($"--on '{on}' is not a date ({DateText.Problem(on)}); write it like 2022-09-13");
        return null;
    }

    private static Diagnostic NoMatch(ExplainRequest request, string ruleId, Report report)
    {
        var wanted = request.Instance ?? $"{ruleId} for {request.Party}{(request.On is null ? string.Empty : " triggered on " + request.On)}";
        var ofRule = report.Instances.Where(i => i.Rule.QualifiedId == ruleId).ToList();
        var known = report.Instances.Select(i => i.Rule.QualifiedId).Distinct().ToList();
        var hint = ofRule.Count > 0
            ? "; its instances are " + string.Join(", ", ofRule.Take(8).Select(i => $"{i.Id} ({i.Party}, {DateText.Format(i.TriggeredOn)})")) + (ofRule.Count > 8 ? $" and {ofRule.Count - 8} more" : string.Empty)
            : report.Instances.IsEmpty ? "; the report has no instances" : $"; no instance of rule '{ruleId}' is in the report{SpellingSuggester.DidYouMean(ruleId, known)}";
        return DiagnosticCatalog.NoSuchInstance(wanted, hint);
    }
}
