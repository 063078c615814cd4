using AllianceRules.Diagnostics;

namespace AllianceRules.Cli.CommandLine;

/// <summary>Where a command writes, and which command it is, so that a usage hint names it.</summary>
internal sealed record CommandOutput(TextWriter Out, TextWriter Error, string CommandPath)
{
    /// <summary>"Run 'alliance check --help' for usage." for the command at hand.</summary>
    public string UsageHint => UsageHintFor(CommandPath);

    public static string UsageHintFor(string commandPath) =>
        commandPath.Length == 0 ? "Run 'alliance --help' for usage." : $"Run 'alliance {commandPath} --help' for usage.";

    /// <summary>Prints the diagnostics (with the usage hint after a command-line error) and gives exit status 2.</summary>
    public int Fail(IEnumerable<Diagnostic> diagnostics)
    {
        var sorted = DiagnosticOrder.Sort(diagnostics);
        foreach (var d in sorted) Error.WriteLine(DiagnosticFormatter.Format(d));
        if (sorted.Any(d => d.Code == DiagnosticCatalog.CommandLineCode)) Error.WriteLine(UsageHint);
        return ExitCode.InvalidInput;
    }
}
