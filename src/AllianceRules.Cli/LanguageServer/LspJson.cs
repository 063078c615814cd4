using System.Text.Json.Nodes;
using AllianceRules.Diagnostics;
using AllianceRules.Text;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>Parameters that are missing or of the wrong type: answered with InvalidParams.</summary>
internal sealed class LspParamsException(string message) : Exception(message);

/// <summary>Reading LSP parameters from the JSON DOM, and writing positions, ranges and diagnostics.</summary>
internal static class LspJson
{
    /// <summary>The node at a path of property names, or null when any step is missing or not an object.</summary>
    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var name in path)
        {
            if (node is not JsonObject o) return null;
            node = o[name];
        }
        return node;
    }

    public static string? String(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static int? Int(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    public static string RequireString(JsonNode? node, params string[] path) =>
        String(node, path) ?? throw new LspParamsException($"'{string.Join('.', path)}' is missing or not a string");

    /// <summary>An LSP position: 0-based line and UTF-16 character, which is what a .NET string's offsets count.</summary>
    public static JsonObject Position(int line, int character) => new() { ["line"] = line, ["character"] = character };

    public static JsonObject Position(SourceFile file, int offset)
    {
        var (line, character) = LspLines.Position(file.Text, offset);
        return Position(line, character);
    }

    public static JsonObject Range(SourceFile file, TextSpan span) => new()
    {
        ["start"] = Position(file, span.Start),
        ["end"] = Position(file, span.End),
    };

    /// <summary>The range of a whole text: from its start to just past its last character.</summary>
    public static JsonObject WholeRange(string text)
    {
        var (line, character) = LspLines.Position(text, text.Length);
        return new JsonObject { ["start"] = Position(0, 0), ["end"] = Position(line, character) };
    }

    /// <summary>A diagnostic as the editor shows it: same code, message and severity as the command line prints.</summary>
    public static JsonObject Diagnostic(Diagnostic d) => new()
    {
        ["range"] = Range(d.File!, d.Span),
        ["severity"] = d.Severity switch
        {
            Severity.Error => 1,
            Severity.Warning => 2,
            _ => 3,
        },
        ["code"] = d.Code,
        ["source"] = "alliance",
        ["message"] = d.Message,
    };
}

/// <summary>
/// Lines as LSP counts them: a line ends at LF, CR LF or a lone CR (the specification's line
/// endings), while the command line's positions count LF only. An editor shows a lone CR as a line
/// break, so positions sent to it, and read from it, count it as one too; a diagnostic after a lone
/// CR was otherwise placed on the line before, past its end (found while writing the lsp fuzz target's check).
/// </summary>
internal static class LspLines
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, int[]> Starts = new();

    /// <summary>The 0-based line and UTF-16 character of an offset, clamped to the text and to its line's end (never inside a CR LF).</summary>
    public static (int Line, int Character) Position(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var starts = LineStarts(text);
        var index = Array.BinarySearch(starts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line, Math.Min(offset - starts[line], ContentEnd(text, starts, line) - starts[line]));
    }

    /// <summary>The offset of a 0-based line and character, the character clamped to the line's end; null when there is no such line.</summary>
    public static int? Offset(string text, int line, int character)
    {
        var starts = LineStarts(text);
        if (line < 0 || line >= starts.Length || character < 0) return null;
        return starts[line] + Math.Min(character, ContentEnd(text, starts, line) - starts[line]);
    }

    /// <summary>Where the line an offset is on starts: after an LF, a CR LF or a lone CR.</summary>
    public static int LineStart(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var starts = LineStarts(text);
        var index = Array.BinarySearch(starts, offset);
        return starts[index >= 0 ? index : ~index - 1];
    }

    private static int[] LineStarts(string text) => Starts.GetValue(text, Compute);

    /// <summary>Where a line's text ends: before its line break.</summary>
    private static int ContentEnd(string text, int[] starts, int line)
    {
        var end = line + 1 < starts.Length ? starts[line + 1] : text.Length;
        if (end > starts[line] && end <= text.Length && line + 1 < starts.Length)
        {
            end--; // LF or a lone CR
            if (end > starts[line] && text[end] == '\n' && text[end - 1] == '\r') end--;
        }
        return end;
    }

    private static int[] Compute(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))) starts.Add(i + 1);
        }
        return [.. starts];
    }
}
