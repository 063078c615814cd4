using AllianceRules.Diagnostics;
using AllianceRules.Text;
using Sprache;

namespace AllianceRules.Parsing;

/// <summary>
/// Braced blocks and recovery: a broken item is reported and skipped to the next line that starts
/// an item, so one run reports every error.
/// </summary>
internal static class BlockGrammar
{
    /// <summary>
    /// The items of a braced block, after its <c>{</c>. Always succeeds: a broken item is reported
    /// and skipped to the next line that starts an item. <paramref name="keywords"/> null means
    /// every line starts an item (the members block).
    /// </summary>
    public static Parser<IReadOnlyList<T>> Block<T>(Parser<T> item, string what, string[]? keywords, string[] enclosing) => input =>
    {
        var context = ParseContext.Of(input);
        context.Depth++;
        try
        {
            return BlockItems(context, input, item, what, keywords, enclosing);
        }
        finally
        {
            context.Depth--;
        }
    };

    /// <summary>How many items were skipped at any level so far; a block compares it before and after its own items.</summary>
    public static readonly Parser<int> SkipCount = input => Result.Success(ParseContext.Of(input).Skips.Count, input);

    /// <summary>Whether the block just parsed skipped one of its own items (not one of a nested block's).</summary>
    public static Parser<bool> SkippedHere(int before) => input =>
    {
        var context = ParseContext.Of(input);
        return Result.Success(context.Skips.Skip(before).Any(depth => depth == context.Depth + 1), input);
    };

    private static IResult<IReadOnlyList<T>> BlockItems<T>(ParseContext context, IInput input, Parser<T> item, string what, string[]? keywords, string[] enclosing)
    {
        var (file, diagnostics) = (context.File, context.Diagnostics);
        var items = new List<T>();
        var open = Math.Max(0, input.Position - 1);
        while (true)
        {
            if (input.AtEnd)
            {
                // An unterminated """ string already explains why the file ended inside this block.
                if (!context.UnterminatedLongString)
                {
                    diagnostics.Add(DiagnosticCatalog.UnclosedBlock(file.At(new TextSpan(FindOpenBrace(file.Text, open), 1)), what, "the end of the file"));
                }
                context.Skips.Add(context.Depth);
                return Result.Success<IReadOnlyList<T>>(items, input);
            }
            var next = PeekWord(input);
            if (next is not null && enclosing.Contains(next) && (keywords is null || !keywords.Contains(next)) && IsLineStart(file.Text, input.Position))
            {
                // A keyword of an enclosing block at the start of a line: this block lost its '}'.
                diagnostics.Add(DiagnosticCatalog.UnclosedBlock(file.At(new TextSpan(FindOpenBrace(file.Text, open), 1)), what, $"'{next}'"));
                context.Skips.Add(context.Depth);
                return Result.Success<IReadOnlyList<T>>(items, input);
            }
            if (input.Current == '}')
            {
                context.LastTokenEnd = input.Position + 1;
                return Result.Success<IReadOnlyList<T>>(items, Lexical.Trivia(input.Advance()).Remainder);
            }
            var word = PeekWord(input);
            if (keywords is not null && (word is null || !keywords.Contains(word)))
            {
                ReportUnknownItem(context, input, word, what, keywords);
                input = Recover(input, keywords);
                context.Skips.Add(context.Depth);
                continue;
            }
            var result = item(input);
            if (result.WasSuccessful)
            {
                items.Add(result.Value);
                input = result.Remainder;
                continue;
            }
            // Only where a block's '{' was wanted: elsewhere a word after a string may be a misspelt keyword ('camoe').
            var cut = result.Expectations.Contains("'{'") ? QuoteInsideString(file, result.Remainder.Position) : null;
            context.Report(cut ?? ParseFailureTranslator.Translate(file, result, input.Position));
            // A rule whose header is broken declares nothing the treaty's other checks need.
            if (word != "rule") context.Skips.Add(context.Depth);
            input = Recover(input, keywords);
        }
    }

    public static void ReportUnknownItem(ParseContext context, IInput input, string? word, string where, string[] keywords)
    {
        var file = context.File;
        if (StringEndedEarly(file.Text, input.Position) is { } quote && !LooksLikeKeyword(word) && IsTextItem(file.Text, quote)
            && RestOfString(file.Text, input.Position) is { } what)
        {
            context.Diagnostics.Add(DiagnosticCatalog.QuoteInsideString(file.At(new TextSpan(quote, 1)), what));
            return;
        }
        if (word is not null && char.IsAsciiLetter(word[0]))
        {
            var span = new TextSpan(input.Position, word.Length);
            context.Diagnostics.Add(DiagnosticCatalog.UnknownKeyword(file.At(span), word, where, keywords));
            return;
        }
        var found = Lexical.Describe(file.Text, input.Position);
        var expected = Friendly.List(keywords.Select(k => $"'{k}'").Append("'}'"));
        if (where == "a rule file") expected = Friendly.List(keywords.Select(k => $"'{k}'"));
        context.Diagnostics.Add(DiagnosticCatalog.SyntaxError(file.At(new TextSpan(input.Position, 1)), found, expected));
    }

    /// <summary>
    /// Where a string closed just before <paramref name="position"/> on the same line, or null. An
    /// item never goes on after its string, so text there is most likely the rest of the string,
    /// cut short by a straight quote pasted inside it: <c>quote "the "inviolability" of borders"</c>.
    /// </summary>
    private static int? StringEndedEarly(string text, int position)
    {
        var i = position - 1;
        while (i >= 0 && text[i] is ' ' or '\t') i--;
        if (i < 0 || text[i] != '"' || (i >= 2 && text[(i - 2)..(i + 1)] == "\"\"\"")) return null;
        return i;
    }

    /// <summary>
    /// Whether the string that closed at <paramref name="quote"/> is the prose of an item (a
    /// citation, a quotation, a reason, a source), where quotes get pasted: the word before its
    /// opening quote says.
    /// </summary>
    private static bool IsTextItem(string text, int quote)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, quote - 1)) + 1;
        var open = quote > lineStart ? text.LastIndexOf('"', quote - 1, quote - lineStart) : -1;
        if (open < 0) return false;
        var before = text[lineStart..open].TrimEnd();
        var word = before[(before.LastIndexOfAny([' ', '\t', '{']) + 1)..];
        return word is "quote" or "cites" or "judgment" or "source";
    }

    /// <summary>Whether a word is, or is one slip from, a word of the language: then it is no text cut short but a keyword misspelt.</summary>
    private static bool LooksLikeKeyword(string? word)
    {
        string[] words = [.. Keywords.TopLevel, .. Keywords.TreatyItems, .. Keywords.RuleItems, .. Keywords.VocabularyItems, "cameo"];
        return word is not null && (words.Contains(word) || SpellingSuggester.Suggest(word, words) is not null);
    }

    /// <summary>AR2006 when an item failed at a word right after a string on its line (a rule's title cut short), else null.</summary>
    private static Diagnostic? QuoteInsideString(SourceFile file, int position) =>
        position < file.Text.Length && char.IsAsciiLetter(file.Text[position]) && StringEndedEarly(file.Text, position) is { } quote
            && Lexical.Word(new TextInput(file.Text, position, file.Text.Length)) is { WasSuccessful: true } word && !LooksLikeKeyword(word.Value.Text)
            && RestOfString(file.Text, position) is { } what
            ? DiagnosticCatalog.QuoteInsideString(file.At(new TextSpan(quote, 1)), what)
            : null;

    /// <summary>
    /// The word at <paramref name="position"/> (up to a blank or a quote), when the rest of its line
    /// still holds a '"', the closing quote a straight quote pasted inside a string leaves behind;
    /// else null: text after a string with no quote to follow is some other mistake ('within', '1992').
    /// </summary>
    private static string? RestOfString(string text, int position)
    {
        var end = position;
        while (end < text.Length && text[end] is not (' ' or '\t' or '\r' or '\n' or '"')) end++;
        var lineEnd = text.IndexOf('\n', end);
        var rest = text.AsSpan(end, (lineEnd < 0 ? text.Length : lineEnd) - end);
        return end > position && rest.Contains('"') ? text[position..end] : null;
    }

    public static string? PeekWord(IInput input)
    {
        var r = Lexical.Word(input);
        return r.WasSuccessful ? r.Value.Text : null;
    }

    /// <summary>
    /// Skips a broken item: braces are matched (strings and comments ignored), and the skip stops
    /// at a line that starts with an item keyword, or before the '}' that closes the enclosing block.
    /// </summary>
    public static IInput Recover(IInput from, string[]? keywords)
    {
        var text = ((TextInput)from).Source;
        var i = from.Position;
        var depth = 0;
        var first = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (!first && depth == 0 && IsLineStart(text, i))
            {
                var word = WordAt(text, i);
                if (keywords is null ? word is not null : word is not null && keywords.Contains(word)) break;
                if (Keywords.TopLevel.Contains(word ?? string.Empty) && keywords != Keywords.TopLevel) break;
            }
            first = false;
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n') i++;
                continue;
            }
            if (c == '"')
            {
                i = SkipString(text, i);
                continue;
            }
            if (c == '{') depth++;
            if (c == '}')
            {
                if (depth == 0) break;
                depth--;
                if (depth == 0)
                {
                    i++;
                    break;
                }
            }
            i++;
        }
        return Lexical.Trivia(((TextInput)from).JumpTo(i)).Remainder;
    }

    private static int FindOpenBrace(string text, int position)
    {
        var i = Math.Min(position, text.Length - 1);
        while (i > 0 && text[i] != '{') i--;
        return Math.Max(0, i);
    }

    private static bool IsLineStart(string text, int i)
    {
        if (char.IsWhiteSpace(text[i])) return false;
        var j = i - 1;
        while (j >= 0 && text[j] is ' ' or '\t') j--;
        return j < 0 || text[j] == '\n';
    }

    private static string? WordAt(string text, int i)
    {
        var j = i;
        while (j < text.Length && Lexical.IsWordPart(text[j])) j++;
        return j > i && Lexical.IsWordStart(text[i]) ? text[i..j] : null;
    }

    private static int SkipString(string text, int i)
    {
        if (string.CompareOrdinal(text, i, "\"\"\"", 0, 3) == 0)
        {
            var close = text.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
            return close < 0 ? text.Length : close + 3;
        }
        i++;
        while (i < text.Length && text[i] != '"' && text[i] != '\n')
        {
            i += text[i] == '\\' ? 2 : 1;
        }
        return Math.Min(text.Length, i + 1);
    }
}
