using System.Text.Json;
using AllianceRules.Diagnostics;

namespace AllianceRules.Reporting.DiagnosticDocuments;

/// <summary>
/// Writes diagnostics as a SARIF 2.1.0 log of one run, so that code-scanning tools (GitHub's among
/// them) annotate rule files where the problems are. Each code used is a rule with its title from
/// <see cref="DiagnosticTitles"/>; a did-you-mean's edit is a SARIF fix.
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    public static string Write(IEnumerable<Diagnostic> diagnostics, ToolInfo tool)
    {
        var list = diagnostics.ToList();
        var rules = list.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        return JsonContract.Document(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, tool, rules);
            // Our columns count UTF-16 code units, as .NET strings do.
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            foreach (var d in list) WriteResult(json, d, rules.IndexOf(d.Code));
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteTool(Utf8JsonWriter json, ToolInfo tool, List<string> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", tool.Name);
        json.WriteString("version", tool.Version);
        json.WriteString("semanticVersion", tool.Version);
        json.WriteStartArray("rules");
        foreach (var code in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", code);
            if (DiagnosticTitles.Of(code) is { } title)
            {
                json.WriteStartObject("shortDescription");
                json.WriteString("text", title);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic d, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", d.Code);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", d.Severity switch { Severity.Error => "error", Severity.Information => "note", _ => "warning" });
        json.WriteStartObject("message");
        json.WriteString("text", d.Message);
        json.WriteEndObject();
        // A command-line problem belongs to no file, so it has no location.
        if (d.File is { } file)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            WriteArtifact(json, file.Path);
            WriteRegion(json, "region", DiagnosticRegion.Of(file, d.Span));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }
        if (d.File is { } fixedFile && d.Fix is { } fix) WriteFix(json, fixedFile.Path, DiagnosticRegion.Of(fixedFile, fix.Span), fix.Replacement);
        json.WriteEndObject();
    }

    private static void WriteFix(Utf8JsonWriter json, string path, DiagnosticRegion region, string replacement)
    {
        json.WriteStartArray("fixes");
        json.WriteStartObject();
        json.WriteStartObject("description");
        json.WriteString("text", $"Replace with '{replacement}'");
        json.WriteEndObject();
        json.WriteStartArray("artifactChanges");
        json.WriteStartObject();
        WriteArtifact(json, path);
        json.WriteStartArray("replacements");
        json.WriteStartObject();
        WriteRegion(json, "deletedRegion", region);
        json.WriteStartObject("insertedContent");
        json.WriteString("text", replacement);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteArtifact(Utf8JsonWriter json, string path)
    {
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", DiagnosticPlace.Uri(path));
        json.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter json, string name, DiagnosticRegion region)
    {
        json.WriteStartObject(name);
        json.WriteNumber("startLine", region.Line);
        json.WriteNumber("startColumn", region.Column);
        json.WriteNumber("endLine", region.EndLine);
        json.WriteNumber("endColumn", region.EndColumn);
        json.WriteEndObject();
    }
}
