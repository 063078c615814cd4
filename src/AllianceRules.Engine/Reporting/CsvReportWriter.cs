using System.Globalization;
using System.Text;
using AllianceRules.Evaluation;
using AllianceRules.Model;
using AllianceRules.Text;

namespace AllianceRules.Reporting;

/// <summary>
/// <c>check --format csv</c>: one row per instance, ready for R or Stata, under a header that is the same
/// for every run (<see cref="Header"/>), so scripts and merged tables never meet a column they did not
/// expect. The attributes of each instance's first trigger and first evidence are one <c>attrs</c> cell
/// (<see cref="Attributes"/>); <c>--csv-attributes</c> adds chosen ones as columns of their own at the end.
/// </summary>
public static class CsvReportWriter
{
    /// <summary>The columns of every CSV report, in order, before any chosen attribute columns.</summary>
    public static readonly IReadOnlyList<string> Header =
    [
        "id", "treaty", "rule", "kind", "party", "status", "would_be", "triggered_on", "deadline", "decided_on",
        "trigger_file", "trigger_line", "trigger", "evidence_file", "evidence_line", "evidence", "bindings", "cites", "reason", "episode",
        "late_on", "days_late", "excused_by", "attrs",
    ];

    /// <param name="attributeColumns">Attribute names (<c>--csv-attributes</c>) that get columns <c>trigger_attr_NAME</c>, then <c>evidence_attr_NAME</c>, after the fixed ones.</param>
    public static string Write(Report report, IReadOnlyList<string>? attributeColumns = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(report, writer, attributeColumns);
        return writer.ToString();
    }

    /// <summary>As <see cref="Write(Report, IReadOnlyList{string}?)"/>, written to <paramref name="writer"/> as the rows are made.</summary>
    public static void Write(Report report, TextWriter writer, IReadOnlyList<string>? attributeColumns = null)
    {
        var chosen = attributeColumns ?? [];
        // Names that differ only in characters R and Stata do not allow ('a-b', 'a_b') get a number, so no column repeats.
        var used = new HashSet<string>(StringComparer.Ordinal);
        string Unique(string name)
        {
            var candidate = name;
            for (var n = 2; !used.Add(candidate); n++) candidate = $"{name}_{n}";
            return candidate;
        }
        string[] header = [.. Header.Select(Unique), .. chosen.Select(a => Unique("trigger_attr_" + CsvFormat.ColumnName(a))), .. chosen.Select(a => Unique("evidence_attr_" + CsvFormat.ColumnName(a)))];
        // The episode each instance counts in, from the one definition, so a table can be summed up as summaryByKind is.
        var episodes = Episodes.KeysOf(report.Instances);
        CsvFormat.Write(writer, header, report.Instances.Select(i => Row(i, episodes[i], chosen)));
    }

    /// <summary>
    /// The <c>attrs</c> cell: the first trigger's attributes as <c>key=value</c> in ordinal order of the keys,
    /// then the first evidence's as <c>evidence.key=value</c>, joined by <c>;</c>. A <c>\</c>, <c>;</c> or
    /// <c>=</c> inside a key or value is written after a <c>\</c>.
    /// </summary>
    public static string Attributes(Event? trigger, Event? evidence)
    {
        var sb = new StringBuilder();
        void Append(Event? e, string prefix)
        {
            if (e is null) return;
            foreach (var (key, value) in e.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                if (sb.Length > 0) sb.Append(';');
                sb.Append(prefix).Append(Escape(key)).Append('=').Append(Escape(value));
            }
        }
        Append(trigger, string.Empty);
        Append(evidence, "evidence.");
        return sb.ToString();
    }

    private static string Escape(string text) =>
        text.AsSpan().IndexOfAny("\\;=") < 0 ? text : text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace("=", "\\=", StringComparison.Ordinal);

    private static string[] Row(InstanceResult i, string episode, IReadOnlyList<string> chosen)
    {
        var trigger = i.FirstTrigger;
        var evidence = i.FirstEvidence;
        return
        [
            i.Id, i.Rule.Treaty, i.Rule.QualifiedId, i.Rule.Kind.ToString().ToLowerInvariant(), i.Party,
            Lower(i.Status), i.WouldBe is { } w ? Lower(w) : string.Empty,
            DateText.Format(i.TriggeredOn), Date(i.Deadline), Date(i.DecidedOn),
            trigger?.Origin.File ?? string.Empty, trigger is null ? string.Empty : Number(trigger.Origin.Line), Describe(trigger),
            evidence?.Origin.File ?? string.Empty, evidence is null ? string.Empty : Number(evidence.Origin.Line), Describe(evidence),
            string.Join(";", i.Bindings.Select(b => $"{b.Key}={b.Value}")), i.Rule.Cites ?? string.Empty, i.Reason, episode,
            i.Late is { } late ? DateText.Format(late.Event.Date) : string.Empty, i.Late is { } l ? Number(l.DaysLate) : string.Empty,
            i.Excuse?.Clause ?? string.Empty, Attributes(trigger, evidence),
            .. chosen.Select(a => Attribute(trigger, a)),
            .. chosen.Select(a => Attribute(evidence, a)),
        ];
    }

    private static string Attribute(Event? e, string name) => e is not null && e.Attributes.TryGetValue(name, out var v) ? v : string.Empty;

    private static string Describe(Event? e) => e is null ? string.Empty : $"{e.Actor} {e.Verb} {e.Target}";

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Lower(InstanceStatus s) => s.ToString().ToLowerInvariant();

    private static string Date(NodaTime.LocalDate? d) => d is { } x ? DateText.Format(x) : string.Empty;
}
