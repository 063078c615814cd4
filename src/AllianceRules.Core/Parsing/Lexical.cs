using System.Text;
using AllianceRules.Diagnostics;
using AllianceRules.Syntax;
using AllianceRules.Text;
using NodaTime.Text;
using Sprache;

namespace AllianceRules.Parsing;

/// <summary>
/// Character-level parsers shared by the rule-file and history grammars. Each reads one whole
/// token and fails without consuming input, so alternatives stay cheap and errors stay precise.
/// Trivia (white space and <c>#</c> comments) is skipped after tokens, never before.
/// </summary>
internal static class Lexical
{

    public static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_' || c == '$';

    public static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '$';

    public static bool IsCode(string s) => s.Length > 0 && char.IsAsciiLetterUpper(s[0]) && s.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');

    public static bool IsName(string s) => s.Length > 0 && char.IsAsciiLetterLower(s[0]) && s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_' || c == '-');

    public static bool IsVariable(string s) => s.Length > 1 && s[0] == '$' && char.IsAsciiLetterLower(s[1]) && s.Skip(2).All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>A token and the trivia after it, for the line-at-a-time grammars (histories, tests).</summary>
    public static Parser<T> LineToken<T>(Parser<T> parser) =>
        from v in parser
        from _ in Trivia
        select v;

    public static Parser<Identifier> LineKeyword(string keyword) =>
        LineToken(Word.Where(w => w.Text == keyword).Named($"'{keyword}'"));

    /// <summary>White space and comments, including line breaks.</summary>
    public static readonly Parser<int> Trivia = input =>
    {
        var text = (TextInput)input;
        var (source, i, end) = (text.Source, text.Position, text.End);
        while (i < end)
        {
            var c = source[i];
            if (c == '#')
            {
                while (i < end && source[i] != '\n') i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        return Result.Success(0, i == text.Position ? input : text.JumpTo(i));
    };

    /// <summary>A raw word <c>[A-Za-z_$][A-Za-z0-9_$-]*</c>; its class is checked by the caller.</summary>
    public static readonly Parser<Identifier> Word = input =>
    {
        if (input.AtEnd || !IsWordStart(input.Current)) return Result.Failure<Identifier>(input, "expected a word", ["a word"]);
        var text = (TextInput)input;
        var end = text.ScanWhile(IsWordPart);
        return Result.Success(new Identifier(text.Source[text.Position..end], TextSpan.FromBounds(text.Position, end)), text.JumpTo(end));
    };

    public static readonly Parser<string> Digits = input =>
    {
        var text = (TextInput)input;
        var end = text.ScanWhile(char.IsAsciiDigit);
        if (end == text.Position || (end < text.End && IsWordPart(text.Source[end]))) return Result.Failure<string>(input, "expected digits", ["a number"]);
        return Result.Success(text.Source[text.Position..end], text.JumpTo(end));
    };

    public static readonly Parser<int> Integer = input =>
    {
        var r = Digits(input);
        if (!r.WasSuccessful) return Result.Failure<int>(input, r.Message, r.Expectations);
        return int.TryParse(r.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? Result.Success(n, r.Remainder)
            : CustomFailure.Create<int>(input, "AR1004", r.Value.Length, $"the number '{r.Value}' is too large");
    };

    /// <summary>A date <c>yyyy-MM-dd</c>. An impossible day is parsed and flagged, so validation can report it.</summary>
    public static readonly Parser<DateSyntax> Date = input =>
    {
        var start = (TextInput)input;
        var stop = Math.Min(start.ScanWhile(c => char.IsAsciiDigit(c) || c == '-'), start.Position + 11);
        var text = start.Source[start.Position..stop];
        var shaped = text.Length == 10 && text[4] == '-' && text[7] == '-'
            && text.Where((c, i) => i is not (4 or 7)).All(char.IsAsciiDigit)
            && (stop >= start.End || !IsWordPart(start.Source[stop]));
        if (!shaped) return Result.Failure<DateSyntax>(start, "expected a date", ["a date such as 1992-05-15"]);
        input = start.JumpTo(stop);
        var span = TextSpan.FromBounds(start.Position, stop);
        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success
            ? Result.Success(new DateSyntax(text, parsed.Value, null, span), input)
            : Result.Success(new DateSyntax(text, null, Text.DateText.Problem(text), span), input);
    };

    /// <summary>A quoted string: <c>"..."</c> with <c>\"</c> and <c>\\</c>, or <c>"""..."""</c> over lines.</summary>
    public static readonly Parser<StringLiteral> String = input =>
    {
        if (input.AtEnd || input.Current != '"') return Result.Failure<StringLiteral>(input, "expected a string", ["a quoted string"]);
        var start = (TextInput)input;
        var text = input.Source;
        var p = input.Position;
        var limit = start.End;
        var sb = new StringBuilder();
        int end;
        if (p + 3 <= limit && string.CompareOrdinal(text, p, "\"\"\"", 0, 3) == 0)
        {
            var close = text.IndexOf("\"\"\"", p + 3, limit - p - 3, StringComparison.Ordinal);
            if (close < 0) return CustomFailure.Create<StringLiteral>(start.Advance(), p, "AR1002", 3, "this string has no closing quote");
            sb.Append(text, p + 3, close - p - 3);
            end = close + 3;
        }
        else
        {
            var i = p + 1;
            while (true)
            {
                if (i >= limit || text[i] == '\n') return CustomFailure.Create<StringLiteral>(start.Advance(), p, "AR1002", 1, "this string has no closing quote");
                var c = text[i];
                if (c == '"') break;
                if (c == '\\')
                {
                    var next = i + 1 < limit ? text[i + 1] : '\0';
                    if (next is not ('"' or '\\'))
                    {
                        return CustomFailure.Create<StringLiteral>(start.Advance(), i, "AR1003", 2, $"unknown escape '\\{next}' in a string; only \\\" and \\\\ are escapes");
                    }
                    sb.Append(next);
                    i += 2;
                    continue;
                }
                sb.Append(c);
                i++;
            }
            end = i + 1;
        }
        return Result.Success(new StringLiteral(sb.ToString(), TextSpan.FromBounds(p, end)), ((TextInput)start).JumpTo(end));
    };

    /// <summary>The current offset, as a parser that consumes nothing.</summary>
    public static readonly Parser<int> Position = input => Result.Success(input.Position, input);

    /// <summary>A literal piece of punctuation such as <c>{</c> or <c>..</c>.</summary>
    public static Parser<string> Symbol(string symbol) => input =>
    {
        var rest = input;
        foreach (var c in symbol)
        {
            if (rest.AtEnd || rest.Current != c) return Result.Failure<string>(input, $"expected '{symbol}'", [$"'{symbol}'"]);
            rest = rest.Advance();
        }
        return Result.Success(symbol, rest);
    };

    /// <summary>
    /// When <paramref name="offset"/> is the first token of its line, the end of the content of the
    /// line before it (skipping blank and comment-only lines); otherwise null. A token missing at the
    /// end of a line is then reported there, not at whatever the next line happens to start with.
    /// </summary>
    public static int? EndOfPreviousLine(string text, int offset)
    {
        var lineStart = offset;
        while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t' or '\r') lineStart--;
        if (lineStart == 0 || text[lineStart - 1] != '\n') return null;
        var end = lineStart - 1;
        while (end > 0)
        {
            var start = text.LastIndexOf('\n', end - 1) + 1;
            var contentEnd = ContentEnd(text, start, end);
            if (contentEnd > start) return contentEnd;
            end = start - 1;
        }
        return null;
    }

    /// <summary>The end of a line's content: before a comment (outside strings) and trailing white space.</summary>
    public static int ContentEnd(string text, int start, int end)
    {
        var i = start;
        var inString = false;
        while (i < end)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '#')
            {
                break;
            }
            i++;
        }
        i = Math.Min(i, end);
        while (i > start && char.IsWhiteSpace(text[i - 1])) i--;
        return i;
    }

    /// <summary>How the text at an offset reads in an "unexpected ..." message.</summary>
    public static string Describe(string text, int offset)
    {
        if (offset >= text.Length) return "end of file";
        var c = text[offset];
        if (c == '\n' || c == '\r') return "end of line";
        // Shown by its number: printed raw it is invisible, "unexpected ''" (bad-input corpus, issue #8).
        if (char.IsControl(c)) return $"the control character U+{(int)c:X4}";
        if (c == '"')
        {
            var close = text.IndexOf('"', offset + 1);
            var newline = text.IndexOf('\n', offset + 1);
            var stop = close < 0 || (newline >= 0 && newline < close) ? (newline < 0 ? text.Length : newline) : close + 1;
            var quoted = text[offset..stop].TrimEnd('\r');
            return "string " + (quoted.Length > 30 ? quoted[..30] + "...\"" : quoted);
        }
        var end = offset;
        if (IsWordPart(c) || c == '.')
        {
            while (end < text.Length && (IsWordPart(text[end]) || text[end] == '.')) end++;
        }
        else
        {
            end++;
        }
        var token = text[offset..end];
        if (token.Length > 40) token = token[..40] + "...";
        return $"'{token}'";
    }
}
