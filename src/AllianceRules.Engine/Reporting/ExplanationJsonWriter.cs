using System.Text.Json;
using AllianceRules.Evaluation.Tracing;
using AllianceRules.Model;
using AllianceRules.Text;

namespace AllianceRules.Reporting;

/// <summary>Explanations as data: the same steps as the text, field for field, after the header of <see cref="JsonContract"/> (docs/explain.schema.json).</summary>
public static class ExplanationJsonWriter
{
    public static void Write(IEnumerable<Explanation> explanations, ToolInfo tool, Stream stream)
    {
        using (var json = new Utf8JsonWriter(stream, JsonContract.WriterOptions))
        {
            json.WriteStartObject();
            JsonContract.WriteHeader(json, tool);
            json.WriteStartArray("explanations");
            foreach (var x in explanations) Write(json, x);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    private static void Write(Utf8JsonWriter json, Explanation x)
    {
        var i = x.Instance;
        var rule = i.Rule;
        json.WriteStartObject();
        json.WriteString("id", i.Id);
        json.WriteString("rule", rule.QualifiedId);
        json.WriteString("party", i.Party);
        json.WriteString("status", i.Status.ToString().ToLowerInvariant());
        json.WriteString("triggeredOn", DateText.Format(i.TriggeredOn));
        Date(json, "deadline", i.Deadline);
        Date(json, "decidedOn", i.DecidedOn);
        json.WriteString("reason", i.Reason);

        json.WriteStartArray("triggers");
        foreach (var t in x.Triggers)
        {
            json.WriteStartObject();
            Event(json, "event", t.Event);
            Conditions(json, t.Conditions);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (x.Period is { } p)
        {
            json.WriteStartObject("period");
            Date(json, "start", p.Start);
            Date(json, "deadline", p.Deadline);
            Date(json, "observedFrom", p.Observed.Start);
            Date(json, "observedTo", p.Observed.End);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("period");
        }

        json.WriteStartObject("ruleInForce");
        json.WriteString("rule", rule.QualifiedId);
        Nullable(json, "cites", rule.Cites);
        Nullable(json, "quote", rule.Quote);
        Date(json, "effectiveFrom", rule.Effective?.Start);
        Date(json, "effectiveTo", rule.Effective?.End);
        json.WriteStartArray("otherVersions");
        foreach (var v in x.Versions.Where(v => v.Rule != rule))
        {
            json.WriteStartObject();
            json.WriteString("rule", v.Rule.QualifiedId);
            Date(json, "effectiveFrom", v.Rule.Effective?.Start);
            Date(json, "effectiveTo", v.Rule.Effective?.End);
            json.WriteBoolean("inForce", v.InForce);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("parties");
        foreach (var party in x.Parties)
        {
            json.WriteStartObject();
            json.WriteString("party", party.Party);
            json.WriteString("verdict", Camel(party.Verdict.ToString()));
            json.WriteString("why", party.Why);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        var w = x.Window;
        json.WriteStartObject("window");
        Date(json, "from", w.From);
        Date(json, "deadline", w.Deadline);
        Nullable(json, "period", w.Period is null ? null : JsonReportWriter.PeriodText(w.Period));
        Nullable(json, "assumption", w.Assumption is null ? null : $"{x.Treaty.Code}.{w.Assumption}");
        json.WriteBoolean("overridden", w.Overridden);
        Nullable(json, "declared", w.Declared is null ? null : JsonReportWriter.PeriodText(w.Declared));
        Nullable(json, "note", w.Note);
        if (w.Before is { } before) json.WriteString("before", before);
        json.WriteEndObject();

        json.WriteStartArray("candidates");
        foreach (var c in x.Candidates)
        {
            json.WriteStartObject();
            Event(json, "event", c.Event);
            json.WriteString("verdict", Camel(c.Verdict.ToString()));
            json.WriteString("why", c.Why);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        // 2.4.0, as in the report: present only when there is one.
        if (i.Late is { } late)
        {
            json.WriteStartObject("late");
            Date(json, "on", late.Event.Date);
            json.WriteNumber("daysLate", late.DaysLate);
            Event(json, "event", late.Event);
            json.WriteEndObject();
        }
        if (i.Excuse is { } excuse)
        {
            json.WriteStartObject("excuse");
            json.WriteString("clause", excuse.Clause);
            json.WriteStartArray("evidence");
            foreach (var e in excuse.Evidence)
            {
                json.WriteStartObject();
                Event(json, "event", e);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    internal static void Event(Utf8JsonWriter json, string name, Event e)
    {
        json.WriteStartObject(name);
        json.WriteString("file", e.Origin.File);
        json.WriteNumber("line", e.Origin.Line);
        json.WriteString("text", e.Origin.Text);
        // As in the report (2.1.0): only an interval event has an end, null when it lasts to the horizon.
        if (e.End is { } end) Date(json, "end", end == Model.Event.OpenEnd ? null : end);
        Nullable(json, "description", e.Description);
        Nullable(json, "source", e.Attributes.GetValueOrDefault("source"));
        json.WriteEndObject();
    }

    internal static void Date(Utf8JsonWriter json, string name, NodaTime.LocalDate? date)
    {
        if (date is { } d) json.WriteString(name, DateText.Format(d));
        else json.WriteNull(name);
    }

    internal static void Nullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

    /// <summary>The conditions judged on one trigger, as "conditions": [{clause, condition, holds, detail}].</summary>
    internal static void Conditions(Utf8JsonWriter json, IEnumerable<ConditionNote> conditions)
    {
        json.WriteStartArray("conditions");
        foreach (var c in conditions)
        {
            json.WriteStartObject();
            json.WriteString("clause", c.Clause);
            json.WriteString("condition", c.Condition);
            json.WriteBoolean("holds", c.Holds);
            json.WriteString("detail", c.Detail);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    internal static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];
}
