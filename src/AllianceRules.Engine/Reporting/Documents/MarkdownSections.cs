using System.Globalization;
using AllianceRules.Evaluation;
using AllianceRules.Text;
using static AllianceRules.Reporting.Documents.MarkdownBuilder;

namespace AllianceRules.Reporting.Documents;

/// <summary>The Markdown report's sections after the summary, each under a heading its caller writes.</summary>
internal static class MarkdownSections
{
    public static void Changes(MarkdownBuilder md, BaselineComparison baseline)
    {
        md.Heading(2, $"Changes since {baseline.Baseline}");
        if (baseline.Changes.IsEmpty)
        {
            md.Paragraph($"No instance changed since {InlineCode(baseline.Baseline)}.");
            return;
        }
        md.Paragraph($"{DocumentText.Count(baseline.Changes.Length, "instance")} differ from {InlineCode(baseline.Baseline)}: {ChangeCounts(baseline)}.");
        md.Table(["change", "instance", "party", "triggered", "bindings", "was", "now"], baseline.Changes.Select(c => new[]
        {
            c.Kind.ToString().ToLowerInvariant(),
            Code(DocumentText.ChangedInstance(c)),
            c.Party,
            DateText.Format(c.TriggeredOn),
            c.Bindings.IsEmpty ? string.Empty : Code(string.Join(",", c.Bindings.Select(b => $"{b.Key}={b.Value}"))),
            c.Was is { } was ? Status(was) : "—",
            c.Now is { } now ? Status(now) : "—",
        }));
    }

    /// <summary>"1 changed, 1 added, 1 removed".</summary>
    public static string ChangeCounts(BaselineComparison baseline) => string.Join(", ", Enum.GetValues<ChangeKind>()
        .Select(k => (Kind: k, N: baseline.Changes.Count(c => c.Kind == k)))
        .Where(x => x.N > 0)
        .Select(x => $"{x.N.ToString(CultureInfo.InvariantCulture)} {x.Kind.ToString().ToLowerInvariant()}"));

    public static void Reliability(MarkdownBuilder md, ComplianceDocument doc)
    {
        md.Paragraph(doc.ReliabilityNote.Replace("is invoked", "is *invoked*", StringComparison.Ordinal).Replace("then honours", "then *honours*", StringComparison.Ordinal).Replace("or violates", "or *violates*", StringComparison.Ordinal).Replace("per episode", "per *episode*", StringComparison.Ordinal));
        // The indeterminate column only where a rule needs judgment, so other reports keep their shape.
        string[] counts = [.. doc.CountColumns, "reliability"];
        md.Heading(3, "By party and kind of obligation");
        md.Table(["treaty", "party", "kind", .. counts],
            doc.Report.SummaryByKind.Select(r => (string[])[r.Treaty, r.Party, r.Kind.ToString().ToLowerInvariant(), .. doc.CountsOf(r).Select(Num), Rate(r.Reliability)]));
        var charted = doc.ChartedReliability;
        if (charted.Count > ComplianceDocument.MaxChartedRows) md.Paragraph($"{charted.Count} parties and kinds with invoked episodes: too many for a chart.");
        else if (charted.Count > 0) md.Fenced("mermaid", MermaidCharts.Reliability(charted));
        if (doc.GroupedEpisodes.IsEmpty) return;
        md.Heading(3, "Episodes of several instances");
        md.Paragraph("Each counts once in the tables above.");
        md.Table(["rule", "party", "episode", "status", "instances"], doc.GroupedEpisodes.Select(e => new[]
        {
            Code(e.Rule), e.Party, Escape(e.Key), Status(e.Status), string.Join(", ", e.Instances.Select(i => Code(i.Id))),
        }));
    }

    public static void Sweep(MarkdownBuilder md, Sweep sweep)
    {
        var unit = SweepLabels.Unit(sweep);
        md.Paragraph($"The verdicts under each {unit} tried:");
        md.Table([unit, .. CrisisHeadline.Order.Select(DocumentText.StatusWord)], sweep.Combinations.Select((_, c) =>
            (string[])[Code(DocumentText.Combination(sweep, c)), .. CrisisHeadline.Order.Select(s => Num(sweep.Total(c, s)))]));
        var tried = sweep.Axes.Length == 1
            ? string.Join(", ", SweepLabels.Columns(sweep))
            : $"every combination of {SweepLabels.NamesWithValues(sweep)}";
        md.Paragraph($"The history evaluated with {tried}. {DocumentText.Count(sweep.Unchanged, "instance")} {(sweep.Unchanged == 1 ? "keeps its" : "keep their")} status under every {unit}; these change (\"—\": no such instance under that {unit}):");
        md.Table(["rule", "party", "triggered", "bindings", .. SweepLabels.Columns(sweep)], sweep.Changes.Select(c =>
            new[] { Code(c.Rule), c.Party, DateText.Format(c.TriggeredOn), Code(c.BindingsText) }.Concat(c.Statuses.Select(s => s is { } x ? Status(x) : "—")).ToArray()));
    }

    public static void Treaty(MarkdownBuilder md, ComplianceDocument doc, TreatySection section)
    {
        var t = section.Treaty;
        var facts = new List<string>();
        if (t.Signed is { } signed) facts.Add($"Signed {DateText.Format(signed)}.");
        if (t.Source is { } source) facts.Add($"Source: {Escape(source)}");
        if (facts.Count > 0) md.Paragraph(string.Join(" ", facts));
        if (!section.Members.IsEmpty)
        {
            md.Heading(4, $"{t.Code} members");
            md.Table(["party", "member", "of which frozen"], section.Members.Select(m => new[]
            {
                m.Party,
                string.Join("; ", m.Intervals.Select(r => r.ToString())),
                m.Frozen.IsEmpty ? "" : string.Join("; ", m.Frozen.Select(r => r.ToString())),
            }));
            if (section.Members.Length > ComplianceDocument.MaxChartedMembers) md.Paragraph($"{section.Members.Length} members: too many for a chart.");
            else md.Fenced("mermaid", MermaidCharts.Membership(doc, section));
        }
        if (section.Rules.IsEmpty) return;
        md.Heading(4, $"{t.Code} rules");
        foreach (var r in section.Rules)
        {
            var effective = r.Effective is { } e ? $" (effective {e})" : string.Empty;
            md.Line($"- **{InlineCode(r.QualifiedId)}** {Escape(r.Title)}: {r.Kind.ToString().ToLowerInvariant()}{(r.Cites is { } c ? ", " + Escape(c) : string.Empty)}{effective}.");
            if (r.Quote is { } q) md.Line($"  > {Escape(q)}");
        }
        md.Line(string.Empty);
    }

    /// <summary>Lists of members with no rules: named and counted, not charted, since rules only ask who is on them.</summary>
    public static void Registries(MarkdownBuilder md, ComplianceDocument doc)
    {
        if (doc.Registries.IsEmpty) return;
        md.Paragraph("Lists that rules consult (`is member of`), with no obligation of their own: not counted as treaties.");
        foreach (var r in doc.Registries)
        {
            md.Line($"- **{InlineCode(r.Treaty.Code)}** {Escape(r.Treaty.Title)}: {DocumentText.Count(r.Members.Length, "member")}{(r.Treaty.Source is { } s ? $". Source: {Escape(s)}" : string.Empty)}.");
        }
        md.Line(string.Empty);
    }

    public static void Assumptions(MarkdownBuilder md, Report report)
    {
        md.Heading(3, "Assumptions");
        if (report.Assumptions.IsEmpty) md.Paragraph("None: every window is written in the rules.");
        else md.Table(["assumption", "period", "source", "why"], report.Assumptions.Select(a => new[]
        {
            Code($"{a.Treaty}.{a.Name}"),
            JsonReportWriter.PeriodText(a.Period),
            a.Overridden ? $"--assume (the treaty says {JsonReportWriter.PeriodText(a.Declared)})" : "the treaty file",
            Escape(a.Note ?? string.Empty),
        }));
        // Only a rule set with readings has the table: the others' reports stay as they were.
        if (report.Readings.IsEmpty) return;
        md.Heading(3, "Readings");
        md.Table(["reading", "option in force", "source", "meaning"], report.Readings.Select(r => new[]
        {
            Code(r.QualifiedName),
            Code(r.InForce),
            r.Chosen ? $"--reading (the default is {Code(r.Default.Name)})" : "the default",
            Escape($"{r.Title}: {r.Option.Description}"),
        }));
    }

    public static void Inputs(MarkdownBuilder md, ComplianceDocument doc)
    {
        md.Paragraph("The files this report was made from, with their lines and the SHA-256 of their bytes, so a reader can tell whether they still have the same.");
        md.Table(["file", "kind", "lines", "SHA-256"], doc.Inputs.Select(i => new[] { Code(i.Path), i.Kind, i.Lines.ToString(CultureInfo.InvariantCulture), Code(i.Sha256) }));
    }
}
