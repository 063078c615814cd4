using AllianceRules.Text;

namespace AllianceRules.Diagnostics;

/// <summary>
/// A problem with the user's input. User errors are values: every phase returns these, none throws.
/// <paramref name="File"/> is null for problems that belong to no file (the command line).
/// </summary>
public sealed record Diagnostic(string Code, Severity Severity, SourceFile? File, TextSpan Span, string Message)
{
    public bool IsError => Severity == Severity.Error;

    public LinePosition? Position => File?.GetPosition(Span.Start);

    /// <summary>
    /// The edit the diagnostic's did-you-mean suggests, or null: text and command-line output
    /// never show it (the message already says the suggestion); editors offer it as a quick fix.
    /// </summary>
    public DiagnosticFix? Fix { get; init; }
}

/// <summary>Replace <paramref name="Span"/> (of the diagnostic's file) with <paramref name="Replacement"/>.</summary>
public sealed record DiagnosticFix(TextSpan Span, string Replacement);
