using System.Globalization;
using System.Text;
using AllianceRules.Evaluation;
using AllianceRules.Model;
using AllianceRules.Text;

namespace AllianceRules.Reporting.Documents;

/// <summary>
/// The compliance report as GitHub-flavoured Markdown, for a CI job to post on a pull request:
/// tables, and Mermaid Gantt charts for the timelines. Every text from a rule file or a history
/// is escaped, so none of it can become markup.
/// </summary>
public static class MarkdownReportWriter
{
    public static string Write(ComplianceDocument doc)
    {
        var sb = new StringBuilder();
        var report = doc.Report;
        var asOf = report.AsOf is { } d ? DateText.Format(d) : "none (nothing was evaluated)";
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Compliance report, as of {asOf}");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{Count(report.Instances.Length, "obligation instance")}, {Count(doc.Crises.Count(c => c.Trigger is not null), "trigger")}{(doc.Crises.Any(c => c.Trigger is null) ? $" and {Count(doc.Crises.Count(c => c.Trigger is null), "calendar period")}" : string.Empty)}, {Count(doc.Treaties.Length, "treaty", "treaties")}. Produced by `alliance report`; every verdict follows language.md §5.");
        Inputs(sb, doc);
        Assumptions(sb, report);
        Readings(sb, report);
        foreach (var t in doc.Treaties) Treaty(sb, doc, t);
        Crises(sb, doc);
        Reliability(sb, doc);
        Open(sb, doc);
        if (report.Sweep is { } sweep) Sweep(sb, sweep);
        return sb.ToString();
    }

    private static void Inputs(StringBuilder sb, ComplianceDocument doc)
    {
        Heading(sb, 2, "Inputs");
        Table(sb, ["file", "kind", "SHA-256"], doc.Inputs.Select(i => new[] { Code(i.Path), i.Kind, Code(i.Sha256) }));
    }

    private static void Assumptions(StringBuilder sb, Report report)
    {
        Heading(sb, 2, "Assumptions");
        if (report.Assumptions.IsEmpty)
        {
            sb.AppendLine("None: every window is written in the rules.");
            return;
        }
        Table(sb, ["assumption", "period", "source", "why"], report.Assumptions.Select(a => new[]
        {
            Code($"{a.Treaty}.{a.Name}"),
            JsonReportWriter.PeriodText(a.Period),
            a.Overridden ? $"--assume (the treaty says {JsonReportWriter.PeriodText(a.Declared)})" : "the treaty file",
            Escape(a.Note ?? string.Empty),
        }));
    }

    /// <summary>Only a rule set with readings has the section: the others' reports stay as they were.</summary>
    private static void Readings(StringBuilder sb, Report report)
    {
        if (report.Readings.IsEmpty) return;
        Heading(sb, 2, "Readings");
        Table(sb, ["reading", "option in force", "source", "meaning"], report.Readings.Select(r => new[]
        {
            Code(r.QualifiedName),
            Code(r.InForce),
            r.Chosen ? $"--reading (the default is {Code(r.Default.Name)})" : "the default",
            Escape($"{r.Title}: {r.Option.Description}"),
        }));
    }

    private static void Treaty(StringBuilder sb, ComplianceDocument doc, TreatySection section)
    {
        var t = section.Treaty;
        Heading(sb, 2, $"{t.Code}: {t.Title}");
        var facts = new List<string>();
        if (t.Signed is { } signed) facts.Add($"Signed {DateText.Format(signed)}.");
        if (t.Source is { } source) facts.Add($"Source: {Escape(source)}");
        if (facts.Count > 0) sb.AppendLine(string.Join(" ", facts));
        if (!section.Members.IsEmpty)
        {
            Heading(sb, 3, "Members");
            Table(sb, ["party", "member", "of which frozen"], section.Members.Select(m => new[]
            {
                m.Party,
                string.Join("; ", m.Intervals.Select(r => r.ToString())),
                m.Frozen.IsEmpty ? "" : string.Join("; ", m.Frozen.Select(r => r.ToString())),
            }));
            var end = DateText.Format(doc.TimelineEnd(t));
            if (section.Members.Length > ComplianceDocument.MaxChartedMembers)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"{section.Members.Length} members: too many for a chart.");
                sb.AppendLine();
            }
            else
            {
            sb.AppendLine("```mermaid");
            sb.AppendLine("gantt");
            sb.AppendLine("  dateFormat YYYY-MM-DD");
            sb.AppendLine(CultureInfo.InvariantCulture, $"  title {t.Code} membership");
            foreach (var m in section.Members)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  section {m.Party}");
                foreach (var r in m.Intervals)
                {
                    var frozen = m.Frozen.Contains(r);
                    sb.AppendLine(CultureInfo.InvariantCulture, $"  {(frozen ? "frozen" : "member")} :{(frozen ? "done, " : string.Empty)}{DateText.Format(r.Start)}, {(r.End is { } e ? DateText.Format(e) : end)}");
                }
            }
            sb.AppendLine("```");
            sb.AppendLine();
            }
        }
        if (!section.Rules.IsEmpty)
        {
            Heading(sb, 3, "Rules");
            foreach (var r in section.Rules)
            {
                var effective = r.Effective is { } e ? $" (effective {e})" : string.Empty;
                sb.AppendLine(CultureInfo.InvariantCulture, $"- **{Code(r.QualifiedId)}** {Escape(r.Title)}: {r.Kind.ToString().ToLowerInvariant()}{(r.Cites is { } c ? ", " + Escape(c) : string.Empty)}{effective}.");
                if (r.Quote is { } q) sb.AppendLine(CultureInfo.InvariantCulture, $"  > {Escape(q)}");
            }
            sb.AppendLine();
        }
    }

    private static void Crises(StringBuilder sb, ComplianceDocument doc)
    {
        Heading(sb, 2, "Crises and calendar periods");
        if (doc.Crises.IsEmpty) sb.AppendLine("No event triggered a rule and no calendar period was judged.");
        foreach (var c in doc.Crises)
        {
            var title = c.Trigger is { } e ? $"{DateText.Format(c.Date)}: {e.Actor} {e.Verb} {e.Target}{(e.IsInterval ? $" ({e.When()})" : string.Empty)}" : $"{DateText.Format(c.Date)}: calendar period";
            Heading(sb, 3, title);
            if (c.Trigger is { } trigger)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"Trigger: {Code($"{trigger.Origin.File}:{trigger.Origin.Line}")}{(trigger.Description is { } text ? $", \"{Escape(text)}\"" : string.Empty)}{(trigger.Attributes.TryGetValue("source", out var src) ? $" (source: {Escape(src)})" : string.Empty)}");
                sb.AppendLine();
            }
            Table(sb, ["instance", "party", "status", "deadline", "decided", "evidence"], c.Instances.Select(i => new[]
            {
                Code(i.Id),
                i.Party,
                Status(i.Status),
                i.Deadline is { } dl ? DateText.Format(dl) : "none",
                i.DecidedOn is { } on ? DateText.Format(on) : "open",
                i.Evidence.IsEmpty ? Escape(i.Reason) : string.Join("; ", i.Evidence.Select(ev => Code($"{ev.Origin.File}:{ev.Origin.Line}"))),
            }));
            sb.AppendLine("```mermaid");
            sb.AppendLine("gantt");
            sb.AppendLine("  dateFormat YYYY-MM-DD");
            foreach (var i in c.Instances)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  section {i.Party} {i.Id.Split('#')[0].Split('.')[1]}");
                var tag = i.Status switch
                {
                    InstanceStatus.Violated => "crit, ",
                    InstanceStatus.Fulfilled => "done, ",
                    InstanceStatus.Pending => "active, ",
                    _ => string.Empty,
                };
                var until = i.Deadline ?? i.TriggeredOn;
                sb.AppendLine(CultureInfo.InvariantCulture, $"  window :{tag}{DateText.Format(i.TriggeredOn)}, {DateText.Format(DateMath.NextDay(until))}");
                if (i.DecidedOn is { } on) sb.AppendLine(CultureInfo.InvariantCulture, $"  {i.Status.ToString().ToLowerInvariant()} :milestone, {DateText.Format(on)}, 0d");
            }
            sb.AppendLine("```");
            sb.AppendLine();
        }
    }

    private static void Reliability(StringBuilder sb, ComplianceDocument doc)
    {
        Heading(sb, 2, "Reliability");
        sb.AppendLine(doc.ReliabilityNote.Replace("is invoked", "is *invoked*", StringComparison.Ordinal).Replace("then honours", "then *honours*", StringComparison.Ordinal).Replace("or violates", "or *violates*", StringComparison.Ordinal).Replace("per episode", "per *episode*", StringComparison.Ordinal));
        sb.AppendLine();
        // The indeterminate column only where a rule needs judgment, so other reports keep their shape.
        string[] counts = [.. doc.CountColumns, "reliability"];
        Heading(sb, 3, "By party and kind of obligation");
        Table(sb, ["treaty", "party", "kind", .. counts],
            doc.Report.SummaryByKind.Select(r => (string[])[r.Treaty, r.Party, r.Kind.ToString().ToLowerInvariant(), .. doc.CountsOf(r).Select(N), Rate(r.Reliability)]));
        Heading(sb, 3, "By kind of obligation, all parties");
        Table(sb, ["treaty", "kind", .. counts],
            doc.ByKind.Select(r => (string[])[r.Treaty, r.Kind.ToString().ToLowerInvariant(), .. doc.CountsOf(r).Select(N), Rate(r.Reliability)]));
        if (doc.GroupedEpisodes.IsEmpty) return;
        Heading(sb, 3, "Episodes of several instances");
        sb.AppendLine("Each counts once in the tables above.");
        sb.AppendLine();
        Table(sb, ["rule", "party", "episode", "status", "instances"], doc.GroupedEpisodes.Select(e => new[]
        {
            Code(e.Rule), e.Party, Escape(e.Key), Status(e.Status), string.Join(", ", e.Instances.Select(i => Code(i.Id))),
        }));
    }

    private static void Open(StringBuilder sb, ComplianceDocument doc)
    {
        Heading(sb, 2, doc.OpenTitle);
        if (doc.Open.IsEmpty)
        {
            sb.AppendLine("None.");
            sb.AppendLine();
            return;
        }
        Table(sb, ["instance", "party", "status", "triggered", "deadline", "reason"], doc.Open.Select(i => new[]
        {
            Code(i.Id), i.Party, Status(i.Status), DateText.Format(i.TriggeredOn), i.Deadline is { } dl ? DateText.Format(dl) : "none", Escape(i.Reason),
        }));
    }

    private static void Sweep(StringBuilder sb, Sweep sweep)
    {
        Heading(sb, 2, $"Sensitivity to {SweepLabels.Names(sweep)}");
        var unit = SweepLabels.Unit(sweep);
        var tried = sweep.Axes.Length == 1
            ? string.Join(", ", SweepLabels.Columns(sweep))
            : $"every combination of {SweepLabels.NamesWithValues(sweep)}";
        sb.AppendLine(CultureInfo.InvariantCulture, $"The history evaluated with {tried}. {Count(sweep.Unchanged, "instance")} {(sweep.Unchanged == 1 ? "keeps its" : "keep their")} status under every {unit}; these change (\"—\": no such instance under that {unit}):");
        sb.AppendLine();
        Table(sb, ["rule", "party", "triggered", "bindings", .. SweepLabels.Columns(sweep)], sweep.Changes.Select(c =>
            new[] { Code(c.Rule), c.Party, DateText.Format(c.TriggeredOn), Code(c.BindingsText) }.Concat(c.Statuses.Select(s => s is { } x ? Status(x) : "—")).ToArray()));
    }

    private static string Status(InstanceStatus s) => s switch
    {
        InstanceStatus.Fulfilled => "✅ fulfilled",
        InstanceStatus.Violated => "❌ violated",
        InstanceStatus.Pending => "⏳ pending",
        InstanceStatus.Discharged => "↩️ discharged",
        InstanceStatus.Indeterminate => "❔ indeterminate",
        _ => "➖ excused",
    };

    private static void Heading(StringBuilder sb, int level, string text)
    {
        // Blocks end with a blank line; a heading after bare text needs one of its own.
        if (sb.Length > 1 && !(sb[^1] == '\n' && sb[^2] == '\n')) sb.AppendLine();
        sb.Append('#', level).Append(' ').AppendLine(Escape(text));
        sb.AppendLine();
    }

    private static void Table(StringBuilder sb, string[] header, IEnumerable<string[]> rows)
    {
        sb.AppendLine("| " + string.Join(" | ", header) + " |");
        sb.AppendLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows) sb.AppendLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
        sb.AppendLine();
    }

    private static string Cell(string text) => text.Replace("\n", " ", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);

    /// <summary>Text as text: HTML entities for what GitHub would read as markup, backslashes for Markdown's own signs, and '|' for tables.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\n': case '\r': sb.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '!' or '~':
                    sb.Append('\\').Append(c);
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Inline code, for paths, ids and hashes (backticks inside are replaced, since code spans cannot escape them).</summary>
    private static string Code(string text) => "`" + text.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal) + "`";

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Rate(double? r) => r is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    private static string Count(int n, string noun, string? plural = null) => $"{n} {(n == 1 ? noun : plural ?? noun + "s")}";
}
