using AllianceRules.Text;

namespace AllianceRules.Reporting.DiagnosticDocuments;

/// <summary>
/// A span of a file as 1-based lines and columns, the end just past the last character (as SARIF's
/// <c>endColumn</c>), so that the JSON and SARIF documents place a diagnostic as the text output does.
/// </summary>
internal readonly record struct DiagnosticRegion(int Line, int Column, int EndLine, int EndColumn)
{
    public static DiagnosticRegion Of(SourceFile file, TextSpan span)
    {
        var start = file.GetPosition(span.Start);
        var end = file.GetPosition(span.End);
        return new DiagnosticRegion(start.Line, start.Column, end.Line, end.Column);
    }
}
