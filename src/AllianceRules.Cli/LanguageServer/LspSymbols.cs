using System.Text.Json.Nodes;
using AllianceRules.Binding;
using AllianceRules.Parsing;
using AllianceRules.Text;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>
/// The name at the position a request gives, in a rule file or a history: with the workspace's
/// files (open buffers in place of the files on disk), the file it is in, and the offset asked.
/// </summary>
internal sealed record LocatedSymbol(WorkspaceSnapshot Snapshot, SortedDictionary<string, SourceFile> Files, string Path, SourceFile File, int Offset, SymbolReference Symbol)
{
    public bool InHistory => LspSymbols.IsHistory(Path);

    /// <summary>The URI of a file of the workspace: the open buffer's own, else one made from its path.</summary>
    public string Uri(string path) => Snapshot.Open.GetValueOrDefault(path)?.Uri ?? LspUris.FromPath(path);
}

/// <summary>
/// Finds names for hover, definition, references and rename: the one under the cursor
/// (<see cref="SymbolLocator"/> in rule files, <see cref="HistorySymbols"/> in histories) and
/// every occurrence of it in the workspace's rule files, histories and rule tests.
/// </summary>
internal static class LspSymbols
{
    public static bool IsHistory(string path) => path.EndsWith(".events", StringComparison.Ordinal) || path.EndsWith(".jsonl", StringComparison.Ordinal);

    public static bool IsRules(string path) => path.EndsWith(".treaty", StringComparison.Ordinal);

    /// <param name="rulesOnly">Whether the workspace's rule files suffice (with the file asked about); else every file checked is read.</param>
    public static LocatedSymbol? Locate(LspWorkspace workspace, JsonNode? parameters, bool rulesOnly)
    {
        var uri = LspJson.RequireString(parameters, "textDocument", "uri");
        var line = LspJson.Int(parameters, "position", "line") ?? throw new LspParamsException("'position.line' is missing or not a number");
        var character = LspJson.Int(parameters, "position", "character") ?? throw new LspParamsException("'position.character' is missing or not a number");
        if (LspUris.ToPath(uri) is not { } path || !(IsRules(path) || IsHistory(path))) return null;
        var snapshot = workspace.Snapshot();
        var files = LspAnalysis.Files(snapshot, [], rulesOnly);
        if (!files.TryGetValue(path, out var file))
        {
            if (Read(snapshot, path) is not { } alone) return null;
            files[path] = file = alone;
        }
        // Lines as the editor counts them (a lone CR too); the character clamped to the line.
        if (LspLines.Offset(file.Text, line, character) is not { } offset) return null;
        var symbol = IsRules(path) ? SymbolLocator.Find(RuleFileParser.Parse(file).Syntax, offset) : HistorySymbols.Find(file, offset);
        return symbol is null ? null : new LocatedSymbol(snapshot, files, path, file, offset, symbol);
    }

    /// <summary>
    /// Every place the workspace's files name <paramref name="symbol"/>: in rule files (declarations
    /// too), and for verbs and parties in histories and the inline histories of rule tests; rule
    /// tests also name rules, assumptions and readings.
    /// </summary>
    public static IEnumerable<(string Path, SourceFile File, SymbolReference Occurrence)> Occurrences(SortedDictionary<string, SourceFile> files, SymbolReference symbol)
    {
        foreach (var (path, file) in files)
        {
            IEnumerable<SymbolReference> found = IsRules(path) ? SymbolLocator.Occurrences(RuleFileParser.Parse(file).Syntax, symbol)
                : IsHistory(path) ? HistorySymbols.Occurrences(file, symbol)
                : path.EndsWith(".test", StringComparison.Ordinal) ? TestSymbols.Occurrences(file, symbol)
                : [];
            foreach (var occurrence in found) yield return (path, file, occurrence);
        }
    }

    /// <summary>A file outside the set read, as the analysis would read it: the open buffer, else the file on disk.</summary>
    private static SourceFile? Read(WorkspaceSnapshot snapshot, string path)
    {
        if (snapshot.Open.TryGetValue(path, out var document)) return snapshot.Source(path, document);
        return File.Exists(path) && LspDisk.TryRead(path, LspWorkspace.Display(snapshot.Root, path), LspAnalysis.KindOf(path) == InputKind.Rules) is { } text
            ? new SourceFile(LspWorkspace.Display(snapshot.Root, path), text)
            : null;
    }
}
