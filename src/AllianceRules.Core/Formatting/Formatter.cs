using System.Collections.Immutable;
using System.Text;
using AllianceRules.History;
using AllianceRules.Diagnostics;
using AllianceRules.Parsing;
using AllianceRules.Text;

namespace AllianceRules.Formatting;

/// <summary>The formatted text, or the syntax errors that kept the file from being formatted.</summary>
public sealed record FormatOutcome(string? Text, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>False would be a bug in the formatter: the caller then leaves the file as it was.</summary>
    public bool PreservesTokens { get; init; } = true;
}

/// <summary>
/// The canonical layout of <c>.treaty</c> and <c>.events</c> files (language.md "Formatting"):
/// indentation by block, one space between tokens (none inside brackets and before commas),
/// aligned member tables, vocabulary and event columns, one blank line between rules, and
/// comments kept exactly where they are. Only white space changes: the tokens, and for
/// histories the lines they stand on, are those of the input, which the caller checks.
/// </summary>
public static class Formatter
{
    /// <summary>
    /// Formats a file by its extension (<c>.treaty</c> or <c>.events</c>) after checking that it
    /// parses: a file with syntax errors is not touched, and its errors are returned instead.
    /// </summary>
    public static FormatOutcome Format(SourceFile file)
    {
        var events = file.Path.EndsWith(".events", StringComparison.Ordinal);
        var bag = new DiagnosticBag();
        if (events) _ = HistorySyntax.Read(file, bag).Count();
        else bag.AddRange(RuleFileParser.Parse(file).Diagnostics);
        if (bag.HasErrors) return new FormatOutcome(null, bag.ToSortedArray());
        var formatted = events ? FormatEvents(file.Text) : FormatTreaty(file.Text);
        return new FormatOutcome(formatted, []) { PreservesTokens = SameTokens(file.Text, formatted, events) };
    }

    /// <summary>
    /// The formatter's promise, checked on every run: the same tokens and comments in the same
    /// order (and, for histories, on the same lines), so nothing but white space has changed.
    /// </summary>
    public static bool SameTokens(string original, string formatted, bool byLine)
    {
        // For histories every line counts, blank ones too: an event's line number is its citation.
        static IEnumerable<string> Flat(List<FormatLine> lines, bool byLine) => (byLine ? TrimEnd(lines) : lines.Where(l => !l.IsBlank))
            .SelectMany(l => l.Tokens.Select(t => t.Text).Concat(l.Comment is null ? [] : [l.Comment]).Concat(byLine ? ["\n"] : []));
        static IEnumerable<FormatLine> TrimEnd(List<FormatLine> lines)
        {
            var count = lines.Count;
            while (count > 0 && lines[count - 1].IsBlank) count--;
            return lines.Take(count);
        }
        return Flat(FormatScanner.Scan(original), byLine).SequenceEqual(Flat(FormatScanner.Scan(formatted), byLine), StringComparer.Ordinal);
    }

    public static string FormatTreaty(string text)
    {
        var lines = FormatScanner.Scan(text);
        var output = new List<OutLine>();
        var blocks = new Stack<(string Kind, int Id)>();
        blocks.Push(("file", 0));
        var nextBlock = 1;
        string? pendingKind = null;
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                output.Add(OutLine.Blank);
                continue;
            }
            var depth = blocks.Count - 1;
            var (kind, blockId) = blocks.Peek();
            if (line.IsComment)
            {
                output.Add(new OutLine(Indent(depth), [], line.Comment, blockId, OutKind.Comment, false));
                continue;
            }
            var first = line.First!;
            var startsWithClose = line.Tokens[0].Is("}");
            var indent = startsWithClose ? Indent(Math.Max(0, depth - 1))
                : kind == "members" && (char.IsAsciiDigit(first[0]) || first == ",") ? Indent(depth + 2)
                : Indent(depth) + Continuation(kind, first);
            // A line of a members block that goes on with intervals (it starts with a date or a comma) is not a new row.
            var outKind = startsWithClose ? OutKind.Close
                : kind == "members" && !(char.IsAsciiDigit(first[0]) || first == ",") ? OutKind.Member
                : kind == "members" ? OutKind.Continuation
                : kind == "reading" ? OutKind.Member
                : kind == "vocabulary" && first == "verb" ? OutKind.Verb
                : (kind == "treaty" && first == "rule") || (kind == "file" && Keywords.TopLevel.Contains(first)) ? OutKind.Separated
                : IsItem(kind, first) ? OutKind.Item : OutKind.Continuation;
            output.Add(new OutLine(indent, [.. line.Tokens], line.Comment, blockId, outKind, startsWithClose));
            // Track the blocks this line opens and closes, and what kind each is.
            for (var k = 0; k < line.Tokens.Count; k++)
            {
                var token = line.Tokens[k];
                // A block's keyword stands first, or after a brace: a rule named 'members' opens a rule.
                var keywordPlace = k == 0 || line.Tokens[k - 1].Is("{") || line.Tokens[k - 1].Is("}");
                if (keywordPlace && token.Kind == TokenKind.Word && token.Text is "vocabulary" or "treaty" or "members" or "reading" or "rule") pendingKind = token.Text;
                if (token.Is("{"))
                {
                    blocks.Push((pendingKind ?? "other", nextBlock++));
                    pendingKind = null;
                }
                if (token.Is("}") && blocks.Count > 1) blocks.Pop();
            }
            if (output[^1].EndsWithOpen) output[^1] = output[^1] with { OpensBlock = true };
        }
        Align(output, OutKind.Member, [1]);
        AlignVerbs(output);
        return Render(NormaliseBlanks(output));
    }

    public static string FormatEvents(string text)
    {
        var lines = FormatScanner.Scan(text);
        var output = new List<OutLine>();
        var run = 0;
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                output.Add(OutLine.Blank);
                run++;
                continue;
            }
            var isEvent = line.Tokens.Count >= 4 && line.Tokens[0].Kind == TokenKind.Word && char.IsAsciiDigit(line.Tokens[0].Text[0]);
            output.Add(new OutLine(string.Empty, [.. line.Tokens], line.Comment, run, line.IsComment ? OutKind.Comment : isEvent ? OutKind.Event : OutKind.Item, false));
        }
        // Actor, verb and target line up within each run of event lines between blank lines.
        AlignEvents(output);
        // Every line stays where it is, blank ones too, so evidence keeps its line number; only
        // blank lines at the very end go.
        while (output.Count > 0 && output[^1].Kind == OutKind.Blank) output.RemoveAt(output.Count - 1);
        return Render(output);
    }

    private static string Indent(int depth) => new(' ', 2 * depth);

    private static bool IsItem(string block, string first) => block switch
    {
        "file" => Keywords.TopLevel.Contains(first),
        "treaty" => Keywords.TreatyItems.Contains(first),
        "rule" => Keywords.RuleItems.Contains(first),
        "vocabulary" => Keywords.VocabularyItems.Contains(first),
        _ => true,
    };

    /// <summary>Inside a rule, a clause's later lines: 'then' with the clause, 'where' one step in, anything else two.</summary>
    private static string Continuation(string block, string first)
    {
        if (IsItem(block, first) || block != "rule") return string.Empty;
        return first switch
        {
            "then" => string.Empty,
            "where" => "  ",
            _ => "    ",
        };
    }

    private enum OutKind
    {
        Blank,
        Comment,
        Item,

        /// <summary>A rule, or a top-level block: one blank line before it, unless it comes first.</summary>
        Separated,
        Continuation,
        Member,
        Verb,
        Event,
        Close,
    }

    private sealed record OutLine(string Indent, FormatToken[] Tokens, string? Comment, int Block, OutKind Kind, bool Closes)
    {
        public static readonly OutLine Blank = new(string.Empty, [], null, -1, OutKind.Blank, false);

        /// <summary>Extra spaces before the token at an index, to line up a column.</summary>
        public Dictionary<int, int> Pad { get; init; } = [];

        public bool OpensBlock { get; init; }

        public bool EndsWithOpen => Tokens.Length > 0 && Tokens[^1].Is("{");
    }

    /// <summary>
    /// A vocabulary's descriptions and 'cameo' lists in columns: a verb without a description has
    /// its 'cameo' padded to the column of the others. A line whose description spans lines stays
    /// as it is.
    /// </summary>
    private static void AlignVerbs(List<OutLine> lines)
    {
        foreach (var group in lines.Select((l, i) => (Line: l, Index: i)).Where(x => x.Line.Kind == OutKind.Verb && !x.Line.Tokens.Any(t => t.Text.Contains('\n'))).GroupBy(x => x.Line.Block))
        {
            var indexes = group.Select(x => x.Index).ToList();
            bool HasDescription(int i) => lines[i].Tokens.Length > 2 && lines[i].Tokens[2].Kind == TokenKind.String;
            int CameoAt(int i) => Array.FindIndex(lines[i].Tokens, t => t.Kind == TokenKind.Word && t.Text == "cameo");
            var named = indexes.Where(i => lines[i].Tokens.Length > 2).ToList();
            if (named.Count > 0)
            {
                var width = named.Max(i => Prefix(lines[i], 2).Length);
                foreach (var i in named) Pad(lines, i, 2, width);
            }
            var withCameo = indexes.Where(i => CameoAt(i) > 0).ToList();
            if (withCameo.Count > 0)
            {
                var width = Math.Max(withCameo.Max(i => Prefix(lines[i], CameoAt(i)).Length), indexes.Where(HasDescription).Select(i => Prefix(lines[i], 3).Length).DefaultIfEmpty(0).Max());
                foreach (var i in withCameo) Pad(lines, i, CameoAt(i), width);
            }
        }
    }

    private static void Pad(List<OutLine> lines, int index, int column, int width)
    {
        var pad = width - Prefix(lines[index], column).Length;
        if (pad > 0) lines[index] = lines[index] with { Pad = new Dictionary<int, int>(lines[index].Pad) { [column] = pad } };
    }

    /// <summary>Pads the given token columns so that, within each block (or run), they start at one column.</summary>
    private static void Align(List<OutLine> lines, OutKind kind, int[] columns)
    {
        foreach (var group in lines.Select((l, i) => (Line: l, Index: i)).Where(x => x.Line.Kind == kind).GroupBy(x => x.Line.Block))
        {
            var indexes = group.Select(x => x.Index).ToList();
            // Columns left to right: padding one shifts those after it, so each is measured afresh.
            foreach (var column in columns)
            {
                var wide = indexes.Where(i => lines[i].Tokens.Length > column).ToList();
                if (wide.Count == 0) continue;
                var width = wide.Max(i => Prefix(lines[i], column).Length);
                foreach (var i in wide)
                {
                    var pad = width - Prefix(lines[i], column).Length;
                    if (pad > 0) lines[i] = lines[i] with { Pad = new Dictionary<int, int>(lines[i].Pad) { [column] = pad } };
                }
            }
        }
    }

    /// <summary>
    /// Lines up actor, verb and target of event lines, within each run: after the date, or after
    /// an interval's <c>DATE .. [END]</c>, so points and intervals share their columns.
    /// </summary>
    private static void AlignEvents(List<OutLine> lines)
    {
        static int Actor(OutLine line) =>
            line.Tokens.Length > 1 && line.Tokens[1].Is("..")
                ? (line.Tokens.Length > 2 && line.Tokens[2].Kind == TokenKind.Word && char.IsAsciiDigit(line.Tokens[2].Text[0]) ? 3 : 2)
                : 1;
        foreach (var group in lines.Select((l, i) => (Line: l, Index: i)).Where(x => x.Line.Kind == OutKind.Event).GroupBy(x => x.Line.Block))
        {
            var indexes = group.Select(x => x.Index).ToList();
            for (var offset = 0; offset < 3; offset++)
            {
                var wide = indexes.Where(i => lines[i].Tokens.Length > Actor(lines[i]) + offset).ToList();
                if (wide.Count == 0) continue;
                var width = wide.Max(i => Prefix(lines[i], Actor(lines[i]) + offset).Length);
                foreach (var i in wide) Pad(lines, i, Actor(lines[i]) + offset, width);
            }
        }
    }

    /// <summary>The line as rendered up to (not including) a token.</summary>
    private static string Prefix(OutLine line, int upTo)
    {
        var sb = new StringBuilder();
        AppendTokens(sb, line, upTo);
        return sb.ToString();
    }

    private static List<OutLine> NormaliseBlanks(List<OutLine> lines)
    {
        var result = new List<OutLine>();
        foreach (var line in lines)
        {
            if (line.Kind == OutKind.Blank)
            {
                // No blank at the start, after a '{', or twice in a row.
                if (result.Count == 0 || result[^1].Kind == OutKind.Blank || result[^1].OpensBlock) continue;
                result.Add(line);
                continue;
            }
            // No blank before a '}'.
            if (line.Closes && result.Count > 0 && result[^1].Kind == OutKind.Blank) result.RemoveAt(result.Count - 1);
            if (line.Kind == OutKind.Separated) SeparateRule(result);
            result.Add(line);
        }
        while (result.Count > 0 && result[^1].Kind == OutKind.Blank) result.RemoveAt(result.Count - 1);
        return result;
    }

    /// <summary>One blank line before a rule or top-level block that follows other items, above the comments that introduce it.</summary>
    private static void SeparateRule(List<OutLine> result)
    {
        var at = result.Count;
        while (at > 0 && result[at - 1].Kind == OutKind.Comment) at--;
        if (at == 0 || result[at - 1].Kind == OutKind.Blank || result[at - 1].OpensBlock) return;
        result.Insert(at, OutLine.Blank);
    }

    private static string Render(List<OutLine> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.Kind == OutKind.Blank)
            {
                sb.Append('\n');
                continue;
            }
            sb.Append(line.Indent);
            AppendTokens(sb, line, line.Tokens.Length);
            if (line.Comment is { } comment)
            {
                if (line.Tokens.Length > 0) sb.Append("  ");
                sb.Append(comment);
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static void AppendTokens(StringBuilder sb, OutLine line, int upTo)
    {
        var brackets = 0;
        for (var k = 0; k < upTo; k++)
        {
            var token = line.Tokens[k];
            if (k > 0)
            {
                // On an event line every '=' is an attribute's, as inside a pattern's brackets.
                if (NeedsSpace(line.Tokens[k - 1], token, brackets > 0 || line.Kind == OutKind.Event)) sb.Append(' ');
                if (line.Pad.TryGetValue(k, out var pad)) sb.Append(' ', pad);
            }
            sb.Append(token.Text);
            if (token.Is("[")) brackets++;
            if (token.Is("]")) brackets--;
        }
    }

    private static bool NeedsSpace(FormatToken previous, FormatToken next, bool inBrackets)
    {
        if (previous.Is("[") || previous.Is("(")) return false;
        if (next.Is("]") || next.Is(")") || next.Is(",")) return false;
        // Attributes: name=value, in a pattern's brackets and on an event line alike.
        if (next.Is("=") || previous.Is("=")) return !inBrackets;
        return true;
    }
}
