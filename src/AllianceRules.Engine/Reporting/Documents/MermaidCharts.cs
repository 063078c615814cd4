using System.Globalization;
using AllianceRules.Evaluation;
using AllianceRules.Text;

namespace AllianceRules.Reporting.Documents;

/// <summary>
/// The Markdown report's pictures, as Mermaid (GitHub draws it): Gantt charts of membership and of
/// each crisis's windows, and a bar chart of reliability by party and kind. Only codes, dates and
/// numbers go into a chart, never free text, so nothing needs escaping inside the fence.
/// </summary>
internal static class MermaidCharts
{
    public static IEnumerable<string> Membership(ComplianceDocument doc, TreatySection section)
    {
        var end = DateText.Format(doc.TimelineEnd(section.Treaty));
        yield return "gantt";
        yield return "  dateFormat YYYY-MM-DD";
        yield return $"  title {Safe(section.Treaty.Code)} membership (open-ended: active bars)";
        foreach (var m in section.Members)
        {
            yield return $"  section {Safe(m.Party)}";
            foreach (var r in m.Intervals)
            {
                var frozen = m.Frozen.Contains(r);
                // An open membership runs to the chart's end as an "active" bar, so it never looks like one that ended there.
                var (name, tag) = (frozen, r.End) switch
                {
                    (true, _) => ("frozen", "done, "),
                    (false, null) => ("member, open-ended", "active, "),
                    _ => ("member", string.Empty),
                };
                yield return $"  {name} :{tag}{DateText.Format(r.Start)}, {(r.End is { } e ? DateText.Format(e) : end)}";
            }
        }
    }

    public static IEnumerable<string> Crisis(CrisisSection crisis)
    {
        yield return "gantt";
        yield return "  dateFormat YYYY-MM-DD";
        foreach (var i in crisis.Instances)
        {
            yield return $"  section {Safe(i.Party)} {Safe(i.Id.Split('#')[0].Split('.')[1])}";
            var tag = i.Status switch
            {
                InstanceStatus.Violated => "crit, ",
                InstanceStatus.Fulfilled => "done, ",
                InstanceStatus.Pending => "active, ",
                _ => string.Empty,
            };
            var until = i.Deadline ?? i.TriggeredOn;
            yield return $"  window :{tag}{DateText.Format(i.TriggeredOn)}, {DateText.Format(DateMath.NextDay(until))}";
            if (i.DecidedOn is { } on) yield return $"  {DocumentText.StatusWord(i.Status)} :milestone, {DateText.Format(on)}, 0d";
            if (i.Late is { } late) yield return $"  performed late :milestone, {DateText.Format(late.Event.Date)}, 0d";
        }
    }

    /// <summary>Reliability (fulfilled ÷ invoked episodes) per party and kind, as horizontal bars from 0 to 1.</summary>
    public static IEnumerable<string> Reliability(IReadOnlyList<KindReliabilityRow> rows)
    {
        yield return "xychart-beta horizontal";
        yield return "  title \"Reliability by party and kind (fulfilled / invoked episodes)\"";
        yield return $"  x-axis [{string.Join(", ", rows.Select(r => $"\"{Safe(r.Treaty)} {Safe(r.Party)} {r.Kind.ToString().ToLowerInvariant()}\""))}]";
        yield return "  y-axis \"reliability\" 0 --> 1";
        yield return $"  bar [{string.Join(", ", rows.Select(r => (r.Reliability ?? 0).ToString("0.##", CultureInfo.InvariantCulture)))}]";
    }

    /// <summary>Codes are letters, digits and a few signs; anything else (a quote, a colon) would end a Mermaid token early.</summary>
    private static string Safe(string code) => new([.. code.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
}
