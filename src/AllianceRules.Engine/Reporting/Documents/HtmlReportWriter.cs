using AllianceRules.Evaluation;
using AllianceRules.Text;
using static AllianceRules.Reporting.Documents.HtmlMarkup;

namespace AllianceRules.Reporting.Documents;

/// <summary>
/// The compliance report as one self-contained page: inline CSS and SVG, no script, no external
/// request (a Content-Security-Policy forbids both), readable on screen, on a phone and in print.
/// It opens on the verdicts (a summary, then a table of contents), then the crises, reliability,
/// the treaties, and last the assumptions and inputs. The page is well-formed XML (polyglot
/// HTML5), and every text from a rule file or a history is escaped.
/// </summary>
public static class HtmlReportWriter
{
    private const string Css = """
        :root { --ok: #1a7f37; --bad: #cf222e; --open: #9a6700; --quiet: #57606a; --line: #d0d7de; }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.8rem; margin-bottom: .2rem; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2.2rem; }
        h3 { margin-top: 1.6rem; } .lead { color: var(--quiet); }
        table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .9rem; } th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .scroll { overflow-x: auto; }
        code { font: .85em ui-monospace, "SF Mono", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
        p, li, td, dd, figcaption, blockquote { overflow-wrap: anywhere; }
        blockquote { margin: .2rem 0 .6rem 1rem; padding-left: .8rem; border-left: 3px solid var(--line); color: var(--quiet); }
        .fulfilled { color: var(--ok); } .violated { color: var(--bad); } .pending { color: var(--open); } .discharged, .excused { color: var(--quiet); }
        .status { font-weight: 600; } .status .detail { font-weight: 400; }
        ul.headlines li { margin: .3rem 0; } nav ol { padding-left: 1.4rem; } nav ol ol { font-size: .9rem; }
        figure { margin: .6rem 0 1.2rem; } figcaption { font-size: .8rem; color: var(--quiet); }
        svg { max-width: 100%; height: auto; } svg text { font: 11px system-ui, sans-serif; fill: #1f2328; }
        .bar-member { fill: #8fb8de; } .bar-frozen { fill: #d0d7de; } .bar-fulfilled { fill: #aee2b8; } .bar-violated { fill: #f6b1b5; }
        .bar-pending { fill: #f5d77a; } .bar-discharged, .bar-excused { fill: #e4e7eb; } .bar-indeterminate { fill: #c9b8e8; } .tick { stroke: #8c959f; stroke-width: .5; }
        .mark-fulfilled { fill: var(--ok); } .mark-violated { fill: var(--bad); } .mark-pending { fill: var(--open); } .mark-discharged, .mark-excused { fill: var(--quiet); } .mark-late { fill: #8250df; }
        .trigger { stroke: #1f2328; stroke-width: 1.5; }
        @media (max-width: 40rem) { body { margin: 1rem auto; padding: 0 .6rem; font-size: 14px; } table { font-size: .8rem; } th, td { padding: .2rem .3rem; } }
        @media print { body { margin: 0; max-width: none; font-size: 11pt; } nav { display: none; } table { font-size: 8pt; } th, td { padding: 1px 3px; } h2 { break-after: avoid; } table, figure, section.crisis { break-inside: avoid; } a { color: inherit; } .scroll { overflow: visible; } }
        """;

    public static string Write(ComplianceDocument doc)
    {
        var h = new HtmlMarkup();
        var report = doc.Report;
        var asOf = report.AsOf is { } d ? DateText.Format(d) : "none (nothing was evaluated)";
        h.Raw("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        // No script may run and nothing may be fetched, whatever a history's descriptions contain.
        h.Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>\n");
        h.Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        h.Open("title").Text($"Compliance report, as of {asOf}").Close("title");
        h.Open("style").Raw(Css).Close("style");
        h.Raw("</head>\n<body>\n");
        h.Open("h1").Text($"Compliance report, as of {asOf}").Close("h1");
        var totals = DocumentText.Totals(doc);
        h.P($"{DocumentText.Scope(doc)}{(totals.Length > 0 ? ": " + totals : string.Empty)}. Produced by alliance report; every verdict follows the language's rules (language.md §5).", "lead");

        Summary(h, doc);
        if (report.Baseline is { } baseline) HtmlSections.Changes(h, baseline);
        Contents(h, doc);
        h.Heading("h2", "crises", "Crises and calendar periods");
        Crises(h, doc);
        h.Heading("h2", "reliability", "Reliability");
        HtmlSections.Reliability(h, doc);
        if (report.Sweep is { } sweep)
        {
            h.Heading("h2", "sensitivity", $"Sensitivity to {SweepLabels.Names(sweep)}");
            HtmlSections.Sweep(h, sweep);
        }
        h.Heading("h2", "treaties", "Treaties and members");
        foreach (var t in doc.Treaties) HtmlSections.Treaty(h, doc, t);
        HtmlSections.Registries(h, doc);
        h.Heading("h2", "assumptions", "Assumptions and readings");
        HtmlSections.Assumptions(h, report);
        h.Heading("h2", "inputs", "Inputs");
        HtmlSections.Inputs(h, doc);
        h.Raw("</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>Escapes text for HTML: see <see cref="HtmlMarkup.Esc"/>.</summary>
    public static string Esc(string text) => HtmlMarkup.Esc(text);

    /// <summary>The id of the nth crisis (from 1), so a crisis can be linked to (report.html#crisis-3).</summary>
    private static string CrisisId(int n) => $"crisis-{n}";

    private static void Summary(HtmlMarkup h, ComplianceDocument doc)
    {
        h.Heading("h2", "summary", "Summary");
        if (doc.Crises.IsEmpty) h.P("No event triggered a rule and no calendar period was judged.");
        else
        {
            h.Open("ul", "headlines");
            var headlines = doc.Headlines;
            for (var n = 0; n < headlines.Length; n++)
            {
                var line = headlines[n];
                h.Raw($"<li><a href=\"#{CrisisId(n + 1)}\"><strong>{Esc(line.Title)}.</strong></a> ");
                h.Raw(string.Join("; ", line.Rules.Select(r => $"<code>{Esc(r.Rule.QualifiedId)}</code>{(r.Rule.Cites is { } c ? $" ({Esc(c)})" : string.Empty)}: {Esc(r.Outcome)}")));
                h.Raw(".</li>\n");
            }
            h.Close("ul");
        }
        h.Heading("h3", "summary-by-kind", "Reliability by kind of obligation");
        h.P("Each party's episodes counted once (after Leeds; the Reliability section has the rule): reliability = fulfilled ÷ invoked.");
        string[] header = [.. doc.CountColumns, "reliability"];
        h.Raw("<div class=\"scroll\">");
        h.Table(["treaty", "kind", .. header], doc.ByKind.Select(r => Row(
            [Cell(r.Treaty), Cell(r.Kind.ToString().ToLowerInvariant()), .. doc.CountsOf(r).Select(Num), Rate(r.Reliability)])));
        h.Raw("</div>\n");
        h.Heading("h3", "open", doc.OpenTitle);
        if (doc.Open.IsEmpty) h.P("Nothing is pending: every obligation triggered was decided.");
        else h.Table(["instance", "party", "status", "triggered", "deadline", "why"], doc.Open.Select(i => Row(
            Code(i.Id), Cell(i.Party), Status(i.Status), Cell(DateText.Format(i.TriggeredOn)), Cell(i.Deadline is { } dl ? DateText.Format(dl) : "none"), Cell(i.Reason))));
    }

    private static void Contents(HtmlMarkup h, ComplianceDocument doc)
    {
        h.Raw("<nav aria-labelledby=\"contents\">\n");
        h.Heading("h2", "contents", "Contents");
        h.Raw("<ol>");
        h.Raw("<li><a href=\"#crises\">Crises and calendar periods</a><ol>");
        for (var n = 0; n < doc.Crises.Length; n++) h.Raw($"<li><a href=\"#{CrisisId(n + 1)}\">{Esc(CrisisHeadline.Titled(doc.Crises[n]))}</a></li>");
        h.Raw("</ol></li>\n<li><a href=\"#reliability\">Reliability</a></li>\n");
        if (doc.Report.Sweep is { } sweep) h.Raw($"<li><a href=\"#sensitivity\">{Esc($"Sensitivity to {SweepLabels.Names(sweep)}")}</a></li>\n");
        h.Raw("<li><a href=\"#treaties\">Treaties and members</a><ol>");
        foreach (var t in doc.Treaties) h.Raw($"<li><a href=\"#{Esc(HtmlSections.TreatyId(t))}\">{Esc($"{t.Treaty.Code}: {t.Treaty.Title}")}</a></li>");
        if (!doc.Registries.IsEmpty) h.Raw("<li><a href=\"#registries\">Registries</a></li>");
        h.Raw("</ol></li>\n<li><a href=\"#assumptions\">Assumptions and readings</a></li>\n<li><a href=\"#inputs\">Inputs</a></li></ol>\n");
        h.Raw("</nav>\n");
    }

    private static void Crises(HtmlMarkup h, ComplianceDocument doc)
    {
        if (doc.Crises.IsEmpty) h.P("No event triggered a rule and no calendar period was judged.");
        for (var n = 0; n < doc.Crises.Length; n++)
        {
            var c = doc.Crises[n];
            h.Raw($"<section class=\"crisis\" id=\"{CrisisId(n + 1)}\">");
            h.Open("h3").Text(CrisisHeadline.Titled(c)).Close("h3");
            if (c.Trigger is { } trigger)
            {
                h.Open("p").Text("Trigger: ").Open("code").Text(DocumentText.Where(trigger)).Close("code");
                if (trigger.Description is { } text) h.Text($", “{text}”");
                if (trigger.Attributes.TryGetValue("source", out var src)) h.Text($" (source: {src})");
                h.Close("p");
            }
            h.Raw("<div class=\"scroll\">");
            h.Table(["instance", "party", "status", "deadline", "decided", "evidence"], c.Instances.Select(i => Row(
                Code(i.Id), Cell(i.Party), Verdict(i),
                Cell(i.Deadline is { } dl ? DateText.Format(dl) : "none"), Cell(i.DecidedOn is { } on ? DateText.Format(on) : "open"),
                Evidence(i))));
            h.Raw("</div>\n");
            HtmlCharts.Crisis(h, c);
            h.Raw("</section>\n");
        }
    }

    private static string Evidence(InstanceResult i)
    {
        var events = i.Excuse is { } excuse ? excuse.Evidence : i.Evidence;
        return events.IsEmpty ? Cell(i.Reason) : CodeList(events.Select(DocumentText.Where));
    }
}
