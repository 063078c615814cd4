using AllianceRules.Diagnostics;
using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.Parsing;

/// <summary>Parses an event history a line at a time, so one broken line never hides the next.</summary>
public static class HistoryParser
{
    /// <summary>The lines of a history, by its extension, one at a time: a large history is never held twice.</summary>
    public static IEnumerable<HistoryLineSyntax> Read(SourceFile file, DiagnosticBag diagnostics) => Format(file.Path) switch
    {
        ".jsonl" => ReadJsonLines(file, diagnostics),
        ".csv" => CsvHistoryReader.Read(file, diagnostics, new CsvHeader()),
        _ => ReadEvents(file, diagnostics),
    };

    /// <summary>A history's format by its extension, looking through a final <c>.gz</c>.</summary>
    public static string Format(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.Ordinal) ? path[..^3] : path;
        return Path.GetExtension(name);
    }

    private static IEnumerable<HistoryLineSyntax> ReadEvents(SourceFile file, DiagnosticBag bag) =>
        ReadLines(file, bag, (start, end, line) => ParseEventsLine(file, start, end, line, bag));

    /// <summary>One line <c>[start, end)</c> of an <c>.events</c> text by the grammar; null for a blank line or an error (then reported).</summary>
    internal static HistoryLineSyntax? ParseEventsLine(SourceFile file, int start, int end, int line, DiagnosticBag bag)
    {
        var (first, contentEnd, text) = Content(file.Text, start, end);
        if (contentEnd == first) return null;
        var r = EventLineGrammar.ParseLine(file.Text, first, contentEnd);
        if (!r.WasSuccessful)
        {
            bag.Add(ParseFailureTranslator.Translate(file, r));
            return null;
        }
        return r.Value switch
        {
            EventLineSyntax e => e with { Text = text, Line = line },
            AsOfSyntax a => a with { Line = line },
            ObservedSyntax o => o with { Line = line },
            var other => other,
        };
    }

    private static IEnumerable<HistoryLineSyntax> ReadJsonLines(SourceFile file, DiagnosticBag bag) =>
        ReadLines(file, bag, (start, end, line) =>
            file.Text.AsSpan(start, end - start).Trim().IsEmpty ? null : JsonlLineReader.Read(file, line, start, end, bag));

    private static IEnumerable<HistoryLineSyntax> ReadLines(SourceFile file, DiagnosticBag bag, Func<int, int, int, HistoryLineSyntax?> parseLine)
    {
        var text = file.Text;
        var start = 0;
        var number = file.FirstLine;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var lineEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            if (parseLine(start, lineEnd, number) is { } parsed) yield return parsed;
            if (newline < 0) break;
            start = newline + 1;
            number++;
        }
    }

    /// <summary>Where a line's content starts and ends (before a comment and trailing blanks), and that content as written.</summary>
    private static (int First, int End, string Text) Content(string text, int start, int end)
    {
        var contentEnd = Lexical.ContentEnd(text, start, end);
        var first = start;
        while (first < contentEnd && char.IsWhiteSpace(text[first])) first++;
        return first >= contentEnd ? (first, first, string.Empty) : (first, contentEnd, text[start..contentEnd]);
    }
}
