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
}
