using System.Text.Json;
using AllianceRules.Diagnostics;

namespace AllianceRules.Reporting.DiagnosticDocuments;

/// <summary>
/// Writes diagnostics as one JSON document (docs/diagnostics.schema.json): <c>schemaVersion</c> and
/// <c>tool</c> of <see cref="JsonContract"/>, then every diagnostic in the order given, each with
/// its place and, when its did-you-mean suggests an edit, the fix.
/// </summary>
public static class DiagnosticJsonWriter
{
    public static string Write(IEnumerable<Diagnostic> diagnostics, ToolInfo tool)
    {
        return JsonContract.Document(json =>
        {
            json.WriteStartObject();
            JsonContract.WriteHeader(json, tool);
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics) WriteDiagnostic(json, d);
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic d)
    {
        json.WriteStartObject();
        json.WriteString("code", d.Code);
        json.WriteString("severity", DiagnosticPlace.Level(d.Severity));
        json.WriteString("message", d.Message);
        if (d.File is { } file)
        {
            json.WriteString("file", file.Path);
            WriteRegion(json, DiagnosticRegion.Of(file, d.Span));
        }
        else
        {
            // A command-line problem belongs to no file: every field is there, null.
            foreach (var name in (string[])["file", "line", "column", "endLine", "endColumn"]) json.WriteNull(name);
        }
        if (d.File is { } fixedFile && d.Fix is { } fix)
        {
            json.WriteStartObject("fix");
            WriteRegion(json, DiagnosticRegion.Of(fixedFile, fix.Span));
            json.WriteString("replacement", fix.Replacement);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("fix");
        }
        json.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter json, DiagnosticRegion region)
    {
        json.WriteNumber("line", region.Line);
        json.WriteNumber("column", region.Column);
        json.WriteNumber("endLine", region.EndLine);
        json.WriteNumber("endColumn", region.EndColumn);
    }
}
