using System.Globalization;
using AllianceRules.Evaluation;
using AllianceRules.Text;
using static AllianceRules.Reporting.Documents.MarkdownBuilder;

namespace AllianceRules.Reporting.Documents;

/// <summary>
/// The compliance report as GitHub-flavoured Markdown, for a CI job to post on a pull request. It
/// opens on the verdicts (a summary, then a table of contents), then the crises, reliability, the
/// treaties, and last the assumptions and inputs. Every text from a rule file or a history is
/// escaped, so none of it can become markup.
/// </summary>
public static class MarkdownReportWriter
{
    public static string Write(ComplianceDocument doc)
    {
        var slugs = new Dictionary<string, int>(StringComparer.Ordinal);
        var head = new MarkdownBuilder(slugs);
        var report = doc.Report;
        var asOf = report.AsOf is { } d ? DateText.Format(d) : "none (nothing was evaluated)";
        head.Heading(1, $"Compliance report, as of {asOf}");
        var totals = DocumentText.Totals(doc);
        head.Paragraph($"{Escape(DocumentText.Scope(doc))}{(totals.Length > 0 ? ": " + totals : string.Empty)}. Produced by `alliance report`; every verdict follows language.md §5.");
        Summary(head, doc);
        if (report.Baseline is { } baseline) MarkdownSections.Changes(head, baseline);
        head.Heading(2, "Contents");

        var body = new MarkdownBuilder(slugs);
        var contents = new List<(int Level, string Text, string Anchor)>();
        void Entry(int level, string text, string anchor) => contents.Add((level, text, anchor));
        Entry(2, "Crises and calendar periods", body.Heading(2, "Crises and calendar periods"));
        Crises(body, doc, Entry);
        Entry(2, "Reliability", body.Heading(2, "Reliability"));
        MarkdownSections.Reliability(body, doc);
        if (report.Sweep is { } sweep)
        {
            var title = $"Sensitivity to {SweepLabels.Names(sweep)}";
            Entry(2, title, body.Heading(2, title));
            MarkdownSections.Sweep(body, sweep);
        }
        Entry(2, "Treaties and members", body.Heading(2, "Treaties and members"));
        foreach (var t in doc.Treaties)
        {
            var title = $"{t.Treaty.Code}: {t.Treaty.Title}";
            Entry(3, title, body.Heading(3, title));
            MarkdownSections.Treaty(body, doc, t);
        }
        if (!doc.Registries.IsEmpty) Entry(3, "Registries", body.Heading(3, "Registries"));
        MarkdownSections.Registries(body, doc);
        Entry(2, "Assumptions and readings", body.Heading(2, "Assumptions and readings"));
        MarkdownSections.Assumptions(body, report);
        Entry(2, "Inputs", body.Heading(2, "Inputs"));
        MarkdownSections.Inputs(body, doc);

        foreach (var (level, text, anchor) in contents) head.Line($"{new string(' ', (level - 2) * 2)}- [{Escape(text)}](#{anchor})");
        head.Line(string.Empty);
        head.Append(body);
        return head.ToString();
    }

    /// <summary>Text as text in Markdown: see <see cref="MarkdownBuilder.Escape"/>.</summary>
    public static string Escape(string text) => MarkdownBuilder.Escape(text);

    /// <summary>A sentence per crisis, reliability by kind, and what is not settled and why.</summary>
    private static void Summary(MarkdownBuilder md, ComplianceDocument doc)
    {
        md.Heading(2, "Summary");
        if (doc.Crises.IsEmpty) md.Paragraph("No event triggered a rule and no calendar period was judged.");
        foreach (var h in doc.Headlines)
        {
            var rules = string.Join("; ", h.Rules.Select(r => $"{InlineCode(r.Rule.QualifiedId)}{(r.Rule.Cites is { } c ? $" ({Escape(c)})" : string.Empty)}: {Escape(r.Outcome)}"));
            md.Line($"- **{Escape(h.Title)}.** {rules}.");
        }
        if (!doc.Crises.IsEmpty) md.Line(string.Empty);
        md.Heading(3, "Reliability by kind of obligation");
        md.Paragraph("Each party's episodes counted once (after Leeds; the Reliability section below has the rule): reliability = fulfilled ÷ invoked.");
        string[] counts = [.. doc.CountColumns, "reliability"];
        md.Table(["treaty", "kind", .. counts],
            doc.ByKind.Select(r => (string[])[r.Treaty, r.Kind.ToString().ToLowerInvariant(), .. doc.CountsOf(r).Select(Num), Rate(r.Reliability)]));
        md.Heading(3, doc.OpenTitle);
        if (doc.Open.IsEmpty)
        {
            md.Paragraph("Nothing is pending: every obligation triggered was decided.");
            return;
        }
        md.Table(["instance", "party", "status", "triggered", "deadline", "why"], doc.Open.Select(i => new[]
        {
            Code(i.Id), i.Party, Status(i.Status), DateText.Format(i.TriggeredOn), i.Deadline is { } dl ? DateText.Format(dl) : "none", Escape(i.Reason),
        }));
    }

    private static void Crises(MarkdownBuilder md, ComplianceDocument doc, Action<int, string, string> entry)
    {
        if (doc.Crises.IsEmpty) md.Paragraph("No event triggered a rule and no calendar period was judged.");
        foreach (var c in doc.Crises)
        {
            var title = CrisisHeadline.Titled(c);
            entry(3, title, md.Heading(3, title));
            if (c.Trigger is { } trigger)
            {
                md.Paragraph($"Trigger: {InlineCode(DocumentText.Where(trigger))}{(trigger.Description is { } text ? $", \"{Escape(text)}\"" : string.Empty)}{(trigger.Attributes.TryGetValue("source", out var src) ? $" (source: {Escape(src)})" : string.Empty)}");
            }
            md.Table(["instance", "party", "status", "deadline", "decided", "evidence"], c.Instances.Select(i => new[]
            {
                Code(i.Id),
                i.Party,
                Verdict(i),
                i.Deadline is { } dl ? DateText.Format(dl) : "none",
                i.DecidedOn is { } on ? DateText.Format(on) : "open",
                Evidence(i),
            }));
            md.Fenced("mermaid", MermaidCharts.Crisis(c));
        }
    }

    /// <summary>The status, and for a late performance or an excuse, what happened: "❌ violated: performed 9 days late (1982-05-27, `f:12`)".</summary>
    internal static string Verdict(InstanceResult i) => i switch
    {
        { Late: { } late } => $"{Status(i.Status)}: {Escape(DocumentText.Late(late))}, {Code(DocumentText.Where(late.Event))})",
        { Excuse: { } excuse } => $"{Status(i.Status)}: {Escape(DocumentText.Excused(excuse))}",
        _ => Status(i.Status),
    };

    private static string Evidence(InstanceResult i)
    {
        var events = i.Excuse is { } excuse ? excuse.Evidence : i.Evidence;
        return events.IsEmpty ? Escape(i.Reason) : string.Join("; ", events.Select(ev => Code(DocumentText.Where(ev))));
    }
}
