using System.Collections.Immutable;
using AllianceRules.Diagnostics;
using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.Parsing;

/// <summary>Parses an event history a line at a time, so one broken line never hides the next.</summary>
public static class HistoryParser
{
    public static (ImmutableArray<HistoryLineSyntax> Lines, ImmutableArray<Diagnostic> Diagnostics) ParseEvents(SourceFile file) =>
        ParseLines(file, (start, end, line, bag) =>
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
                var other => other,
            };
        });

    public static (ImmutableArray<HistoryLineSyntax> Lines, ImmutableArray<Diagnostic> Diagnostics) ParseJsonLines(SourceFile file) =>
        ParseLines(file, (start, end, line, bag) =>
            file.Text.AsSpan(start, end - start).Trim().IsEmpty ? null : JsonlLineReader.Read(file, line, start, end, bag));

    private static (ImmutableArray<HistoryLineSyntax>, ImmutableArray<Diagnostic>) ParseLines(
        SourceFile file, Func<int, int, int, DiagnosticBag, HistoryLineSyntax?> parseLine)
    {
        var bag = new DiagnosticBag();
        var lines = ImmutableArray.CreateBuilder<HistoryLineSyntax>();
        var text = file.Text;
        var start = 0;
        var number = 1;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var lineEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            if (parseLine(start, lineEnd, number, bag) is { } parsed) lines.Add(parsed);
            if (newline < 0) break;
            start = newline + 1;
            number++;
        }
        return (lines.ToImmutable(), bag.ToSortedArray());
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
