using System.Globalization;
using System.Text;
using System.Text.Json;
using AllianceRules.Text;

namespace AllianceRules.Reporting.Study;

/// <summary><c>alliance study --format csv</c>: one row per alliance–war pair, for R or Stata; <c>verdict</c> is the lenient rule's, <c>strict_verdict</c> the strict one's.</summary>
public static class StudyCsvWriter
{
    public static string Write(ReliabilityStudy study) => CsvFormat.Write(
        ["treaty", CsvFormat.ColumnName(study.By), "name", "from", "period", "kinds", "instances", "fulfilled", "violated", "allies_fought", "indeterminate", "pending", "verdict", "strict_verdict"],
        study.Pairs.Select(p => (IReadOnlyList<string>)
        [
            p.Treaty, p.War, p.Name ?? string.Empty, DateText.Format(p.From), p.From.Year < study.Split ? $"before {study.Split}" : $"{study.Split} on",
            string.Join("+", p.Kinds.Select(k => k.ToString().ToLowerInvariant())),
            I(p.Instances), I(p.Fulfilled), I(p.Violated), I(p.AlliesFought), I(p.Indeterminate), I(p.Pending), StudyTextWriter.Verdict(p.Verdict),
            StudyTextWriter.Verdict(p.StrictVerdict),
        ]));

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary><c>alliance study --format json</c>: the figures and the pairs as data, after the header of <see cref="JsonContract"/> (docs/study.schema.json).</summary>
public static class StudyJsonWriter
{
    public static string Write(ReliabilityStudy study, ToolInfo tool)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            JsonContract.WriteHeader(json, tool);
            json.WriteString("by", study.By);
            json.WriteNumber("split", study.Split);
            Rows(json, "pairs", study.ByPair);
            Rows(json, "byKind", study.ByKind);
            Rows(json, "members", [study.Members]);
            Rows(json, "strictPairs", study.StrictByPair);
            Rows(json, "strictByKind", study.StrictByKind);
            Rows(json, "byAllianceKind", study.ByAllianceKind);
            Rows(json, "strictByAllianceKind", study.StrictByAllianceKind);
            json.WriteNumber("consultationLeftOut", study.Consultation);
            json.WriteNumber("withoutAttribute", study.WithoutAttribute);
            JsonReportWriter.WriteReadings(json, study.Readings);
            if (study.Coverage is { } coverage) Coverage(json, coverage);
            json.WriteStartArray("table");
            foreach (var p in study.Pairs)
            {
                json.WriteStartObject();
                json.WriteString("treaty", p.Treaty);
                // Under a fixed name: '--by name' once wrote two fields called "name".
                json.WriteString("value", p.War);
                if (p.Name is null) json.WriteNull("name");
                else json.WriteString("name", p.Name);
                json.WriteString("from", DateText.Format(p.From));
                json.WriteStartArray("kinds");
                foreach (var k in p.Kinds) json.WriteStringValue(k.ToString().ToLowerInvariant());
                json.WriteEndArray();
                json.WriteNumber("instances", p.Instances);
                json.WriteNumber("fulfilled", p.Fulfilled);
                json.WriteNumber("violated", p.Violated);
                json.WriteNumber("alliesFought", p.AlliesFought);
                json.WriteNumber("indeterminate", p.Indeterminate);
                json.WriteNumber("pending", p.Pending);
                json.WriteString("verdict", StudyTextWriter.Verdict(p.Verdict));
                json.WriteString("strictVerdict", StudyTextWriter.Verdict(p.StrictVerdict));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Coverage(Utf8JsonWriter json, StudyCoverage c)
    {
        json.WriteStartObject("coverage");
        json.WriteNumber("universe", c.Universe);
        json.WriteNumber("invoked", c.Invoked);
        Counts(json, "notInvoked", c.NotInvoked);
        json.WriteNumber("decidedStrict", c.DecidedStrict);
        Counts(json, "undecidedStrict", c.UndecidedStrict);
        json.WriteNumber("decidedLenient", c.DecidedLenient);
        Counts(json, "undecidedLenient", c.UndecidedLenient);
        json.WriteNumber("invokedOutside", c.InvokedOutside);
        json.WriteStartArray("notInvokedPairs");
        foreach (var p in c.NotInvokedPairs)
        {
            json.WriteStartObject();
            json.WriteString("treaty", p.Treaty);
            json.WriteString("value", p.War);
            json.WriteString("reason", p.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Counts(Utf8JsonWriter json, string name, IEnumerable<CoverageCount> counts)
    {
        json.WriteStartArray(name);
        foreach (var c in counts)
        {
            json.WriteStartObject();
            json.WriteString("reason", c.Reason);
            json.WriteNumber("count", c.Count);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Rows(Utf8JsonWriter json, string name, IEnumerable<StudyRow> rows)
    {
        json.WriteStartArray(name);
        foreach (var r in rows)
        {
            json.WriteStartObject();
            json.WriteString("label", r.Label);
            Tally(json, "all", r.All);
            Tally(json, "before", r.Before);
            Tally(json, "after", r.After);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Tally(Utf8JsonWriter json, string name, Tally t)
    {
        json.WriteStartObject(name);
        json.WriteNumber("invoked", t.Invoked);
        json.WriteNumber("honoured", t.Honoured);
        json.WriteNumber("violated", t.Violated);
        if (t.Reliability is { } r) json.WriteNumber("reliability", r);
        else json.WriteNull("reliability");
        json.WriteEndObject();
    }
}
