using System.Globalization;
using System.Net;
using System.Text;
using AllianceRules.Evaluation;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Reporting.Documents;

/// <summary>
/// The compliance report as one self-contained page: inline CSS and SVG, no script, no external
/// request (a Content-Security-Policy forbids both), readable on screen and in print. The page is
/// well-formed XML (polyglot HTML5), and every text from a rule file or a history is escaped.
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
        code { font: .85em ui-monospace, "SF Mono", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
        p, td, dd, figcaption, blockquote { overflow-wrap: anywhere; }
        blockquote { margin: .2rem 0 .6rem 1rem; padding-left: .8rem; border-left: 3px solid var(--line); color: var(--quiet); }
        .fulfilled { color: var(--ok); } .violated { color: var(--bad); } .pending { color: var(--open); } .discharged, .excused { color: var(--quiet); }
        .status { font-weight: 600; white-space: nowrap; }
        figure { margin: .6rem 0 1.2rem; } figcaption { font-size: .8rem; color: var(--quiet); }
        svg { max-width: 100%; height: auto; } svg text { font: 11px system-ui, sans-serif; fill: #1f2328; }
        .bar-member { fill: #8fb8de; } .bar-frozen { fill: #d0d7de; } .bar-fulfilled { fill: #aee2b8; } .bar-violated { fill: #f6b1b5; }
        .bar-pending { fill: #f5d77a; } .bar-discharged, .bar-excused { fill: #e4e7eb; } .bar-indeterminate { fill: #c9b8e8; } .tick { stroke: #8c959f; stroke-width: .5; }
        .mark-fulfilled { fill: var(--ok); } .mark-violated { fill: var(--bad); } .mark-pending { fill: var(--open); } .mark-discharged, .mark-excused { fill: var(--quiet); }
        .trigger { stroke: #1f2328; stroke-width: 1.5; }
        @media print { body { margin: 0; max-width: none; font-size: 11pt; } h2 { break-after: avoid; } table, figure, section.crisis { break-inside: avoid; } a { color: inherit; } }
        """;

    public static string Write(ComplianceDocument doc)
    {
        var h = new Html();
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
        h.Open("p", "lead").Text($"{report.Instances.Length} obligation instances from {doc.Crises.Count(c => c.Trigger is not null)} triggers{(doc.Crises.Any(c => c.Trigger is null) ? $" and {doc.Crises.Count(c => c.Trigger is null)} calendar periods" : string.Empty)} under {doc.Treaties.Length} treaties. Produced by alliance report; every verdict follows the language's rules (language.md §5).").Close("p");

        Section(h, "Inputs");
        Table(h, ["file", "kind", "SHA-256"], doc.Inputs.Select(i => Row(Code(i.Path), Cell(i.Kind), Code(i.Sha256))));
        Section(h, "Assumptions");
        if (report.Assumptions.IsEmpty) h.Open("p").Text("None: every window is written in the rules.").Close("p");
        else Table(h, ["assumption", "period", "source", "why"], report.Assumptions.Select(a => Row(
            Code($"{a.Treaty}.{a.Name}"), Cell(JsonReportWriter.PeriodText(a.Period)),
            Cell(a.Overridden ? $"--assume (the treaty says {JsonReportWriter.PeriodText(a.Declared)})" : "the treaty file"), Cell(a.Note ?? string.Empty))));
        if (!report.Readings.IsEmpty)
        {
            Section(h, "Readings");
            Table(h, ["reading", "option in force", "source", "meaning"], report.Readings.Select(r => Row(
                Code(r.QualifiedName), Code(r.InForce),
                Cell(r.Chosen ? $"--reading (the default is {r.Default.Name})" : "the default"), Cell($"{r.Title}: {r.Option.Description}"))));
        }

        foreach (var t in doc.Treaties) Treaty(h, doc, t);
        Crises(h, doc);
        Reliability(h, doc);
        Section(h, doc.OpenTitle);
        if (doc.Open.IsEmpty) h.Open("p").Text("None.").Close("p");
        else Table(h, ["instance", "party", "status", "triggered", "deadline", "reason"], doc.Open.Select(i => Row(
            Code(i.Id), Cell(i.Party), Status(i.Status), Cell(DateText.Format(i.TriggeredOn)), Cell(i.Deadline is { } dl ? DateText.Format(dl) : "none"), Cell(i.Reason))));
        if (report.Sweep is { } sweep) Sweep(h, sweep);
        h.Raw("</body>\n</html>\n");
        return h.ToString();
    }

    private static void Treaty(Html h, ComplianceDocument doc, TreatySection section)
    {
        var t = section.Treaty;
        Section(h, $"{t.Code}: {t.Title}");
        if (t.Signed is not null || t.Source is not null)
        {
            h.Open("p");
            if (t.Signed is { } signed) h.Text($"Signed {DateText.Format(signed)}. ");
            if (t.Source is { } source) h.Text($"Source: {source}");
            h.Close("p");
        }
        if (!section.Members.IsEmpty)
        {
            h.Open("h3").Text("Members").Close("h3");
            Table(h, ["party", "member", "of which frozen"], section.Members.Select(m => Row(
                Cell(m.Party), Cell(string.Join("; ", m.Intervals.Select(r => r.ToString()))), Cell(string.Join("; ", m.Frozen.Select(r => r.ToString()))))));
            if (section.Members.Length <= ComplianceDocument.MaxChartedMembers) MembershipChart(h, doc, section);
            else h.Open("p").Text($"{section.Members.Length} members: too many for a chart.").Close("p");
        }
        if (!section.Rules.IsEmpty)
        {
            h.Open("h3").Text("Rules").Close("h3");
            h.Open("dl");
            foreach (var r in section.Rules)
            {
                h.Open("dt").Open("code").Text(r.QualifiedId).Close("code").Text($" {r.Title}").Close("dt");
                h.Open("dd").Text($"{r.Kind.ToString().ToLowerInvariant()}{(r.Cites is { } c ? ", " + c : string.Empty)}{(r.Effective is { } e ? $", effective {e}" : string.Empty)}");
                if (r.Quote is { } q) h.Open("blockquote").Text(q).Close("blockquote");
                h.Close("dd");
            }
            h.Close("dl");
        }
    }

    private static void MembershipChart(Html h, ComplianceDocument doc, TreatySection section)
    {
        var from = section.Members.SelectMany(m => m.Intervals).Min(r => r.Start);
        var to = doc.TimelineEnd(section.Treaty);
        if (to <= from) to = DateMath.NextDay(from);
        var scale = new TimeScale(from, to, 140, 860);
        var rowHeight = 18;
        var height = 30 + rowHeight * section.Members.Length;
        h.Open("figure");
        h.Raw($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 880 {height}\" role=\"img\" aria-label=\"{Attr($"Membership of {section.Treaty.Code} over time")}\">");
        Axis(h, scale, height - 14);
        for (var k = 0; k < section.Members.Length; k++)
        {
            var m = section.Members[k];
            var y = 6 + k * rowHeight;
            h.Raw($"<text x=\"4\" y=\"{y + 12}\">{Esc(m.Party)}</text>");
            foreach (var r in m.Intervals)
            {
                var frozen = m.Frozen.Contains(r);
                var x1 = scale.X(r.Start);
                var x2 = scale.X(r.End ?? to);
                h.Raw($"<rect class=\"{(frozen ? "bar-frozen" : "bar-member")}\" x=\"{F(x1)}\" y=\"{y + 2}\" width=\"{F(Math.Max(1, x2 - x1))}\" height=\"{rowHeight - 6}\"><title>{Esc($"{m.Party}: {(frozen ? "frozen " : string.Empty)}{r}")}</title></rect>");
            }
        }
        h.Raw("</svg>");
        h.Open("figcaption").Text($"Membership of {section.Treaty.Code}, {DateText.Format(from)} to {DateText.Format(to)}; grey: participation frozen.").Close("figcaption");
        h.Close("figure");
    }

    private static void Crises(Html h, ComplianceDocument doc)
    {
        Section(h, "Crises and calendar periods");
        if (doc.Crises.IsEmpty) h.Open("p").Text("No event triggered a rule and no calendar period was judged.").Close("p");
        for (var n = 0; n < doc.Crises.Length; n++)
        {
            var c = doc.Crises[n];
            // Numbered ids, so a crisis can be linked to (report.html#crisis-3).
            h.Raw($"<section class=\"crisis\" id=\"crisis-{n + 1}\">");
            var title = c.Trigger is { } e ? $"{DateText.Format(c.Date)}: {e.Actor} {e.Verb} {e.Target}{(e.IsInterval ? $" ({e.When()})" : string.Empty)}" : $"{DateText.Format(c.Date)}: calendar period";
            h.Open("h3").Text(title).Close("h3");
            if (c.Trigger is { } trigger)
            {
                h.Open("p").Text("Trigger: ").Open("code").Text($"{trigger.Origin.File}:{trigger.Origin.Line}").Close("code");
                if (trigger.Description is { } text) h.Text($", “{text}”");
                if (trigger.Attributes.TryGetValue("source", out var src)) h.Text($" (source: {src})");
                h.Close("p");
            }
            Table(h, ["instance", "party", "status", "deadline", "decided", "evidence"], c.Instances.Select(i => Row(
                Code(i.Id), Cell(i.Party), Status(i.Status),
                Cell(i.Deadline is { } dl ? DateText.Format(dl) : "none"), Cell(i.DecidedOn is { } on ? DateText.Format(on) : "open"),
                i.Evidence.IsEmpty ? Cell(i.Reason) : CodeList(i.Evidence.Select(ev => $"{ev.Origin.File}:{ev.Origin.Line}")))));
            CrisisChart(h, c);
            h.Raw("</section>");
        }
    }

    private static void CrisisChart(Html h, CrisisSection c)
    {
        var scale = TimeScale.Of(c, 220, 860);
        const int rowHeight = 18;
        var height = 30 + rowHeight * c.Instances.Length;
        h.Open("figure");
        h.Raw($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 880 {height}\" role=\"img\" aria-label=\"{Attr("Each obligated party's window and its outcome")}\">");
        Axis(h, scale, height - 14);
        for (var k = 0; k < c.Instances.Length; k++)
        {
            var i = c.Instances[k];
            var y = 6 + k * rowHeight;
            var status = i.Status.ToString().ToLowerInvariant();
            h.Raw($"<text x=\"4\" y=\"{y + 12}\">{Esc($"{i.Party} {i.Id}")}</text>");
            var x1 = scale.X(i.TriggeredOn);
            var x2 = scale.X(DateMath.NextDay(i.Deadline ?? i.TriggeredOn));
            h.Raw($"<rect class=\"bar-{status}\" x=\"{F(x1)}\" y=\"{y + 2}\" width=\"{F(Math.Max(2, x2 - x1))}\" height=\"{rowHeight - 6}\"><title>{Esc($"{i.Party}: window {DateText.Format(i.TriggeredOn)} to {(i.Deadline is { } dl ? DateText.Format(dl) : "none")}, {status}")}</title></rect>");
            h.Raw($"<line class=\"trigger\" x1=\"{F(x1)}\" x2=\"{F(x1)}\" y1=\"{y}\" y2=\"{y + rowHeight - 2}\"/>");
            if (i.DecidedOn is { } on)
            {
                h.Raw($"<circle class=\"mark-{status}\" cx=\"{F(scale.X(on) + 1)}\" cy=\"{y + rowHeight / 2 - 1}\" r=\"4\"><title>{Esc($"{status} on {DateText.Format(on)}")}</title></circle>");
            }
        }
        h.Raw("</svg>");
        h.Open("figcaption").Text("Bars: each party's window, from the trigger (black line) to the deadline; dots: the day the status was decided (green fulfilled, red violated, grey discharged or excused).").Close("figcaption");
        h.Close("figure");
    }

    private static void Reliability(Html h, ComplianceDocument doc)
    {
        Section(h, "Reliability");
        h.Open("p").Text(doc.ReliabilityNote).Close("p");
        string[] header = [.. doc.CountColumns, "reliability"];
        h.Open("h3").Text("By party and kind of obligation").Close("h3");
        Table(h, ["treaty", "party", "kind", .. header], doc.Report.SummaryByKind.Select(r => Row(
            [Cell(r.Treaty), Cell(r.Party), Cell(r.Kind.ToString().ToLowerInvariant()), .. doc.CountsOf(r).Select(Num), Rate(r.Reliability)])));
        h.Open("h3").Text("By kind of obligation, all parties").Close("h3");
        Table(h, ["treaty", "kind", .. header], doc.ByKind.Select(r => Row(
            [Cell(r.Treaty), Cell(r.Kind.ToString().ToLowerInvariant()), .. doc.CountsOf(r).Select(Num), Rate(r.Reliability)])));
        if (doc.GroupedEpisodes.IsEmpty) return;
        h.Open("h3").Text("Episodes of several instances").Close("h3");
        h.Open("p").Text("Each counts once in the tables above.").Close("p");
        Table(h, ["rule", "party", "episode", "status", "instances"], doc.GroupedEpisodes.Select(e => Row(
            Code(e.Rule), Cell(e.Party), Cell(e.Key), Status(e.Status), CodeList(e.Instances.Select(i => i.Id)))));
    }

    private static void Sweep(Html h, Sweep sweep)
    {
        Section(h, $"Sensitivity to {SweepLabels.Names(sweep)}");
        var unit = SweepLabels.Unit(sweep);
        var columns = SweepLabels.Columns(sweep);
        var tried = sweep.Axes.Length == 1 ? string.Join(", ", columns) : $"every combination of {SweepLabels.NamesWithValues(sweep)}";
        h.Open("p").Text($"The history evaluated with {tried}. {sweep.Unchanged} {(sweep.Unchanged == 1 ? "instance keeps its" : "instances keep their")} status under every {unit}; these change (— : no such instance under that {unit}).").Close("p");
        Table(h, ["rule", "party", "triggered", "bindings", .. columns], sweep.Changes.Select(c => Row(
            [Code(c.Rule), Cell(c.Party), Cell(DateText.Format(c.TriggeredOn)), Code(c.BindingsText), .. c.Statuses.Select(s => s is { } x ? Status(x) : Cell("—"))])));
    }

    private static void Axis(Html h, TimeScale scale, int y)
    {
        foreach (var year in scale.Ticks())
        {
            var x = scale.X(year);
            h.Raw($"<line class=\"tick\" x1=\"{F(x)}\" x2=\"{F(x)}\" y1=\"0\" y2=\"{y - 10}\"/><text x=\"{F(x + 2)}\" y=\"{y + 6}\">{Esc(scale.Label(year))}</text>");
        }
    }

    private static void Section(Html h, string title) => h.Open("h2").Text(title).Close("h2");

    private static void Table(Html h, string[] header, IEnumerable<string> rows)
    {
        h.Raw("<table><thead><tr>");
        foreach (var c in header) h.Open("th").Text(c).Close("th");
        h.Raw("</tr></thead><tbody>");
        foreach (var row in rows) h.Raw(row);
        h.Raw("</tbody></table>\n");
    }

    private static string Row(params string[] cells) => "<tr>" + string.Concat(cells) + "</tr>";

    private static string Cell(string text) => $"<td>{Esc(text)}</td>";

    private static string Num(int n) => $"<td class=\"num\">{n.ToString(CultureInfo.InvariantCulture)}</td>";

    private static string Rate(double? r) => $"<td class=\"num\">{(r is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "—")}</td>";

    private static string Code(string text) => $"<td><code>{Esc(text)}</code></td>";

    private static string CodeList(IEnumerable<string> items) => "<td>" + string.Join(", ", items.Select(i => $"<code>{Esc(i)}</code>")) + "</td>";

    private static string Status(InstanceStatus s)
    {
        var name = s.ToString().ToLowerInvariant();
        return $"<td class=\"status {name}\">{name}</td>";
    }

    private static string F(double x) => x.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// Escapes text for element content and attribute values alike (the five XML specials), and
    /// shows a control character, which XML cannot carry, as the replacement character.
    /// </summary>
    public static string Esc(string text) =>
        WebUtility.HtmlEncode(text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            ? new string([.. text.Select(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r') ? '\uFFFD' : c)])
            : text);

    private static string Attr(string text) => Esc(text);

    /// <summary>A small writer for well-formed markup: elements opened and closed in pairs, text always escaped.</summary>
    private sealed class Html
    {
        private readonly StringBuilder _sb = new();

        public Html Raw(string markup)
        {
            _sb.Append(markup);
            return this;
        }

        public Html Open(string tag, string? cssClass = null)
        {
            _sb.Append('<').Append(tag);
            if (cssClass is not null) _sb.Append(" class=\"").Append(Esc(cssClass)).Append('"');
            _sb.Append('>');
            return this;
        }

        public Html Close(string tag)
        {
            _sb.Append("</").Append(tag).Append('>');
            if (tag is "p" or "h1" or "h2" or "h3" or "figure" or "dl" or "title" or "style") _sb.Append('\n');
            return this;
        }

        public Html Text(string text)
        {
            _sb.Append(Esc(text));
            return this;
        }

        public override string ToString() => _sb.ToString();
    }
}
