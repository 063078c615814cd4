using System.Collections.Frozen;
using AllianceRules.Parsing;

namespace AllianceRules.Playground.Highlighting;

/// <summary>What a run of characters is, for its colour: the classes of the editor's style sheet.</summary>
internal enum Shade : byte
{
    Plain,
    Comment,
    String,
    Keyword,
    Date,
    Number,
    Variable,
    Code,
    Attribute,
}

/// <summary>A run of one line with one shade; <see cref="Flagged"/> when a diagnostic covers it.</summary>
internal readonly record struct Run(string Text, Shade Shade, bool Flagged);

/// <summary>
/// Colours a rule file or a history for the editor, from the language's own word lists
/// (<see cref="LanguageWords"/>), so a keyword the parser learns is coloured with no second list.
/// It only colours: a text it misreads still parses exactly as the engine parses it.
/// </summary>
internal static class Highlighter
{
    private static readonly FrozenSet<string> Keywords = LanguageWords.TopLevel
        .Concat(LanguageWords.TreatyItems).Concat(LanguageWords.RuleItems).Concat(LanguageWords.VocabularyItems)
        .Concat(LanguageWords.Kinds).Concat(LanguageWords.Clauses).Concat(LanguageWords.HistoryLines.SelectMany(l => l.Split(' ')))
        // Words the lists above hold only inside longer items: conditions and period units.
        .Concat(["if", "unless", "when", "day", "days", "week", "weeks", "month", "months", "year", "years"])
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The shade of every character of <paramref name="text"/>.</summary>
    public static Shade[] Shades(string text)
    {
        var shades = new Shade[text.Length];
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var start = i;
            Shade shade;
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n') i++;
                shade = Shade.Comment;
            }
            else if (c == '"')
            {
                var triple = string.CompareOrdinal(text, i, "\"\"\"", 0, 3) == 0;
                i += triple ? 3 : 1;
                while (i < text.Length && (triple ? string.CompareOrdinal(text, i, "\"\"\"", 0, 3) != 0 : text[i] is not ('"' or '\n')))
                {
                    i += text[i] == '\\' && i + 1 < text.Length && text[i + 1] != '\n' ? 2 : 1;
                }
                i = Math.Min(text.Length, i + (triple ? 3 : 1));
                shade = Shade.String;
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '-' or '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))) i++;
                shade = i - start == 10 && text[start + 4] == '-' ? Shade.Date : Shade.Number;
            }
            else if (c == '$' || char.IsAsciiLetter(c) || c == '_')
            {
                i++;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.')) i++;
                var word = text[start..i];
                shade = c == '$' ? Shade.Variable
                    : i < text.Length && text[i] == '=' ? Shade.Attribute
                    : Keywords.Contains(word) ? Shade.Keyword
                    : word.Length >= 2 && word.All(ch => char.IsAsciiLetterUpper(ch) || char.IsAsciiDigit(ch)) ? Shade.Code
                    : Shade.Plain;
            }
            else
            {
                i++;
                shade = Shade.Plain;
            }
            Array.Fill(shades, shade, start, i - start);
        }
        return shades;
    }

    /// <summary>
    /// The runs of one line (<paramref name="start"/> to <paramref name="end"/>, without its line
    /// break), split where the shade or <paramref name="flagged"/> changes.
    /// </summary>
    public static IEnumerable<Run> Runs(string text, Shade[] shades, bool[] flagged, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            var j = i + 1;
            while (j < end && shades[j] == shades[i] && flagged[j] == flagged[i]) j++;
            yield return new Run(text[i..j], shades[i], flagged[i]);
            i = j;
        }
    }
}
