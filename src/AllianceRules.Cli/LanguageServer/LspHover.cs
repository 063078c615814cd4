using System.Text;
using System.Text.Json.Nodes;
using AllianceRules.Binding;
using AllianceRules.Model;
using AllianceRules.Parsing;
using AllianceRules.Text;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>
/// <c>textDocument/hover</c> in a rule file: what the verb, party code, rule id, reading or
/// assumption under the cursor is, from the workspace's rule set. The name is found in the parsed
/// syntax (<see cref="SymbolLocator"/>); what is said of it comes from the loaded model, so a rule
/// set with errors gives only the name and a word about the errors.
/// </summary>
internal static class LspHover
{
    public static JsonObject? Hover(LspWorkspace workspace, JsonNode? parameters)
    {
        if (Locate(workspace, parameters) is not { } located) return null;
        var (_, files, file, symbol) = located;
        var rules = RuleSetLoader.Load(LspAnalysis.RuleFiles(files)).Value;
        return new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = Describe(symbol, rules) },
            ["range"] = LspJson.Range(file, symbol.Span),
        };
    }

    /// <summary>
    /// The name at the position a request gives, in a rule file, with the workspace's rule files
    /// (open buffers in place of the files on disk); null when there is no name there.
    /// </summary>
    internal static (WorkspaceSnapshot Snapshot, SortedDictionary<string, SourceFile> Files, SourceFile File, SymbolReference Symbol)? Locate(LspWorkspace workspace, JsonNode? parameters)
    {
        var uri = LspJson.RequireString(parameters, "textDocument", "uri");
        var line = LspJson.Int(parameters, "position", "line") ?? throw new LspParamsException("'position.line' is missing or not a number");
        var character = LspJson.Int(parameters, "position", "character") ?? throw new LspParamsException("'position.character' is missing or not a number");
        if (LspUris.ToPath(uri) is not { } path || !path.EndsWith(".treaty", StringComparison.Ordinal)) return null;
        var snapshot = workspace.Snapshot();
        var files = LspAnalysis.Files(snapshot, [], rulesOnly: true);
        if (!files.TryGetValue(path, out var file)) return null;
        // Lines as the editor counts them; the character clamped before adding (int.MaxValue overflowed, found in review).
        if (LspLines.Offset(file.Text, line, character) is not { } offset) return null;
        var (syntax, _) = RuleFileParser.Parse(file);
        return SymbolLocator.Find(syntax, offset) is { } symbol ? (snapshot, files, file, symbol) : null;
    }

    /// <summary>The hover's text, in Markdown.</summary>
    internal static string Describe(SymbolReference symbol, RuleSet? rules)
    {
        var name = symbol.Treaty is { } treaty ? $"{treaty}.{symbol.Name}" : symbol.Name;
        var head = $"**{Word(symbol.Kind)}** `{name}`";
        if (rules is null) return $"{head}\n\nThe rule set has errors; fix them to see more.";
        var text = symbol.Kind switch
        {
            SymbolKind.Verb => Verb(rules, symbol.Name),
            SymbolKind.Party => Party(rules, symbol.Name),
            SymbolKind.Rule => Rule(rules.FindTreaty(symbol.Treaty!), symbol.Name),
            SymbolKind.Reading => Reading(rules.FindTreaty(symbol.Treaty!), symbol.Name),
            _ => Assumption(rules.FindTreaty(symbol.Treaty!), symbol.Name),
        };
        return $"{head}{text}";
    }

    private static string Word(SymbolKind kind) => kind switch
    {
        SymbolKind.Assumption => "assume",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Verb(RuleSet rules, string name) =>
        rules.Verbs.FirstOrDefault(v => v.Name == name) is not { } verb ? ": no vocabulary declares it."
        : $": {verb.Description ?? "(no description)"}\n\nCAMEO {(verb.Cameo.IsEmpty ? "codes: none" : string.Join(", ", verb.Cameo))}";

    private static string Party(RuleSet rules, string code)
    {
        var sb = new StringBuilder();
        foreach (var treaty in rules.Treaties)
        {
            var intervals = treaty.DeclaredMembers.Where(m => m.Party == code).ToList();
            if (intervals.Count == 0) continue;
            sb.Append("\n- `").Append(treaty.Code).Append("`: ");
            sb.AppendJoin("; ", intervals.Select(m => $"{m.Range}{(m.Frozen ? " (frozen)" : string.Empty)}{(m.Gate is { } gate ? $" if {gate}" : string.Empty)}"));
        }
        return sb.Length == 0 ? ": a member of no treaty of the rule set." : $": member of{sb}";
    }

    private static string Rule(Treaty? treaty, string id)
    {
        var versions = treaty?.DeclaredRules.Where(r => r.Id == id).ToList() ?? [];
        if (versions.Count == 0) return ": not found.";
        return string.Concat(versions.Select(rule =>
        {
            var sb = new StringBuilder().Append(" — ").Append(rule.Title).Append("\n\nkind: ").Append(rule.Kind.ToString().ToLowerInvariant());
            if (rule.Cites is { } cites) sb.Append("\n\ncites: ").Append(cites);
            if (rule.Quote is { } quote) sb.Append("\n\n> ").Append(quote.ReplaceLineEndings(" "));
            sb.Append("\n\neffective: ").Append(rule.Effective?.ToString() ?? "whenever the treaty is in force");
            return sb.ToString();
        }));
    }

    private static string Reading(Treaty? treaty, string name)
    {
        if (treaty?.FindReading(name) is not { } reading) return ": not found.";
        var options = reading.Options.Select((o, i) => $"\n- `{o.Name}`{(i == 0 ? " (default)" : string.Empty)}: {o.Description}");
        return $" — {reading.Title}\n\nOptions:{string.Concat(options)}";
    }

    private static string Assumption(Treaty? treaty, string name)
    {
        var values = treaty?.DeclaredAssumptions.Where(a => a.Name == name).ToList() ?? [];
        if (values.Count == 0) return ": not found.";
        return string.Concat(values.Select(a =>
            $"\n\n= {PeriodText.Words(a.Declared)}{(a.Gate is { } gate ? $" if {gate}" : string.Empty)}{(a.Note is { } note ? $": {note}" : string.Empty)}"));
    }
}
