using System.Text;

namespace AllianceRules.Diagnostics;

/// <summary>
/// Prints a diagnostic as <c>path:line:column: error CODE: message</c> (or <c>warning</c>, <c>info</c>), then the source line and a
/// caret under the column. Lines and columns are computed here and nowhere else.
/// </summary>
public static class DiagnosticFormatter
{
    public static string Format(Diagnostic diagnostic)
    {
        var level = diagnostic.Severity switch
        {
            Severity.Error => "error",
            Severity.Information => "info",
            _ => "warning",
        };
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
            var (shown, column) = Excerpt(line, position.Column);
            sb.Append('\n').Append(shown.Replace('\t', ' '));
            var width = Math.Clamp(Math.Min(diagnostic.Span.Length, shown.Length - column + 1), 1, 200);
            sb.Append('\n').Append(' ', column - 1).Append('^').Append('~', width - 1);
        }
        return sb.ToString();
    }

    /// <summary>Longer lines are cut to this many characters around the column.</summary>
    internal const int MaxLineShown = 160;

    /// <summary>
    /// The part of the line to show, and the column within it. A 10 MB line was once echoed whole,
    /// with 10 million spaces before its caret (bad-input corpus, issue #8): a long line is cut
    /// around the column, and '...' marks what was left out.
    /// </summary>
    private static (string Shown, int Column) Excerpt(string line, int column)
    {
        if (line.Length <= MaxLineShown) return (line, column);
        var start = Math.Clamp(column - 1 - MaxLineShown / 2, 0, line.Length);
        var end = Math.Min(line.Length, start + MaxLineShown);
        var before = start > 0 ? "..." : string.Empty;
        var after = end < line.Length ? "..." : string.Empty;
        return (before + line[start..end] + after, column - start + before.Length);
    }
}
