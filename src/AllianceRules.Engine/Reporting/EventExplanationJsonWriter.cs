using System.Text.Json;
using AllianceRules.Evaluation.Tracing;
using AllianceRules.Text;

namespace AllianceRules.Reporting;

/// <summary>What one event did, as data: the same steps as the text, after the header of <see cref="JsonContract"/> (docs/explain-event.schema.json).</summary>
public static class EventExplanationJsonWriter
{
    public static void Write(EventExplanation x, ToolInfo tool, Stream stream)
    {
        using (var json = new Utf8JsonWriter(stream, JsonContract.WriterOptions))
        {
            json.WriteStartObject();
            JsonContract.WriteHeader(json, tool);
            ExplanationJsonWriter.Event(json, "event", x.Event);
            json.WriteString("verb", x.Event.Verb);
            ExplanationJsonWriter.Date(json, "asOf", x.Horizon);
            json.WriteBoolean("afterHorizon", x.AfterHorizon);

            json.WriteStartArray("rules");
            foreach (var r in x.Rules) Write(json, r);
            json.WriteEndArray();

            json.WriteStartArray("decided");
            foreach (var i in x.Decided)
            {
                json.WriteStartObject();
                json.WriteString("id", i.Id);
                json.WriteString("rule", i.Rule.QualifiedId);
                json.WriteString("party", i.Party);
                json.WriteString("status", i.Status.ToString().ToLowerInvariant());
                ExplanationJsonWriter.Date(json, "decidedOn", i.DecidedOn);
                json.WriteString("reason", i.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("triggerVerbs");
            foreach (var v in x.TriggerVerbs) json.WriteStringValue(v);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    private static void Write(Utf8JsonWriter json, RuleAttempt r)
    {
        json.WriteStartObject();
        json.WriteString("rule", r.Rule.QualifiedId);
        json.WriteString("title", r.Rule.Title);
        json.WriteString("kind", r.Rule.Kind.ToString().ToLowerInvariant());
        json.WriteBoolean("fired", r.Fired);
        ExplanationJsonWriter.Nullable(json, "failedAt", r.FailedAt is { } failed ? ExplanationJsonWriter.Camel(failed.ToString()) : null);
        json.WriteStartArray("steps");
        foreach (var s in r.Steps)
        {
            json.WriteStartObject();
            json.WriteString("step", ExplanationJsonWriter.Camel(s.Step.ToString()));
            json.WriteBoolean("passed", s.Passed);
            json.WriteBoolean("judged", s.Judged);
            ExplanationJsonWriter.Date(json, "date", s.Date);
            json.WriteString("detail", s.Detail);
            ExplanationJsonWriter.Conditions(json, s.Conditions);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("instances");
        foreach (var i in r.Instances)
        {
            json.WriteStartObject();
            json.WriteString("id", i.Id);
            json.WriteString("party", i.Party);
            json.WriteString("status", i.Status.ToString().ToLowerInvariant());
            json.WriteString("triggeredOn", DateText.Format(i.TriggeredOn));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
