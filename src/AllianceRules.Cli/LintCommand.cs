using System.CommandLine;
using AllianceRules.Cli.CommandLine;
using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Text;
using AllianceRules.Validation.Lint;

namespace AllianceRules.Cli;

/// <summary>
/// <c>alliance lint PATH... [--config FILE] [--werror]</c>: warnings (and information) about valid
/// rule files and the histories given with them, each with its code (AR6xxx, docs/diagnostics.md).
/// </summary>
internal sealed class LintCommand(CommandOutput io)
{
    private readonly TextWriter stdout = io.Out;

    /// <summary>The configuration read when no --config is given, if the current folder has one.</summary>
    public const string DefaultConfig = ".alliance-lint";

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Rule files and histories, or directories holding them (as for check).",
        };
        var config = new Option<string?>("--config")
        {
            HelpName = "FILE",
            Description = "Levels per code ('AR6005 = off', 'info', 'warning' or 'error'); default: .alliance-lint in the current folder, if any.",
        };
        var werror = new Option<bool>("--werror")
        {
            Description = "Exit with status 1 when there is any warning (information, AR6015, never fails).",
        };
        var command = new Command("lint", """
            Warn about rule files that are valid but probably not what was meant: unused assumptions, verbs
            and variables, rules without citation, versions that overlap or leave a gap, misspelt party
            codes, attribute keys no event carries, and more (AR6xxx). With histories, also tell (as info)
            which rules no event set off, and the nearest miss.
            Exit status: 0 no finding at error level; 1 a finding at error level, or any warning with
            --werror (info never fails); 2 invalid input, configuration or command line.
            """)
        {
            paths, config, werror,
        };
        command.WithVersion();
        command.SetDiagnosedAction(stdout, stderr, (result, io) => new LintCommand(io).Run(result.GetValue(paths) ?? [], result.GetValue(config), result.GetValue(werror)));
        return command;
    }

    public int Run(IReadOnlyList<string> paths, string? configPath, bool werror)
    {
        var (input, problems) = CommandInput.Read(new InputRequest(paths, EvaluationArgs.None, null));
        if (input is null) return io.Fail(problems);
        var (config, configProblems) = ReadConfig(configPath);
        if (configProblems.Count > 0) return io.Fail(configProblems);
        var (findings, errors) = Checker.Lint(input.RuleFiles, input.HistoryFiles, config);
        if (!errors.IsEmpty) return io.Fail(errors);
        // The findings are lint's report, on standard output; as JSON or SARIF they join the one document on standard error.
        if (io.Structured) io.Report(findings);
        else foreach (var finding in findings) stdout.WriteLine(DiagnosticFormatter.Format(finding));
        var raised = findings.Count(f => f.IsError);
        var notes = findings.Count(f => f.Severity == Severity.Information);
        var warnings = findings.Length - raised - notes;
        stdout.WriteLine(findings.IsEmpty ? "No lint findings." : $"{Plural(warnings, "warning")}, {Plural(raised, "error")}{(notes > 0 ? $", {notes} info" : string.Empty)}.");
        // Information is never an error, even with --werror: a library has many rules a history does not set off.
        return raised > 0 || (werror && warnings > 0) ? ExitCode.Violation : ExitCode.Evaluated;
    }

    /// <summary>The lint configuration: the file given, or .alliance-lint in the current folder, or none.</summary>
    public static (LintConfig Config, List<Diagnostic> Problems) ReadConfig(string? path)
    {
        var chosen = path ?? (File.Exists(DefaultConfig) ? DefaultConfig : null);
        if (chosen is null) return (LintConfig.Default, []);
        try
        {
            var (config, diagnostics) = LintConfig.Parse(new SourceFile(chosen, File.ReadAllText(chosen)));
            return (config, [.. diagnostics]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (LintConfig.Default, [File.Exists(chosen) ? DiagnosticCatalog.CannotRead(chosen, e.Message) : DiagnosticCatalog.PathNotFound(chosen)]);
        }
    }

    private static string Plural(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";
}
