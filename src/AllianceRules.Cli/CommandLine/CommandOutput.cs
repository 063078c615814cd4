using AllianceRules.Diagnostics;
using AllianceRules.Reporting.DiagnosticDocuments;

namespace AllianceRules.Cli.CommandLine;

/// <summary>
/// Where a command writes, which command it is (so that a usage hint names it), and how its
/// diagnostics are written (<c>--diagnostics-format</c>). Every diagnostic a command prints on
/// standard error goes through here: as text, at once, as always; as JSON or SARIF, collected
/// and written by <see cref="Finish"/> as one document, so standard error holds that and nothing else.
/// </summary>
internal sealed record CommandOutput(TextWriter Out, TextWriter Error, string CommandPath)
{
    private readonly List<Diagnostic> _collected = [];

    /// <summary>How diagnostics are written; text unless <c>--diagnostics-format</c> said otherwise.</summary>
    public DiagnosticsFormat Format { get; init; } = DiagnosticsFormat.Text;

    /// <summary>True when diagnostics make one document: notes and the progress line are then left out.</summary>
    public bool Structured => Format != DiagnosticsFormat.Text;

    /// <summary>"Run 'alliance check --help' for usage." for the command at hand.</summary>
    public string UsageHint => UsageHintFor(CommandPath);

    public static string UsageHintFor(string commandPath) =>
        commandPath.Length == 0 ? "Run 'alliance --help' for usage." : $"Run 'alliance {commandPath} --help' for usage.";

    /// <summary>Prints the diagnostics (with the usage hint after a command-line error, in text) and gives exit status 2.</summary>
    public int Fail(IEnumerable<Diagnostic> diagnostics)
    {
        var sorted = DiagnosticOrder.Sort(diagnostics);
        Report(sorted);
        if (!Structured && sorted.Any(d => d.Code == DiagnosticCatalog.CommandLineCode)) Error.WriteLine(UsageHint);
        return ExitCode.InvalidInput;
    }

    /// <summary>Prints diagnostics that do not stop the command (warnings, lint findings), in the order given.</summary>
    public void Report(IEnumerable<Diagnostic> diagnostics)
    {
        if (Structured)
        {
            _collected.AddRange(diagnostics);
            return;
        }
        foreach (var d in diagnostics) Error.WriteLine(DiagnosticFormatter.Format(d));
    }

    /// <summary>A <c>note:</c> line in text; left out of a JSON or SARIF document, which holds diagnostics only.</summary>
    public void Note(string text)
    {
        if (!Structured) Error.WriteLine($"note: {text}");
    }

    /// <summary>Writes the document of the collected diagnostics (always one, if empty) in JSON or SARIF; passes the exit status through.</summary>
    public int Finish(int exit)
    {
        if (Format == DiagnosticsFormat.Json) Error.Write(DiagnosticJsonWriter.Write(_collected, ToolVersion.Info));
        if (Format == DiagnosticsFormat.Sarif) Error.Write(SarifWriter.Write(_collected, ToolVersion.Info));
        _collected.Clear();
        return exit;
    }
}
