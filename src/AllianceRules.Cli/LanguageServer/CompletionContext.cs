namespace AllianceRules.Cli.LanguageServer;

/// <summary>
/// Where completion was asked, read from the text before the cursor only, so that half-typed text
/// that does not parse is read as well as any: the enclosing blocks (by the keyword that opened
/// each), the treaty in scope, the words of the current block before the cursor, the variables the
/// rule has named so far, and the word being typed. Strings and comments are skipped; inside one
/// there is nothing to complete.
/// </summary>
internal sealed class CompletionContext
{
    private readonly List<(string Text, int Start)> words;
    private readonly int lineStart;

    private CompletionContext(List<(string Text, int Start)> words, int lineStart, string? block, string? treaty, IReadOnlyList<string> variables, int prefixStart)
    {
        this.words = words;
        this.lineStart = lineStart;
        Block = block;
        Treaty = treaty;
        Variables = variables;
        PrefixStart = prefixStart;
    }

    /// <summary>The innermost block: vocabulary, treaty, members, reading or rule; null at the top level.</summary>
    public string? Block { get; }

    /// <summary>The code of the treaty the cursor is in, if any.</summary>
    public string? Treaty { get; }

    /// <summary>The variables the enclosing rule names before the cursor.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Where the word being typed starts (the cursor, when none is).</summary>
    public int PrefixStart { get; }

    /// <summary>Whether the cursor's line holds nothing before the word being typed.</summary>
    public bool AtLineStart => OnLine == 0;

    /// <summary>How many words the cursor's line holds before the word being typed.</summary>
    public int OnLine => words.Count(w => w.Start >= lineStart);

    /// <summary>The words of the cursor's line before the word being typed.</summary>
    public IReadOnlyList<string> LineWords => [.. words.Where(w => w.Start >= lineStart).Select(w => w.Text)];

    /// <summary>The <paramref name="n"/>th word back from the cursor in the current block (1 is the last), or null.</summary>
    public string? Back(int n) => words.Count >= n ? words[^n].Text : null;

    public bool LineHas(string word) => words.Any(w => w.Start >= lineStart && w.Text == word);

    /// <summary>A place in a history: the line's words so far (no blocks there); null inside a string or comment.</summary>
    public static CompletionContext? InHistory(string text, int offset)
    {
        // A line starts after a lone CR too, as the editor's lines do (LspLines).
        return Scan(text[..offset], LspLines.LineStart(text, offset));
    }

    /// <summary>A place in a rule file; null inside a string or comment.</summary>
    public static CompletionContext? InRules(string text, int offset) => Scan(text[..offset], 0);

    private static CompletionContext? Scan(string text, int from)
    {
        var words = new List<(string Text, int Start)>();
        var blocks = new Stack<(string? Kind, string? Code)>();
        var variables = new List<string>();
        var lineStart = from;
        var i = from;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '#')
            {
                var end = text.IndexOf('\n', i);
                if (end < 0) return null;
                i = end;
            }
            else if (c == '"')
            {
                if (string.CompareOrdinal(text, i, "\"\"\"", 0, 3) == 0)
                {
                    var close = text.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
                    if (close < 0) return null;
                    words.Add(("\"", i));
                    i = close + 3;
                    continue;
                }
                var j = i + 1;
                while (j < text.Length && text[j] is not ('"' or '\n')) j += text[j] == '\\' ? 2 : 1;
                if (j >= text.Length) return null;
                words.Add(("\"", i));
                i = text[j] == '"' ? j + 1 : j;
            }
            else if (c == '\n')
            {
                lineStart = ++i;
            }
            else if (c == '{')
            {
                blocks.Push(Opened(words));
                if (blocks.Peek().Kind == "rule") variables.Clear();
                words.Clear();
                i++;
            }
            else if (c == '}')
            {
                if (blocks.Count > 0) blocks.Pop();
                words.Clear();
                i++;
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i])) i++;
                var word = text[start..i];
                words.Add((word, start));
                if (word.Length > 1 && word[0] == '$' && blocks.TryPeek(out var top) && top.Kind == "rule" && !variables.Contains(word)) variables.Add(word);
            }
            else if (c == '.' && i + 1 < text.Length && text[i + 1] == '.')
            {
                words.Add(("..", i));
                i += 2;
            }
            else if (c == '!' && i + 1 < text.Length && text[i + 1] == '=')
            {
                words.Add(("!=", i));
                i += 2;
            }
            else
            {
                if (!char.IsWhiteSpace(c)) words.Add((c.ToString(), i));
                i++;
            }
        }
        // The word the cursor is at the end of is being typed, not a word before it.
        var prefixStart = text.Length;
        if (words.Count > 0 && words[^1].Start + words[^1].Text.Length == text.Length && IsWordChar(words[^1].Text[0]))
        {
            prefixStart = words[^1].Start;
            var typed = words[^1].Text;
            words.RemoveAt(words.Count - 1);
            // A variable half typed is no variable of the rule, unless the rule named it before.
            if (!words.Any(w => w.Text == typed)) variables.Remove(typed);
        }
        var treaty = blocks.FirstOrDefault(b => b.Kind == "treaty").Code;
        var block = blocks.Count > 0 ? blocks.Peek().Kind ?? "unknown" : null;
        return new CompletionContext(words, lineStart, block, treaty, variables, prefixStart);
    }

    /// <summary>What a '{' opens, by the words before it: <c>vocabulary {</c>, <c>members {</c>, or <c>treaty|reading|rule NAME "title" {</c>.</summary>
    private static (string? Kind, string? Code) Opened(List<(string Text, int Start)> words)
    {
        if (words.Count >= 1 && words[^1].Text is "vocabulary" or "members") return (words[^1].Text, null);
        if (words.Count >= 3 && words[^1].Text == "\"" && words[^3].Text is "treaty" or "reading" or "rule") return (words[^3].Text, words[^2].Text);
        return (null, null);
    }

    internal static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$' or '@';
}
