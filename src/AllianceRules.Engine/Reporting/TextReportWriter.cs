using System.Globalization;
using System.Text;
using AllianceRules.Evaluation;
using AllianceRules.Model;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Reporting;

/// <summary>A report for a person at a terminal: instances grouped by treaty and rule, a summary table, the assumptions used.</summary>
public static class TextReportWriter
{
    /// <param name="explain">Adds to each instance a line citing its article and the lines of its trigger and evidence (<c>check --explain</c>).</param>
    public static string Write(Report report, bool explain = false)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(report, writer, explain);
        return writer.ToString();
    }

    /// <summary>
    /// As <see cref="Write(Report, bool)"/>, written to <paramref name="writer"/> as it is produced:
    /// the instances' lines (92,000 instances at 10^7 generated events) are never held whole.
    /// </summary>
    public static void Write(Report report, TextWriter writer, bool explain = false)
    {
        // Lines are still built in a StringBuilder, so the text is the same character for character
        // (AppendLine's Environment.NewLine, whatever the writer's NewLine), and handed on in chunks,
        // one Write(string) each, as the whole report was written before.
        var sb = new StringBuilder();
        Body(sb, writer, report, explain);
        writer.Write(sb.ToString());
    }

    private const int ChunkChars = 1 << 15;

    /// <summary>Hands what <paramref name="sb"/> holds to <paramref name="writer"/> once it is a chunk's worth.</summary>
    private static void Drain(StringBuilder sb, TextWriter writer)
    {
        if (sb.Length < ChunkChars) return;
        writer.Write(sb.ToString());
        sb.Clear();
    }

    private static void Body(StringBuilder sb, TextWriter writer, Report report, bool explain)
    {
        if (report.AsOf is not { } asOf)
        {
            sb.AppendLine("Rules are valid. No events and no horizon were given, so nothing was evaluated.");
            if (report.Baseline is { } before) ChangesText.Append(sb, before);
            AppendAssumptions(sb, report);
            AppendReadings(sb, report);
            return;
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"Compliance as of {DateText.Format(asOf)}: {Count(report.Instances.Length, "obligation instance")}.");
        if (report.Instances.IsEmpty)
        {
            sb.AppendLine(report.CalendarDuties.IsEmpty
                ? "No event in the history triggered a rule."
                : "No event in the history triggered a rule, and no calendar period was judged.");
        }
        if (report.EventsAfterHorizon > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{Count(report.EventsAfterHorizon, "event")} dated after the horizon {DateText.Format(asOf)} {(report.EventsAfterHorizon == 1 ? "was" : "were")} read and checked but not evaluated.");
        }
        if (!report.Skipped.IsEmpty)
        {
            var reasons = report.Skipped.Counts.OrderByDescending(c => c.Count).ThenBy(c => c.Reason, StringComparer.Ordinal)
                .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Reason} ({c.Count})"));
            var total = report.Skipped.Total;
            sb.AppendLine(CultureInfo.InvariantCulture, $"{total} {(total == 1 ? "row" : "rows")} of imported data {(total == 1 ? "was" : "were")} skipped: {string.Join("; ", reasons)}.{(report.Skipped.Rows.IsEmpty ? " --verbose lists them." : string.Empty)}");
            foreach (var row in report.Skipped.Rows)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  skipped {row.File}:{row.Line}: {row.Reason}{(row.Detail.Length > 0 ? ": " + row.Detail : string.Empty)}");
                Drain(sb, writer);
            }
        }
        if (!report.CalendarDuties.IsEmpty)
        {
            var duties = string.Join(", ", report.CalendarDuties);
            sb.AppendLine(report.Observed.IsEmpty
                ? $"Calendar duties ({duties}) were not judged: no history states an 'observed' interval (nor does --observed), and outside one a missing event proves nothing."
                : $"Calendar duties ({duties}) are judged only for periods wholly inside the observed {(report.Observed.Length == 1 ? "interval" : "intervals")}: {string.Join("; ", report.Observed.Select(Describe))}.");
        }

        foreach (var treaty in report.Instances.GroupBy(i => i.Rule.Treaty).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"{treaty.Key}");
            foreach (var rule in treaty.GroupBy(i => i.Rule.QualifiedId).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var first = rule.First().Rule;
                var cites = first.Cites is null ? string.Empty : $" — {first.Cites}";
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {rule.Key}  {first.Title}{cites}  [{first.Kind.ToString().ToLowerInvariant()}]");
                // Two passes over the cells, the widths first, rather than every row's cells held at once.
                var widths = new int[6];
                foreach (var instance in rule)
                {
                    var cells = Cells(instance);
                    for (var c = 0; c < widths.Length; c++) widths[c] = Math.Max(widths[c], cells[c].Length);
                }
                foreach (var instance in rule)
                {
                    sb.Append("    ");
                    sb.AppendLine(string.Join("  ", Cells(instance).Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
                    sb.AppendLine(CultureInfo.InvariantCulture, $"        {instance.Reason}");
                    if (instance.Late is { } late) sb.AppendLine(CultureInfo.InvariantCulture, $"        {Late(instance, late)}");
                    if (explain) sb.AppendLine(CultureInfo.InvariantCulture, $"        {Because(instance)}");
                    Drain(sb, writer);
                }
            }
        }

        if (!report.SummaryByKind.IsEmpty) AppendReliability(sb, report);
        Drain(sb, writer);
        if (report.Sweep is { } sweep) AppendSweep(sb, sweep);
        if (report.Baseline is { } baseline) ChangesText.Append(sb, baseline);
        AppendAssumptions(sb, report);
        AppendReadings(sb, report);
    }

    /// <summary>An instance's row: number, party, status, trigger, deadline, decision.</summary>
    private static string[] Cells(InstanceResult i) =>
    [
        "#" + i.Id.Split('#')[1],
        i.Party,
        i.Status.ToString().ToLowerInvariant(),
        (i.Rule.IsCalendarDuty ? "period from " : "triggered ") + DateText.Format(i.TriggeredOn),
        i.Deadline is { } d ? "deadline " + DateText.Format(d) : "no deadline",
        i.DecidedOn is { } on ? "decided " + DateText.Format(on) : "undecided",
    ];

    /// <summary>
    /// Reliability as Leeds counts it, by kind and per episode (language.md §7): never one figure
    /// over defence, non-aggression and consultation together, nor one per accusation.
    /// </summary>
    private static void AppendReliability(StringBuilder sb, Report report)
    {
        sb.AppendLine();
        sb.AppendLine("Reliability by kind, per episode (one crisis or war counts once; invoked = fulfilled + violated)");
        // The indeterminate column appears only when a rule that needs judgment gave such instances.
        var judged = report.SummaryByKind.Any(r => r.Indeterminate > 0);
        string[] header = ["treaty", "party", "kind", "episodes", "invoked", "fulfilled", "violated", "pending", "discharged", "excused", .. judged ? ["indeterminate"] : Array.Empty<string>(), "reliability"];
        var rows = report.SummaryByKind.Select(r => (string[])
        [
            r.Treaty, r.Party, r.Kind.ToString().ToLowerInvariant(),
            N(r.Episodes), N(r.Invoked), N(r.Fulfilled), N(r.Violated), N(r.Pending), N(r.Discharged), N(r.Excused),
            .. judged ? [N(r.Indeterminate)] : Array.Empty<string>(),
            r.Reliability is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "-",
        ]).Prepend(header).ToList();
        TextTable.Align(sb, rows, numericFrom: 3, numericTo: header.Length - 1);
        var grouped = Episodes.Grouping(report.Instances);
        if (grouped.IsEmpty) return;
        sb.AppendLine();
        sb.AppendLine("Episodes of several instances (each counted once above)");
        var detail = grouped.Select(e => new[] { e.Rule, e.Party, e.Key, e.Status.ToString().ToLowerInvariant(), string.Join(" ", e.Instances.Select(i => "#" + i.Id.Split('#')[1])) }).ToList();
        TextTable.Align(sb, detail);
    }

    private static void AppendSweep(StringBuilder sb, Sweep sweep)
    {
        sb.AppendLine();
        var unit = SweepLabels.Unit(sweep);
        sb.AppendLine(CultureInfo.InvariantCulture, $"Sensitivity to {SweepLabels.NamesWithValues(sweep, "'")}");
        if (sweep.Changes.IsEmpty)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  No verdict changes: {(sweep.Unchanged == 1 ? "the one instance has" : $"all {sweep.Unchanged} instances have")} the same status under every {unit}.");
            return;
        }
        var header = new[] { "rule", "party", "triggered", "bindings" }.Concat(SweepLabels.Columns(sweep)).ToArray();
        var rows = sweep.Changes.Select(c => new[] { c.Rule, c.Party, DateText.Format(c.TriggeredOn), c.BindingsText }
            .Concat(c.Statuses.Select(s => s?.ToString().ToLowerInvariant() ?? "-")).ToArray()).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            sb.Append("  ");
            sb.AppendLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"  '-': no such instance under that {unit}. {Count(sweep.Unchanged, "other instance")} {(sweep.Unchanged == 1 ? "keeps its" : "keep their")} status under every {unit}.");
    }

    private static void AppendAssumptions(StringBuilder sb, Report report)
    {
        if (report.Assumptions.IsEmpty) return;
        sb.AppendLine();
        sb.AppendLine("Assumptions used");
        foreach (var a in report.Assumptions)
        {
            var overridden = a.Overridden ? $" (overridden with --assume; the treaty file says {JsonReportWriter.PeriodText(a.Declared)})" : string.Empty;
            var note = a.Note is null ? string.Empty : $": {a.Note}";
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {a.Treaty}.{a.Name} = {JsonReportWriter.PeriodText(a.Period)}{overridden}{note}");
        }
    }

    private static void AppendReadings(StringBuilder sb, Report report)
    {
        if (report.Readings.IsEmpty) return;
        sb.AppendLine();
        sb.AppendLine("Readings in force");
        foreach (var r in report.Readings)
        {
            var source = r.Chosen ? $"chosen on the command line; the default is '{r.Default.Name}'" : "the default";
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {r.QualifiedName} = {r.InForce} ({source}): {r.Option.Description}");
        }
    }

    /// <summary>One line tying a verdict to its sources: the article, the trigger's line and the evidence's line.</summary>
    private static string Because(InstanceResult i)
    {
        var parts = new List<string>();
        parts.Add(i.Rule.Cites is { } cites ? $"under {i.Rule.Treaty} {cites}" : $"under {i.Rule.QualifiedId}, which cites no article");
        if (i.Rule.IsCalendarDuty) parts.Add($"the period from {DateText.Format(i.TriggeredOn)}");
        else parts.Add("triggered by " + string.Join(", ", i.Triggers.Select(Line)));
        if (!i.Rule.IsForbid && !i.Evidence.IsEmpty) parts.Add((i.Status == InstanceStatus.Discharged ? "discharged by " : "decided by ") + string.Join(", ", i.Evidence.Select(Line)));
        return string.Join("; ", parts);
    }

    /// <summary>
    /// The action that came after the deadline: the status stays what it was (violated, or
    /// indeterminate when the rule needs judgment), and this says how late it was.
    /// </summary>
    public static string Late(InstanceResult instance, LatePerformance late) =>
        $"{Documents.DocumentText.StatusWord(instance.Status)}: {Documents.DocumentText.Late(late)}, {Line(late.Event)})";

    private static string Line(Event e) => $"{e.Origin.File}:{e.Origin.Line.ToString(CultureInfo.InvariantCulture)}";

    private static string Describe(DateRange range) => range.End is { } end
        ? $"{DateText.Format(range.Start)} up to {DateText.Format(end)}"
        : $"from {DateText.Format(range.Start)} on";

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";

}
