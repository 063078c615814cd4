using System.Text.Json;
using AllianceRules.Evaluation;
using AllianceRules.Text;

namespace AllianceRules.Reporting;

/// <summary>
/// Extension (schema 2.4.0, <c>--baseline</c>): the name of the earlier report and the instances
/// that changed since it, in <see cref="BaselineComparer"/>'s order. Absent without a baseline; an
/// empty <c>changes</c> says that nothing changed.
/// </summary>
internal static class ChangesJson
{
    public static void Write(Utf8JsonWriter json, BaselineComparison baseline)
    {
        json.WriteString("baseline", baseline.Baseline);
        json.WriteStartArray("changes");
        foreach (var c in baseline.Changes)
        {
            json.WriteStartObject();
            json.WriteString("change", Word(c.Kind));
            json.WriteString("rule", c.Rule);
            json.WriteString("party", c.Party);
            json.WriteString("triggeredOn", DateText.Format(c.TriggeredOn));
            json.WriteStartObject("bindings");
            foreach (var (name, value) in c.Bindings) json.WriteString(name, value);
            json.WriteEndObject();
            Nullable(json, "id", c.Id);
            Nullable(json, "baselineId", c.BaselineId);
            Nullable(json, "was", Word(c.Was));
            Nullable(json, "now", Word(c.Now));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>How every report names a kind of change: changed, added, removed.</summary>
    public static string Word(ChangeKind kind) => kind.ToString().ToLowerInvariant();

    private static string? Word(InstanceStatus? status) => status?.ToString().ToLowerInvariant();

    private static void Nullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }
}
