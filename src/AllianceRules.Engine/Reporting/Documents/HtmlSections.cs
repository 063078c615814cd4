using AllianceRules.Evaluation;
using AllianceRules.Text;
using static AllianceRules.Reporting.Documents.HtmlMarkup;

namespace AllianceRules.Reporting.Documents;

/// <summary>The HTML report's sections after the summary, each under a heading its caller writes (the treaties write their own).</summary>
internal static class HtmlSections
{
    public static string TreatyId(TreatySection t) => $"treaty-{t.Treaty.Code}";

    public static void Changes(HtmlMarkup h, BaselineComparison baseline)
    {
        h.Heading("h2", "changes", $"Changes since {baseline.Baseline}");
        if (baseline.Changes.IsEmpty)
        {
            h.P($"No instance changed since {baseline.Baseline}.");
            return;
        }
        h.P($"{DocumentText.Count(baseline.Changes.Length, "instance")} differ from {baseline.Baseline}: {MarkdownSections.ChangeCounts(baseline)}.");
        h.Raw("<div class=\"scroll\">");
        h.Table(["change", "instance", "party", "triggered", "bindings", "was", "now"], baseline.Changes.Select(c => Row(
            Cell(c.Kind.ToString().ToLowerInvariant()),
            Code(DocumentText.ChangedInstance(c)),
            Cell(c.Party),
            Cell(DateText.Format(c.TriggeredOn)),
            c.Bindings.IsEmpty ? Cell(string.Empty) : Code(string.Join(",", c.Bindings.Select(b => $"{b.Key}={b.Value}"))),
            c.Was is { } was ? Status(was) : Cell("—"),
            c.Now is { } now ? Status(now) : Cell("—"))));
        h.Raw("</div>\n");
    }

    public static void Reliability(HtmlMarkup h, ComplianceDocument doc)
    {
        h.P(doc.ReliabilityNote);
        string[] header = [.. doc.CountColumns, "reliability"];
        h.Open("h3").Text("By party and kind of obligation").Close("h3");
        var charted = doc.ChartedReliability;
        if (charted.Count > ComplianceDocument.MaxChartedRows) h.P($"{charted.Count} parties and kinds with invoked episodes: too many for a chart.");
        else if (charted.Count > 0) HtmlCharts.Reliability(h, charted);
        h.Raw("<div class=\"scroll\">");
        h.Table(["treaty", "party", "kind", .. header], doc.Report.SummaryByKind.Select(r => Row(
            [Cell(r.Treaty), Cell(r.Party), Cell(r.Kind.ToString().ToLowerInvariant()), .. doc.CountsOf(r).Select(Num), Rate(r.Reliability)])));
        h.Raw("</div>\n");
        if (doc.GroupedEpisodes.IsEmpty) return;
        h.Open("h3").Text("Episodes of several instances").Close("h3");
        h.P("Each counts once in the tables above.");
        h.Table(["rule", "party", "episode", "status", "instances"], doc.GroupedEpisodes.Select(e => Row(
            Code(e.Rule), Cell(e.Party), Cell(e.Key), Status(e.Status), CodeList(e.Instances.Select(i => i.Id)))));
    }

    public static void Sweep(HtmlMarkup h, Sweep sweep)
    {
        var unit = SweepLabels.Unit(sweep);
        var columns = SweepLabels.Columns(sweep);
        h.P($"The verdicts under each {unit} tried:");
        h.Table([unit, .. CrisisHeadline.Order.Select(DocumentText.StatusWord)], sweep.Combinations.Select((_, c) => Row(
            [Code(DocumentText.Combination(sweep, c)), .. CrisisHeadline.Order.Select(s => Num(sweep.Total(c, s)))])));
        var tried = sweep.Axes.Length == 1 ? string.Join(", ", columns) : $"every combination of {SweepLabels.NamesWithValues(sweep)}";
        h.P($"The history evaluated with {tried}. {DocumentText.Count(sweep.Unchanged, "instance")} {(sweep.Unchanged == 1 ? "keeps its" : "keep their")} status under every {unit}; these change (— : no such instance under that {unit}).");
        h.Raw("<div class=\"scroll\">");
        h.Table(["rule", "party", "triggered", "bindings", .. columns], sweep.Changes.Select(c => Row(
            [Code(c.Rule), Cell(c.Party), Cell(DateText.Format(c.TriggeredOn)), Code(c.BindingsText), .. c.Statuses.Select(s => s is { } x ? Status(x) : Cell("—"))])));
        h.Raw("</div>\n");
    }

    public static void Treaty(HtmlMarkup h, ComplianceDocument doc, TreatySection section)
    {
        var t = section.Treaty;
        h.Heading("h3", TreatyId(section), $"{t.Code}: {t.Title}");
        if (t.Signed is not null || t.Source is not null)
        {
            h.Open("p");
            if (t.Signed is { } signed) h.Text($"Signed {DateText.Format(signed)}. ");
            if (t.Source is { } source) h.Text($"Source: {source}");
            h.Close("p");
        }
        if (!section.Members.IsEmpty)
        {
            h.Open("h4").Text($"{t.Code} members").Close("h4");
            h.Table(["party", "member", "of which frozen"], section.Members.Select(m => Row(
                Cell(m.Party), Cell(string.Join("; ", m.Intervals.Select(r => r.ToString()))), Cell(string.Join("; ", m.Frozen.Select(r => r.ToString()))))));
            if (section.Members.Length <= ComplianceDocument.MaxChartedMembers) HtmlCharts.Membership(h, doc, section);
            else h.P($"{section.Members.Length} members: too many for a chart.");
        }
        if (section.Rules.IsEmpty) return;
        h.Open("h4").Text($"{t.Code} rules").Close("h4");
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

    public static void Registries(HtmlMarkup h, ComplianceDocument doc)
    {
        if (doc.Registries.IsEmpty) return;
        h.Heading("h3", "registries", "Registries");
        h.P("Lists that rules consult (is member of), with no obligation of their own: not counted as treaties.");
        h.Open("ul");
        foreach (var r in doc.Registries)
        {
            h.Open("li").Open("code").Text(r.Treaty.Code).Close("code")
                .Text($" {r.Treaty.Title}: {DocumentText.Count(r.Members.Length, "member")}{(r.Treaty.Source is { } s ? $". Source: {s}" : string.Empty)}.").Close("li");
        }
        h.Close("ul");
    }

    public static void Assumptions(HtmlMarkup h, Report report)
    {
        h.Open("h3").Text("Assumptions").Close("h3");
        if (report.Assumptions.IsEmpty) h.P("None: every window is written in the rules.");
        else h.Table(["assumption", "period", "source", "why"], report.Assumptions.Select(a => Row(
            Code($"{a.Treaty}.{a.Name}"), Cell(JsonReportWriter.PeriodText(a.Period)),
            Cell(a.Overridden ? $"--assume (the treaty says {JsonReportWriter.PeriodText(a.Declared)})" : "the treaty file"), Cell(a.Note ?? string.Empty))));
        if (report.Readings.IsEmpty) return;
        h.Open("h3").Text("Readings").Close("h3");
        h.Table(["reading", "option in force", "source", "meaning"], report.Readings.Select(r => Row(
            Code(r.QualifiedName), Code(r.InForce),
            Cell(r.Chosen ? $"--reading (the default is {r.Default.Name})" : "the default"), Cell($"{r.Title}: {r.Option.Description}"))));
    }

    public static void Inputs(HtmlMarkup h, ComplianceDocument doc)
    {
        h.P("The files this report was made from, with their lines and the SHA-256 of their bytes, so a reader can tell whether they still have the same.");
        h.Raw("<div class=\"scroll\">");
        h.Table(["file", "kind", "lines", "SHA-256"], doc.Inputs.Select(i => Row(Code(i.Path), Cell(i.Kind), $"<td class=\"num\">{i.Lines.ToString(System.Globalization.CultureInfo.InvariantCulture)}</td>", Code(i.Sha256))));
        h.Raw("</div>\n");
    }
}
