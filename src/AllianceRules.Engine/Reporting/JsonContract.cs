using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AllianceRules.Reporting;

/// <summary>
/// The program that wrote a JSON document, as its caller knows it: the engine reads no assembly
/// attribute or environment, so the command line passes its own release in.
/// </summary>
/// <param name="Version">The release, SemVer 2.0 without build metadata (<c>0.1.0</c>, <c>1.2.0-rc.1</c>).</param>
public sealed record ToolInfo(string Version)
{
    public const string ToolName = "AllianceRules";

    public string Name => ToolName;
}

/// <summary>
/// The versioned contract shared by every JSON document the program writes (the report,
/// <c>explain</c>, <c>study</c>): each begins with <c>schemaVersion</c> and <c>tool</c>, and
/// validates against the schema of that version in docs/ (language.md §7, "Versions").
/// </summary>
public static class JsonContract
{
    /// <summary>The version of docs/report.schema.json, explain.schema.json and study.schema.json; see the compatibility policy before changing it.</summary>
    public const string SchemaVersion = "2.4.0";

    /// <summary>How every document is written: indented, and with non-ASCII text (Cyrillic names, "¶") as itself rather than escaped.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A small document written whole, as text ending in a newline.</summary>
    internal static string Document(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions)) write(json);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The two fields every document opens with, so a consumer can check them before reading further.</summary>
    public static void WriteHeader(Utf8JsonWriter json, ToolInfo tool)
    {
        json.WriteString("schemaVersion", SchemaVersion);
        json.WriteStartObject("tool");
        json.WriteString("name", tool.Name);
        json.WriteString("version", tool.Version);
        json.WriteEndObject();
    }
}
