using System.Text.Json.Nodes;
using AllianceRules.Tests.Support;
using Json.Schema;

namespace AllianceRules.Cli.Tests.DiagnosticFormats;

/// <summary>
/// The OASIS SARIF 2.1.0 schema, vendored unchanged in Schemas/ (with its licence). It is written
/// for draft-04, which JsonSchema.Net does not read: its <c>$schema</c> is read as draft-07 and its
/// <c>id</c> is dropped (every reference is local). Draft-07 reads every keyword it uses as draft-04
/// meant it: it has no boolean <c>exclusiveMinimum</c>, the one keyword that changed meaning.
/// </summary>
internal static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    public static JsonSchema Value => Schema.Value;

    public static string Text => File.ReadAllText(Repo.Path("tests", "AllianceRules.Cli.Tests", "Schemas", "sarif-schema-2.1.0.json"));

    private static JsonSchema Load()
    {
        var root = JsonNode.Parse(Text)!.AsObject();
        root["$schema"] = "http://json-schema.org/draft-07/schema#";
        // Its "id" (draft-04's $id) is dropped: every $ref in it is local ("#/definitions/...").
        root.Remove("id");
        return JsonSchema.FromText(root.ToJsonString());
    }
}
