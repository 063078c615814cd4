using AllianceRules.Diagnostics;
using AllianceRules.Parsing;
using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.History;

/// <summary>The lines of a history as syntax, by its extension, one at a time: what <c>fmt</c> checks, before any event is made.</summary>
public static class HistorySyntax
{
    public static IEnumerable<HistoryLineSyntax> Read(SourceFile file, DiagnosticBag diagnostics) => HistoryFormats.Extension(file.Path) switch
    {
        ".jsonl" => JsonLines(file, diagnostics),
        ".csv" => CsvHistoryReader.Read(file, diagnostics, new CsvHeader()),
        _ => EventsLineReader.Syntax(file, diagnostics),
    };

    /// <summary>
    /// One line of an <c>.events</c> or <c>.jsonl</c> text as syntax, read alone (for an editor, at
    /// the cursor); null for a line that holds nothing or does not parse, and for CSV, whose rows
    /// need the header.
    /// </summary>
    public static HistoryLineSyntax? ReadLine(SourceFile file, int line, DiagnosticBag diagnostics)
    {
        var start = file.LineStart(line);
        if (start >= file.Text.Length) return null;
        var end = start + file.GetLineText(line).Length;
        return HistoryFormats.Extension(file.Path) switch
        {
            ".jsonl" => file.Text.AsSpan(start, end - start).Trim().IsEmpty ? null : JsonlLineReader.Read(file, line, start, end, diagnostics),
            ".csv" => null,
            _ => HistoryParser.ParseEventsLine(file, start, end, line, diagnostics),
        };
    }

    /// <summary>The objects of a JSON Lines text, a line each; blank lines are none.</summary>
    internal static IEnumerable<HistoryLineSyntax> JsonLines(SourceFile file, DiagnosticBag diagnostics)
    {
        var lines = new LineSplitter(file.Text, file.FirstLine);
        while (lines.MoveNext())
        {
            if (file.Text.AsSpan(lines.Start, lines.End - lines.Start).Trim().IsEmpty) continue;
            if (JsonlLineReader.Read(file, lines.Number, lines.Start, lines.End, diagnostics) is { } parsed) yield return parsed;
        }
    }
}
