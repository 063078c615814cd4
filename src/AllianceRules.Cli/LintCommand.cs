using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Text;
using AllianceRules.Validation.Lint;

namespace AllianceRules.Cli;

/// <summary>
/// <c>alliance lint PATH... [--config FILE] [--werror]</c>: warnings about valid rule files
/// (and the histories given with them), each with its code (AR6xxx, docs/diagnostics.md).
/// </summary>
public sealed class LintCommand(TextWriter stdout, TextWriter stderr)
{
    /// <summary>The configuration read when no --config is given, if the current folder has one.</summary>
    public const string DefaultConfig = ".alliance-lint";

    public int Run(IReadOnlyList<string> paths, string? configPath, bool werror)
    {
        var (input, problems) = CommandInput.Read(new InputRequest(paths, null, [], null, null), ["--config", "--werror", "--help"]);
        if (input is null) return CommandInput.Fail(stderr, problems);
        var (config, configProblems) = ReadConfig(configPath);
        if (configProblems.Count > 0) return CommandInput.Fail(stderr, configProblems);
        var (findings, errors) = Checker.Lint(input.RuleFiles, input.HistoryFiles, config);
        if (!errors.IsEmpty) return CommandInput.Fail(stderr, errors);
        foreach (var finding in findings) stdout.WriteLine(DiagnosticFormatter.Format(finding));
        var raised = findings.Count(f => f.IsError);
        var warnings = findings.Length - raised;
        stdout.WriteLine(findings.IsEmpty ? "No lint findings." : $"{Plural(warnings, "warning")}, {Plural(raised, "error")}.");
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
