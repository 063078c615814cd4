using System.Text.Json.Nodes;
using AllianceRules.Binding;
using AllianceRules.Parsing;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>
/// <c>textDocument/definition</c> in a rule file: where the verb, party, rule, reading or
/// assumption under the cursor is declared, in any rule file of the workspace. A party is declared
/// in the members block of each treaty it belongs to, and a rule id once per version, so several
/// places may come back.
/// </summary>
internal static class LspDefinition
{
    public static JsonArray? Definition(LspWorkspace workspace, JsonNode? parameters)
    {
        if (LspHover.Locate(workspace, parameters) is not { } located) return null;
        var (snapshot, files, _, symbol) = located;
        var locations = new JsonArray();
        foreach (var (path, file) in files)
        {
            var (syntax, _) = RuleFileParser.Parse(file);
            foreach (var span in SymbolDeclarations.Find(syntax, symbol))
            {
                locations.Add(new JsonObject
                {
                    ["uri"] = snapshot.Open.GetValueOrDefault(path)?.Uri ?? LspUris.FromPath(path),
                    ["range"] = LspJson.Range(file, span),
                });
            }
        }
        return locations;
    }
}
