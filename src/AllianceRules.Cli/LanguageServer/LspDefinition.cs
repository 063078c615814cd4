using System.Text.Json.Nodes;
using AllianceRules.Binding;
using AllianceRules.Parsing;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>
/// <c>textDocument/definition</c> in a rule file or a history: where the verb, party, treaty, rule,
/// reading or assumption under the cursor is declared, in any rule file of the workspace. A party is declared
/// in the members block of each treaty it belongs to, and a rule id once per version, so several
/// places may come back.
/// </summary>
internal static class LspDefinition
{
    public static JsonArray? Definition(LspWorkspace workspace, JsonNode? parameters)
    {
        if (LspSymbols.Locate(workspace, parameters, rulesOnly: true) is not { } located) return null;
        var locations = new JsonArray();
        foreach (var (path, file) in located.Files.Where(f => LspSymbols.IsRules(f.Key)))
        {
            var (syntax, _) = RuleFileParser.Parse(file);
            foreach (var span in SymbolDeclarations.Find(syntax, located.Symbol))
            {
                // Added as a JsonNode: the generic Add<T> would go through reflection (not AOT-safe).
                locations.Add((JsonNode)new JsonObject { ["uri"] = located.Uri(path), ["range"] = LspJson.Range(file, span) });
            }
        }
        return locations;
    }
}
