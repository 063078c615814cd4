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
        var p = file.GetPosition(offset);
        return Position(p.Line - 1, p.Column - 1);
    }

    public static JsonObject Range(SourceFile file, TextSpan span) => new()
    {
        ["start"] = Position(file, span.Start),
        ["end"] = Position(file, span.End),
    };

    /// <summary>The range of a whole text: from its start to just past its last character.</summary>
    public static JsonObject WholeRange(string text)
    {
        var lastBreak = text.LastIndexOf('\n');
        var lines = text.Count(c => c == '\n');
        return new JsonObject { ["start"] = Position(0, 0), ["end"] = Position(lines, text.Length - lastBreak - 1) };
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
