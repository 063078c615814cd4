using System.CommandLine;
using AllianceRules.Checking;
using AllianceRules.Cli.CommandLine;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Reporting;
using AllianceRules.Text;

namespace AllianceRules.Cli;

/// <summary>The options of <c>alliance explain</c>, as typed.</summary>
internal sealed record ExplainRequest(InputRequest Inputs, string? Instance, string? Rule, string? Party, string? On, string Format);

/// <summary><c>alliance explain</c>: how the engine decided one instance (or the instances of a rule for a party).</summary>
internal sealed class ExplainCommand(CommandOutput io)
{
    // What explain's evaluation takes of the shared group: it reads whole files, so no --events-format or --max-memory (yet).
    private const EvaluationOption Shared = EvaluationOption.AsOf | EvaluationOption.Assume | EvaluationOption.Reading | EvaluationOption.Observed | EvaluationOption.Quiet | EvaluationOption.FailOnViolation;

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var paths = CommonOptions.InputPaths();
        var instance = new Option<string?>("--instance")
        {
            HelpName = "ID",
            Description = "The instance to explain, by its id in the report, e.g. CST.art4-2010#5.",
        };
        var rule = new Option<string?>("--rule")
        {
            HelpName = "RULE",
            Description = "Explain the instances of this rule (with --party), e.g. CST.art4-2010.",
        };
        var party = new Option<string?>("--party")
        {
            HelpName = "CODE",
            Description = "The obligated party, e.g. RUS (with --rule).",
        };
        var on = new Option<string?>("--on")
        {
            HelpName = "DATE",
            Description = "Only the instance triggered on this date (with --rule and --party).",
        };
        var format = new Option<string>("--format")
        {
            HelpName = "text|json",
            Description = "'text': numbered steps in plain English (default); 'json': the same trace as data.",
            DefaultValueFactory = _ => "text",
        };
        format.OneOf("text", "json");
        var output = CommonOptions.Output("the explanation");
        var command = new Command("explain", """
            Explain how the engine decided an instance: its trigger, the rule in force, each condition,
            the parties obligated, the window, the events examined and the verdict.
            Exit status: 0 explained; 1 explained and --fail-on-violation was given and an instance explained is violated;
            2 invalid input, command line, or no instance matches.
            """)
        {
            paths, instance, rule, party, on, format, output,
        };
        var shared = EvaluationOptionGroup.AddTo(command, Shared);
        command.WithVersion();
        command.SetAction(result => new ExplainCommand(new CommandOutput(stdout, stderr, "explain")).Run(new ExplainRequest(
            new InputRequest(result.GetValue(paths) ?? [], shared.Read(result), result.GetValue(output)),
            result.GetValue(instance),
            result.GetValue(rule),
            result.GetValue(party),
            result.GetValue(on),
            result.GetValue(format) ?? "text")));
        return command;
    }

    public int Run(ExplainRequest request)
    {
        if (Selection(request) is { } problem) return io.Fail([problem]);
        var (input, problems) = CommandInput.Read(request.Inputs);
        if (input is null) return io.Fail(problems);

        var on = request.On is null ? null : DateText.TryParse(request.On);
        var ruleId = request.Instance is { } id ? id.Split('#')[0] : request.Rule!;
        Func<InstanceResult, bool> select = request.Instance is { } wanted
            ? i => i.Id == wanted
            : i => i.Party == request.Party && (on is null || i.TriggeredOn == on);
        var outcome = Checker.Explain(input.RuleFiles, input.HistoryFiles, input.Options, ruleId, select);
        if (outcome.Report is not { } report) return io.Fail(outcome.Diagnostics);
        if (outcome.Explanations.IsEmpty) return io.Fail([NoMatch(request, ruleId, report)]);

        var written = request.Format == "json"
            ? CommandInput.Write(io.Out, request.Inputs.Output, stream => ExplanationJsonWriter.Write(outcome.Explanations, ToolVersion.Info, stream))
            : CommandInput.Write(io.Out, request.Inputs.Output, ExplanationTextWriter.Write(outcome.Explanations));
        if (written is not null) return io.Fail([written]);
        return CheckCommand.Verdict(request.Inputs.Args, report.Instances.Where(i => i.Rule.QualifiedId == ruleId && select(i)));
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
