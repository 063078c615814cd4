using System.Globalization;
using System.Text;
using System.Text.Json;
using AllianceRules.Text;

namespace AllianceRules.Reporting.Study;

/// <summary><c>alliance study</c> as text: the figures by kind, then across kinds and per member, then one line per alliance–war pair.</summary>
public static class StudyTextWriter
{
    public static string Write(ReliabilityStudy study)
    {
        var sb = new StringBuilder();
        var invoked = study.Pairs.Count(p => p.Verdict is PairVerdict.Honoured or PairVerdict.Violated);
        sb.AppendLine(CultureInfo.InvariantCulture, $"Reliability study: {study.Pairs.Length} alliance-{study.By} pairs with an obligation instance, {invoked} invoked.");
        sb.AppendLine("A pair is honoured when a member honoured the promise and no member fought an ally.");
        sb.AppendLine();
        // By kind first, always: the figure across kinds is the pair measure of Leeds, Long and Mitchell, not the headline.
        Table(sb, $"Reliability by kind (each alliance-{study.By} pair judged on its promises of that kind)", study, study.ByKind);
        Table(sb, $"Across kinds (each alliance-{study.By} pair judged once, on its strongest invoked promise)", study, study.ByPair);
        Table(sb, "Members (each obligated member in each alliance-war pair, judged the same way)", study, [study.Members]);
        sb.AppendLine(CultureInfo.InvariantCulture, $"Left out: {study.Consultation} consultation instances (no case of alliance performance in war, after Leeds); {study.WithoutAttribute} instances whose trigger has no '{study.By}'.");
        var undecided = study.Pairs.Count(p => p.Verdict == PairVerdict.Undecided);
        if (undecided > 0) sb.AppendLine(CultureInfo.InvariantCulture, $"Undecided: {undecided} pairs wait for an analyst's judgment or for the war's end.");
        if (!study.Readings.IsEmpty) sb.AppendLine("Readings: " + string.Join(", ", study.Readings.Select(r => $"{r.QualifiedName}={r.InForce} ({JsonReportWriter.ReadingSource(r)})")) + ".");
        sb.AppendLine();
        sb.AppendLine("Pairs");
        var rows = study.Pairs.Select(p => new[]
        {
            p.Treaty, p.War, DateText.Format(p.From), string.Join("+", p.Kinds.Select(k => k.ToString().ToLowerInvariant())),
            N(p.Fulfilled), N(p.Violated), N(p.AlliesFought), N(p.Indeterminate), N(p.Pending), Verdict(p.Verdict), p.Name ?? string.Empty,
        }).Prepend(["treaty", study.By, "from", "kinds", "fulfilled", "violated", "fought", "judgment", "pending", "verdict", "name"]).ToList();
        Align(sb, rows, numericFrom: 4, numericTo: 8);
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, string title, ReliabilityStudy study, IReadOnlyList<StudyRow> rows)
    {
        sb.AppendLine(title);
        var before = $"before {study.Split}";
        var after = $"{study.Split} on";
        var cells = rows.Select(r => new[] { r.Label, Figure(r.All), Figure(r.Before), Figure(r.After) })
            .Prepend(["", "all years", before, after]).ToList();
        Align(sb, cells, numericFrom: 1, numericTo: 3);
        sb.AppendLine();
    }

    private static string Figure(Tally t) => t.Reliability is { } r
        ? string.Create(CultureInfo.InvariantCulture, $"{t.Honoured}/{t.Invoked} = {r * 100:0.0}%")
        : "-";

    private static void Align(StringBuilder sb, List<string[]> rows, int numericFrom, int numericTo)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            sb.Append("  ");
            sb.AppendLine(string.Join("  ", row.Select((cell, c) => c >= numericFrom && c <= numericTo ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Verdict(PairVerdict v) => v switch
    {
        PairVerdict.NotInvoked => "not-invoked",
        _ => v.ToString().ToLowerInvariant(),
    };
}

/// <summary><c>alliance study --format csv</c>: one row per alliance–war pair, for R or Stata.</summary>
public static class StudyCsvWriter
{
    public static string Write(ReliabilityStudy study) => CsvFormat.Write(
        ["treaty", CsvFormat.ColumnName(study.By), "name", "from", "period", "kinds", "instances", "fulfilled", "violated", "allies_fought", "indeterminate", "pending", "verdict"],
        study.Pairs.Select(p => (IReadOnlyList<string>)
        [
            p.Treaty, p.War, p.Name ?? string.Empty, DateText.Format(p.From), p.From.Year < study.Split ? $"before {study.Split}" : $"{study.Split} on",
            string.Join("+", p.Kinds.Select(k => k.ToString().ToLowerInvariant())),
            I(p.Instances), I(p.Fulfilled), I(p.Violated), I(p.AlliesFought), I(p.Indeterminate), I(p.Pending), StudyTextWriter.Verdict(p.Verdict),
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
            json.WriteNumber("consultationLeftOut", study.Consultation);
            json.WriteNumber("withoutAttribute", study.WithoutAttribute);
            JsonReportWriter.WriteReadings(json, study.Readings);
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
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
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
