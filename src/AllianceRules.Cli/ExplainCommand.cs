using System.CommandLine;
using AllianceRules.Checking;
using AllianceRules.Cli.CommandLine;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Reporting;
using AllianceRules.Text;

namespace AllianceRules.Cli;

/// <summary>The options of <c>alliance explain</c>, as typed.</summary>
internal sealed record ExplainRequest(InputRequest Inputs, string? Instance, string? Rule, string? Party, string? On, string Format)
{
    /// <summary><c>--event FILE:LINE</c>: explain what one event did instead of one instance.</summary>
    public string? Event { get; init; }
}

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
        var @event = new Option<string?>("--event")
        {
            HelpName = "FILE:LINE",
            Description = "Explain the event on this line of a history instead: for each rule whose trigger has its verb, whether it fired and, if not, why not.",
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
            With --event FILE:LINE, explain what one event did: each rule whose trigger has its verb, and
            which part failed (pattern, where, parties, effective, horizon), or the instances it opened.
            Exit status: 0 explained; 1 explained and an instance explained has a status named by --fail-on
            (or is violated, with --fail-on-violation); 2 invalid input, command line, no instance matches, or no event is on that line.
            """)
        {
            paths, instance, rule, party, on, @event, format, output,
        };
        var shared = EvaluationOptionGroup.AddTo(command, Shared);
        command.WithVersion();
        command.SetDiagnosedAction(stdout, stderr, (result, io) => new ExplainCommand(io).Run(new ExplainRequest(
            new InputRequest(result.GetValue(paths) ?? [], shared.Read(result), result.GetValue(output)),
            result.GetValue(instance),
            result.GetValue(rule),
            result.GetValue(party),
            result.GetValue(on),
            result.GetValue(format) ?? "text") { Event = result.GetValue(@event) }));
        return command;
    }

    public int Run(ExplainRequest request)
    {
        if (Selection(request) is { } problem) return io.Fail([problem]);
        var (input, problems) = CommandInput.Read(request.Inputs);
        if (input is null) return io.Fail(problems);
        if (request.Event is { } asked) return RunEvent(request, input, asked);

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

    /// <summary><c>--event FILE:LINE</c>: what the event read from that line did, rule by rule.</summary>
    private int RunEvent(ExplainRequest request, PreparedInput input, string asked)
    {
        var (file, line) = EventLocation(asked)!.Value;
        // FILE as the report cites it, or as another spelling of the same path (./seeds/x.events, an absolute path).
        var cited = input.HistoryFiles.FirstOrDefault(h => h.Path == file) ?? input.HistoryFiles.FirstOrDefault(h => SamePath(h.Path, file));
        var outcome = Checker.ExplainEvent(input.RuleFiles, input.HistoryFiles, input.Options, cited?.Path ?? file, line);
        if (outcome.Explanation is not { } explanation) return io.Fail(outcome.Diagnostics);
        var written = request.Format == "json"
            ? CommandInput.Write(io.Out, request.Inputs.Output, stream => EventExplanationJsonWriter.Write(explanation, ToolVersion.Info, stream))
            : CommandInput.Write(io.Out, request.Inputs.Output, EventExplanationTextWriter.Write(explanation));
        if (written is not null) return io.Fail([written]);
        return CheckCommand.Verdict(request.Inputs.Args, explanation.Rules.SelectMany(r => r.Instances).Concat(explanation.Decided));
    }

    private static bool SamePath(string a, string b)
    {
        try
        {
            return string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    /// <summary>FILE and LINE of <c>--event FILE:LINE</c>, split at the last colon (a Windows path has one of its own); null when it is not that.</summary>
    private static (string File, int Line)? EventLocation(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0) return null;
        var number = text[(colon + 1)..];
        if (number.Length == 0 || number.Length > 9 || !number.All(char.IsAsciiDigit)) return null;
        var line = int.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
        return line >= 1 ? (text[..colon], line) : null;
    }

    /// <summary>Exactly one way of choosing: <c>--instance</c>, or <c>--rule</c> with <c>--party</c> (and perhaps <c>--on</c>).</summary>
    private static Diagnostic? Selection(ExplainRequest r)
    {
        if (r.Event is { } asked)
        {
            var other = r.Instance is not null ? "--instance" : r.Rule is not null ? "--rule" : r.Party is not null ? "--party" : r.On is not null ? "--on" : null;
            if (other is not null) return DiagnosticCatalog.OptionsConflict("--event", other, "--event explains one event, whatever rules it concerns; --instance, --rule, --party and --on choose instances");
            return EventLocation(asked) is null
                ? DiagnosticCatalog.CommandLine($"--event '{asked}' is not FILE:LINE with LINE a line number from 1, such as seeds/armenia-2022-09.events:4")
                : null;
        }
        if (r.Instance is not null && (r.Rule ?? r.Party ?? r.On) is not null) return DiagnosticCatalog.CommandLine("give either --instance, or --rule and --party, not both");
        if (r.Instance is { } id && (id.Split('#') is not [{ Length: > 0 } rule, { Length: > 0 } n] || !rule.Contains('.', StringComparison.Ordinal) || !n.All(char.IsAsciiDigit)))
        {
            return DiagnosticCatalog.CommandLine($"--instance '{id}' is not an instance id such as CST.art4-2010#3");
        }
        if (r.Instance is null && (r.Rule is null || r.Party is null)) return DiagnosticCatalog.CommandLine("say which instance to explain: --instance ID, or --rule RULE --party CODE [--on DATE]; or which event: --event FILE:LINE");
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
