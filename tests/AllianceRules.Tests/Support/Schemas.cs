using System.Text.Json;
using Json.Schema;

namespace AllianceRules.Tests.Support;

/// <summary>
/// The JSON Schemas of docs/, each loaded once per test run (they carry an <c>$id</c>, and the
/// schema registry refuses a second, different registration of one).
/// </summary>
public static class Schemas
{
    private static readonly Lazy<JsonSchema> ReportSchema = new(() => Load("report.schema.json"));
    private static readonly Lazy<JsonSchema> ExplainSchema = new(() => Load("explain.schema.json"));
    private static readonly Lazy<JsonSchema> StudySchema = new(() => Load("study.schema.json"));
    private static readonly Lazy<JsonSchema> ExplainEventSchema = new(() => Load("explain-event.schema.json"));
    private static readonly Lazy<JsonSchema> DiagnosticsSchema = new(() => Load("diagnostics.schema.json"));

    public static readonly string[] Files = ["report.schema.json", "explain.schema.json", "study.schema.json", "explain-event.schema.json", "diagnostics.schema.json"];

    public static JsonSchema Report => ReportSchema.Value;

    public static JsonSchema Explain => ExplainSchema.Value;

    public static JsonSchema Study => StudySchema.Value;

    public static JsonSchema ExplainEvent => ExplainEventSchema.Value;

    /// <summary>The document of <c>--diagnostics-format json</c>.</summary>
    public static JsonSchema Diagnostics => DiagnosticsSchema.Value;

    /// <summary>Why <paramref name="json"/> breaks <paramref name="schema"/>, one line per error; empty when it conforms.</summary>
    public static string Problems(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? string.Empty
            : string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
    }

    /// <summary>Asserts that <paramref name="json"/> conforms, showing every error when it does not.</summary>
    public static void AssertConforms(JsonSchema schema, string json)
    {
        var problems = Problems(schema, json);
        Assert.True(problems.Length == 0, problems);
    }

    private static JsonSchema Load(string name) => JsonSchema.FromText(File.ReadAllText(Repo.Path("docs", name)));
}
