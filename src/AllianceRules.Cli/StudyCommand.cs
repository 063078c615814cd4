using System.CommandLine;
using AllianceRules.Cli.CommandLine;
using AllianceRules.Diagnostics;
using AllianceRules.Reporting.Study;

namespace AllianceRules.Cli;

/// <summary>The options of <c>alliance study</c>, as typed.</summary>
internal sealed record StudyRequest(CheckRequest Check, string By, string Split);

/// <summary>
/// <c>alliance study</c>: evaluate as <c>check</c> does, then sum the verdicts up as a Leeds-style
/// reliability study, by alliance and war (docs/replication.md).
/// </summary>
internal sealed class StudyCommand(CommandOutput io)
{
    // Everything check takes but a sweep: the study sums up one evaluation.
    private const EvaluationOption Shared = EvaluationOption.All & ~EvaluationOption.Sweep;

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var paths = CommonOptions.InputPaths();
        var by = new Option<string>("--by")
        {
            HelpName = "ATTRIBUTE",
            Description = "The trigger attribute that names a war (default 'war'): instances are summed up per alliance and value.",
            DefaultValueFactory = _ => "war",
        };
        // Read as text, so a value that is not a year gets the study's own message.
        var split = new Option<string>("--split")
        {
            HelpName = "YEAR",
            Description = "Give figures before and from this year too (default 1945).",
            DefaultValueFactory = _ => "1945",
        };
        var format = new Option<string>("--format")
        {
            HelpName = "text|csv|json",
            Description = "'text' (default): the figures and a line per pair; 'csv': one row per alliance-war pair, for R or Stata; 'json': all of it as data.",
            DefaultValueFactory = _ => "text",
        };
        format.OneOf("text", "csv", "json");
        var output = CommonOptions.Output("the study");
        var command = new Command("study", """
            Evaluate as 'check' does, then sum the verdicts up as a reliability study after Leeds: per
            alliance and war (the trigger's 'war' attribute), overall, by kind of obligation, and before and
            from 1945 (docs/replication.md).
            Exit status: 0 written; 1 written, and some instance has a status named by --fail-on (or is
            violated, with --fail-on-violation); 2 invalid input or command line.
            """)
        {
            paths, by, split, format, output,
        };
        var shared = EvaluationOptionGroup.AddTo(command, Shared);
        command.WithVersion();
        command.SetDiagnosedAction(stdout, stderr, (result, io) => new StudyCommand(io).Run(new StudyRequest(
            new CheckRequest(new InputRequest(result.GetValue(paths) ?? [], shared.Read(result), result.GetValue(output)), result.GetValue(format) ?? "text")
            {
                ShowProgress = CommonOptions.CanShowProgress(stderr) && !io.Structured,
            },
            result.GetValue(by) ?? "war",
            result.GetValue(split) ?? "1945")));
        return command;
    }

    public int Run(StudyRequest request)
    {
        List<Diagnostic> problems = [];
        if (!IsAttributeName(request.By)) problems.Add(DiagnosticCatalog.CommandLine($"--by '{request.By}' is not an attribute name such as 'war'"));
        var split = int.TryParse(request.Split, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 9999 ? year : (int?)null;
        if (split is null) problems.Add(DiagnosticCatalog.CommandLine($"--split '{request.Split}' is not a year such as 1945"));
        if (problems.Count > 0) return io.Fail(problems);

        var check = new CheckCommand(io);
        var wars = new WarParticipation(request.By);
        if (check.Evaluate(request.Check, wars.Observe, out var report, out _, out var rules) is { } failed) return failed;
        var study = ReliabilityStudy.Build(report!, request.By, split!.Value, rules, wars);
        var text = request.Check.Format switch
        {
            "csv" => StudyCsvWriter.Write(study),
            "json" => StudyJsonWriter.Write(study, ToolVersion.Info),
            _ => StudyTextWriter.Write(study),
        };
        if (CommandInput.Write(io.Out, request.Check.Inputs.Output, text) is { } written) return io.Fail([written]);
        return CheckCommand.Verdict(request.Check.Inputs.Args, report!.Instances);
    }

    /// <summary>As attribute names are written in histories: a lower-case letter, then letters, digits, '_' or '-'.</summary>
    internal static bool IsAttributeName(string s) =>
        s.Length > 0 && char.IsAsciiLetterLower(s[0]) && s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-');
}
