using AllianceRules.Diagnostics;
using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.Parsing;

/// <summary>Parses one <c>.events</c> line by the grammar, so one broken line never hides the next (the History part cuts the lines).</summary>
internal static class HistoryParser
{
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

    /// <summary>Where a line's content starts and ends (before a comment and trailing blanks), and that content as written.</summary>
    private static (int First, int End, string Text) Content(string text, int start, int end)
    {
        var contentEnd = Lexical.ContentEnd(text, start, end);
        var first = start;
        while (first < contentEnd && char.IsWhiteSpace(text[first])) first++;
        return first >= contentEnd ? (first, first, string.Empty) : (first, contentEnd, text[start..contentEnd]);
    }
}
