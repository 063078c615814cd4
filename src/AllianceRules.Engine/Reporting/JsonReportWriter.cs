using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using AllianceRules.Evaluation;
using AllianceRules.Model;
using NodaTime;
using NodaTime.Text;

namespace AllianceRules.Reporting;

/// <summary>
/// Writes the JSON report of language.md §7, field for field and in that order, after the
/// <c>schemaVersion</c> and <c>tool</c> of <see cref="JsonContract"/>.
/// </summary>
public static class JsonReportWriter
{
    private const int FlushAt = 1 << 16;

    /// <param name="inputs">The files the report was made from (schema 2.4.0 <c>inputs</c>); none when it was made from no files.</param>
    public static string Write(Report report, ToolInfo tool, IReadOnlyList<Documents.InputDigest>? inputs = null)
    {
        using var stream = new MemoryStream();
        Write(report, tool, stream, inputs);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the report to a stream as it goes: a large report is never held in memory whole.</summary>
    public static void Write(Report report, ToolInfo tool, Stream stream, IReadOnlyList<Documents.InputDigest>? inputs = null)
    {
        using (var json = new Utf8JsonWriter(stream, JsonContract.WriterOptions))
        {
            json.WriteStartObject();
            JsonContract.WriteHeader(json, tool);
            WriteInputs(json, inputs ?? []);
            WriteDate(json, "asOf", report.AsOf);
            json.WriteStartArray("assumptions");
            foreach (var a in report.Assumptions)
            {
                json.WriteStartObject();
                json.WriteString("treaty", a.Treaty);
                json.WriteString("name", a.Name);
                json.WriteString("period", PeriodText(a.Period));
                json.WriteBoolean("overridden", a.Overridden);
                WriteNullable(json, "note", a.Note);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteReadings(json, report.Readings);
            json.WriteStartArray("instances");
            // The episode each instance counts in, so a reader can tell what summaryByKind counted once.
            var episodes = Episodes.KeysOf(report.Instances);
            foreach (var i in report.Instances)
            {
                WriteInstance(json, i, episodes[i]);
                // The writer buffers until flushed; a report of a long history would otherwise be held whole.
                if (json.BytesPending > FlushAt) json.Flush();
            }
            json.WriteEndArray();
            json.WriteStartArray("summary");
            // Only rules that need judgment give indeterminate instances; other reports keep the contract's shape.
            var anyIndeterminate = report.Summary.Any(r => r.Indeterminate > 0);
            foreach (var row in report.Summary)
            {
                json.WriteStartObject();
                json.WriteString("treaty", row.Treaty);
                json.WriteString("party", row.Party);
                WriteCounts(json, row.Fulfilled, row.Violated, row.Pending, row.Discharged, row.Excused, anyIndeterminate ? row.Indeterminate : null, null, row.Reliability);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteSummaryByKind(json, report);
            if (!report.CalendarDuties.IsEmpty) WriteCalendar(json, report);
            if (report.Sweep is { } sweep) WriteSweep(json, sweep);
            if (report.Baseline is { } baseline) ChangesJson.Write(json, baseline);
            if (!report.Skipped.IsEmpty) WriteSkipped(json, report);
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    /// <summary>
    /// Schema 2.4.0: every file read, in the order found, so a reader can tell which bytes gave the
    /// report. Always present; empty for a report made from no files (tests, the playground's text).
    /// </summary>
    private static void WriteInputs(Utf8JsonWriter json, IReadOnlyList<Documents.InputDigest> inputs)
    {
        json.WriteStartArray("inputs");
        foreach (var input in inputs)
        {
            json.WriteStartObject();
            json.WriteString("path", input.Path);
            json.WriteString("kind", input.Kind);
            json.WriteString("sha256", input.Sha256);
            json.WriteNumber("lines", input.Lines);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>
    /// Schema 2.1.0: reliability as Leeds counts it, per treaty, party and kind, each episode once
    /// (language.md §7). Always present, and with every count, since no older consumer reads it.
    /// </summary>
    private static void WriteSummaryByKind(Utf8JsonWriter json, Report report)
    {
        json.WriteStartArray("summaryByKind");
        foreach (var row in report.SummaryByKind)
        {
            json.WriteStartObject();
            json.WriteString("treaty", row.Treaty);
            json.WriteString("party", row.Party);
            json.WriteString("kind", row.Kind.ToString().ToLowerInvariant());
            WriteCounts(json, row.Fulfilled, row.Violated, row.Pending, row.Discharged, row.Excused, row.Indeterminate, row.Episodes, row.Reliability);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>The counts of a reliability row, in the contract's order; a null count is left out.</summary>
    private static void WriteCounts(Utf8JsonWriter json, int fulfilled, int violated, int pending, int discharged, int excused, int? indeterminate, int? episodes, double? reliability)
    {
        json.WriteNumber("invoked", fulfilled + violated);
        json.WriteNumber("fulfilled", fulfilled);
        json.WriteNumber("violated", violated);
        json.WriteNumber("pending", pending);
        json.WriteNumber("discharged", discharged);
        json.WriteNumber("excused", excused);
        if (indeterminate is { } i) json.WriteNumber("indeterminate", i);
        if (episodes is { } e) json.WriteNumber("episodes", e);
        if (reliability is { } r) json.WriteNumber("reliability", r);
        else json.WriteNull("reliability");
    }

    /// <summary>Extension: rows of imported data that no verb could stand for, counted by reason.</summary>
    private static void WriteSkipped(Utf8JsonWriter json, Report report)
    {
        json.WriteStartArray("skipped");
        foreach (var (reason, count) in report.Skipped.Counts)
        {
            json.WriteStartObject();
            json.WriteString("reason", reason);
            json.WriteNumber("count", count);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>
    /// Extension (<c>--sweep</c>): the assumptions and their values, every combination tried (the
    /// first assumption varying slowest), and the instances whose status changes, with their status
    /// under each combination in that order.
    /// </summary>
    private static void WriteSweep(Utf8JsonWriter json, Sweep sweep)
    {
        json.WriteStartObject("sweep");
        json.WriteStartArray("assumptions");
        foreach (var axis in sweep.Axes)
        {
            json.WriteStartObject();
            json.WriteString("name", axis.Name);
            json.WriteString("kind", axis.IsReading ? "reading" : "assumption");
            json.WriteStartArray("values");
            foreach (var v in axis.Values) json.WriteStringValue(v);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("combinations");
        foreach (var combination in sweep.Combinations)
        {
            json.WriteStartObject();
            for (var a = 0; a < sweep.Axes.Length; a++) json.WriteString(sweep.Axes[a].Name, combination[a]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("unchanged", sweep.Unchanged);
        json.WriteStartArray("changes");
        foreach (var c in sweep.Changes)
        {
            json.WriteStartObject();
            json.WriteString("rule", c.Rule);
            json.WriteString("party", c.Party);
            WriteDate(json, "triggeredOn", c.TriggeredOn);
            json.WriteStartObject("bindings");
            foreach (var (name, value) in c.Bindings) json.WriteString(name, value);
            json.WriteEndObject();
            WriteNullable(json, "trigger", c.Trigger);
            json.WriteStartArray("statuses");
            foreach (var s in c.Statuses)
            {
                if (s is { } status) json.WriteStringValue(status.ToString().ToLowerInvariant());
                else json.WriteNullValue();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Extension: which rules are calendar duties and the observed intervals they were judged in, so "not judged" is told from "nothing due".</summary>
    private static void WriteCalendar(Utf8JsonWriter json, Report report)
    {
        json.WriteStartObject("calendar");
        json.WriteStartArray("duties");
        foreach (var duty in report.CalendarDuties) json.WriteStringValue(duty);
        json.WriteEndArray();
        json.WriteStartArray("observed");
        foreach (var range in report.Observed)
        {
            json.WriteStartObject();
            WriteDate(json, "from", range.Start);
            WriteDate(json, "to", range.End);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>ISO 8601 as the contract prints it: <c>P30D</c>, <c>P1M</c>, <c>P4W</c>.</summary>
    /// <summary>
    /// The readings in force (schema 2.1.0): every one, chosen or not. Like the other extensions it
    /// is present only when there is something to list, so a report without readings is as before.
    /// </summary>
    internal static void WriteReadings(Utf8JsonWriter json, ImmutableArray<Reading> readings)
    {
        if (readings.IsEmpty) return;
        json.WriteStartArray("readings");
        foreach (var r in readings)
        {
            json.WriteStartObject();
            json.WriteString("name", r.QualifiedName);
            json.WriteString("option", r.InForce);
            json.WriteString("description", r.Option.Description);
            json.WriteString("title", r.Title);
            json.WriteString("source", ReadingSource(r));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>Where the option in force came from, in the words every report uses.</summary>
    public static string ReadingSource(Reading reading) => reading.Chosen ? "command line" : "default";

    public static string PeriodText(Period period) => PeriodPattern.Roundtrip.Format(period);

    private static void WriteInstance(Utf8JsonWriter json, InstanceResult i, string episode)
    {
        json.WriteStartObject();
        json.WriteString("id", i.Id);
        json.WriteString("treaty", i.Rule.Treaty);
        json.WriteString("rule", i.Rule.QualifiedId);
        json.WriteString("kind", i.Rule.Kind.ToString().ToLowerInvariant());
        json.WriteString("party", i.Party);
        json.WriteString("status", i.Status.ToString().ToLowerInvariant());
        WriteDate(json, "triggeredOn", i.TriggeredOn);
        WriteDate(json, "deadline", i.Deadline);
        WriteDate(json, "decidedOn", i.DecidedOn);
        json.WriteString("episode", episode);
        json.WriteStartObject("bindings");
        foreach (var (name, value) in i.Bindings) json.WriteString(name, value);
        json.WriteEndObject();
        WriteEvents(json, "triggers", i.Triggers);
        WriteEvents(json, "evidence", i.Evidence);
        json.WriteString("reason", i.Reason);
        WriteNullable(json, "cites", i.Rule.Cites);
        if (i.WouldBe is { } wouldBe)
        {
            json.WriteString("wouldBe", wouldBe.ToString().ToLowerInvariant());
            json.WriteString("judgment", i.Rule.Judgment);
        }
        // 2.4.0: present only when there is one, so other instances read as before.
        if (i.Late is { } late)
        {
            json.WriteStartObject("late");
            WriteDate(json, "on", late.Event.Date);
            json.WriteNumber("daysLate", late.DaysLate);
            json.WritePropertyName("event");
            WriteEvent(json, late.Event);
            json.WriteEndObject();
        }
        if (i.Excuse is { } excuse)
        {
            json.WriteStartObject("excuse");
            json.WriteString("clause", excuse.Clause);
            WriteEvents(json, "evidence", excuse.Evidence);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteEvents(Utf8JsonWriter json, string name, IEnumerable<Event> events)
    {
        json.WriteStartArray(name);
        foreach (var e in events) WriteEvent(json, e);
        json.WriteEndArray();
    }

    private static void WriteEvent(Utf8JsonWriter json, Event e)
    {
        json.WriteStartObject();
        json.WriteString("file", e.Origin.File);
        json.WriteNumber("line", e.Origin.Line);
        json.WriteString("text", e.Origin.Text);
        // Only an interval event has an end (2.1.0): a date, or null when it lasts to the horizon.
        if (e.End is { } end) WriteDate(json, "end", end == Event.OpenEnd ? null : end);
        json.WriteStartObject("attrs");
        foreach (var (k, v) in e.Attributes) json.WriteString(k, v);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, LocalDate? date)
    {
        if (date is { } d) json.WriteString(name, LocalDatePattern.Iso.Format(d));
        else json.WriteNull(name);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }
}
