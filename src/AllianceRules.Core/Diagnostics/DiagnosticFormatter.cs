using System.Text;

namespace AllianceRules.Diagnostics;

/// <summary>
/// Prints a diagnostic as <c>path:line:column: error CODE: message</c>, then the source line and a
/// caret under the column. Lines and columns are computed here and nowhere else.
/// </summary>
public static class DiagnosticFormatter
{
    public static string Format(Diagnostic diagnostic)
    {
        var level = diagnostic.Severity == Severity.Error ? "error" : "warning";
        if (diagnostic.File is not { } file)
        {
            return $"alliance: {level} {diagnostic.Code}: {diagnostic.Message}";
        }
        var position = file.GetPosition(diagnostic.Span.Start);
        var sb = new StringBuilder();
        sb.Append(file.Path).Append(':').Append(position.Line).Append(':').Append(position.Column)
          .Append(": ").Append(level).Append(' ').Append(diagnostic.Code).Append(": ").Append(diagnostic.Message);
        var line = file.GetLineText(position.Line);
        if (line.Length > 0 || position.Column > 1)
        {
            sb.Append('\n').Append(line.Replace('\t', ' '));
            var width = Math.Clamp(Math.Min(diagnostic.Span.Length, line.Length - position.Column + 1), 1, 200);
            sb.Append('\n').Append(' ', position.Column - 1).Append('^').Append('~', width - 1);
        }
        return sb.ToString();
    }
}
