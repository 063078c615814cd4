using AllianceRules.Evaluation;
using AllianceRules.Model;
using AllianceRules.Text;

namespace AllianceRules.Reporting;

/// <summary>
/// <c>check --format csv</c>: one row per instance, ready for R or Stata. The attributes of each
/// instance's first trigger and first evidence become columns of their own (<c>trigger_attr_war</c>,
/// <c>evidence_attr_war</c>), one per attribute name found in the report, so a verdict can be joined
/// back to the war or the dataset row it rests on.
/// </summary>
public static class CsvReportWriter
{
    private static readonly string[] Fixed =
    [
        "id", "treaty", "rule", "kind", "party", "status", "would_be", "triggered_on", "deadline", "decided_on",
        "trigger_file", "trigger_line", "trigger", "evidence_file", "evidence_line", "evidence", "bindings", "cites", "reason", "episode",
    ];

    public static string Write(Report report)
    {
        var triggerAttributes = AttributeNames(report.Instances.Select(i => i.FirstTrigger));
        var evidenceAttributes = AttributeNames(report.Instances.Select(i => i.FirstEvidence));
        // Names that differ only in characters R and Stata do not allow ('a-b', 'a_b') get a number, so no column repeats.
        var used = new HashSet<string>(StringComparer.Ordinal);
        string Unique(string name)
        {
            var candidate = name;
            for (var n = 2; !used.Add(candidate); n++) candidate = $"{name}_{n}";
            return candidate;
        }
        string[] header = [.. Fixed.Select(Unique), .. triggerAttributes.Select(a => Unique("trigger_attr_" + CsvFormat.ColumnName(a))), .. evidenceAttributes.Select(a => Unique("evidence_attr_" + CsvFormat.ColumnName(a)))];
        // The episode each instance counts in, from the one definition, so a table can be summed up as summaryByKind is.
        var episodes = Episodes.KeysOf(report.Instances);
        return CsvFormat.Write(header, report.Instances.Select(i => Row(i, episodes[i], triggerAttributes, evidenceAttributes)));
    }

    private static string[] Row(InstanceResult i, string episode, IReadOnlyList<string> triggerAttributes, IReadOnlyList<string> evidenceAttributes)
    {
        var trigger = i.FirstTrigger;
        var evidence = i.FirstEvidence;
        return
        [
            i.Id, i.Rule.Treaty, i.Rule.QualifiedId, i.Rule.Kind.ToString().ToLowerInvariant(), i.Party,
            Lower(i.Status), i.WouldBe is { } w ? Lower(w) : string.Empty,
            DateText.Format(i.TriggeredOn), Date(i.Deadline), Date(i.DecidedOn),
            trigger?.Origin.File ?? string.Empty, trigger is null ? string.Empty : trigger.Origin.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), Describe(trigger),
            evidence?.Origin.File ?? string.Empty, evidence is null ? string.Empty : evidence.Origin.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), Describe(evidence),
            string.Join(";", i.Bindings.Select(b => $"{b.Key}={b.Value}")), i.Rule.Cites ?? string.Empty, i.Reason, episode,
            .. triggerAttributes.Select(a => Attribute(trigger, a)),
            .. evidenceAttributes.Select(a => Attribute(evidence, a)),
        ];
    }

    private static List<string> AttributeNames(IEnumerable<Event?> events) =>
        [.. events.OfType<Event>().SelectMany(e => e.Attributes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string Attribute(Event? e, string name) => e is not null && e.Attributes.TryGetValue(name, out var v) ? v : string.Empty;

    private static string Describe(Event? e) => e is null ? string.Empty : $"{e.Actor} {e.Verb} {e.Target}";

    private static string Lower(InstanceStatus s) => s.ToString().ToLowerInvariant();

    private static string Date(NodaTime.LocalDate? d) => d is { } x ? DateText.Format(x) : string.Empty;
}
