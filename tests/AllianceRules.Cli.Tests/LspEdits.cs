using System.Text.Json;

namespace AllianceRules.Cli.Tests;

/// <summary>Positions and edits of the protocol on a text, for tests that apply what the server proposes.</summary>
internal static class LspEdits
{
    /// <summary>The text with its one '|' taken out, and the LSP position (line, UTF-16 character) it marked.</summary>
    public static (string Text, int Line, int Character) Cursor(string marked)
    {
        var at = marked.IndexOf('|', StringComparison.Ordinal);
        Assert.True(at >= 0, "no '|' marks the cursor");
        var before = marked[..at];
        var line = before.Count(c => c == '\n');
        return (marked.Remove(at, 1), line, at - (before.LastIndexOf('\n') + 1));
    }

    /// <summary>The LSP position of the first occurrence of <paramref name="word"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Character) Find(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{word}' is not in the text");
        var before = text[..at];
        return (before.Count(c => c == '\n'), at - (before.LastIndexOf('\n') + 1));
    }

    public static int Offset(string text, JsonElement position)
    {
        var line = position.GetProperty("line").GetInt32();
        var character = position.GetProperty("character").GetInt32();
        var start = 0;
        for (var i = 0; i < line; i++) start = text.IndexOf('\n', start) + 1;
        return start + character;
    }

    /// <summary>Applies TextEdits (non-overlapping, as the protocol requires), from the last to the first.</summary>
    public static string Apply(string text, JsonElement edits)
    {
        var spans = edits.EnumerateArray()
            .Select(e => (Start: Offset(text, e.GetProperty("range").GetProperty("start")), End: Offset(text, e.GetProperty("range").GetProperty("end")), New: e.GetProperty("newText").GetString()!))
            .OrderByDescending(e => e.Start).ToList();
        foreach (var (start, end, replacement) in spans) text = text[..start] + replacement + text[end..];
        return text;
    }
}
