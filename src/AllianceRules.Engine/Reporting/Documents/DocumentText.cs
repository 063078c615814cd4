using System.Globalization;
using AllianceRules.Evaluation;
using AllianceRules.Model;
using AllianceRules.Text;

namespace AllianceRules.Reporting.Documents;

/// <summary>
/// The words both documents share, as plain text (each writer escapes it): counts with their
/// plurals, statuses, and the notes on late performance and excuses.
/// </summary>
internal static class DocumentText
{
    /// <summary>"1 treaty", "2 treaties".</summary>
    public static string Count(int n, string noun, string? plural = null) =>
        $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? noun : plural ?? noun + "s")}";

    public static string StatusWord(InstanceStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Where an event was read: <c>seeds/x.events:12</c>.</summary>
    public static string Where(Event e) => $"{e.Origin.File}:{e.Origin.Line}";

    /// <summary>"performed 9 days late (1982-05-27": the note after "violated", without the event's place, which a writer formats as code.</summary>
    public static string Late(LatePerformance late) =>
        $"performed {Count(late.DaysLate, "day")} late ({DateText.Format(late.Event.Date)}";

    /// <summary>"'unless X' held": the clause as the rule file writes it (with its keyword), quoted.</summary>
    public static string Excused(Excuse excuse) => $"'{excuse.Clause}' held";

    /// <summary>
    /// The lead line's counts: "79 obligation instances from 27 triggers and 4 calendar periods,
    /// under 9 treaties and 1 registry (STATES)".
    /// </summary>
    public static string Scope(ComplianceDocument doc)
    {
        var triggers = doc.Crises.Count(c => c.Trigger is not null);
        var periods = doc.Crises.Length - triggers;
        var registries = doc.Registries.IsEmpty
            ? string.Empty
            : $" and {Count(doc.Registries.Length, "registry", "registries")} ({string.Join(", ", doc.Registries.Select(r => r.Treaty.Code))})";
        return $"{Count(doc.Report.Instances.Length, "obligation instance")} from {Count(triggers, "trigger")}{(periods > 0 ? $" and {Count(periods, "calendar period")}" : string.Empty)}, under {Count(doc.Treaties.Length, "treaty", "treaties")}{registries}";
    }

    /// <summary>"40 violated, 31 fulfilled, 3 pending": every status that occurs, in the summary's order.</summary>
    public static string Totals(ComplianceDocument doc)
    {
        var parts = CrisisHeadline.Order
            .Select(s => (Status: s, N: doc.Report.Instances.Count(i => i.Status == s)))
            .Where(x => x.N > 0)
            .Select(x => $"{x.N.ToString(CultureInfo.InvariantCulture)} {StatusWord(x.Status)}");
        return string.Join(", ", parts);
    }

    /// <summary>
    /// The instance a change is about: this report's id, or the baseline's marked as such for a
    /// removed one, or its rule when the baseline had no ids (a version-1 report).
    /// </summary>
    public static string ChangedInstance(InstanceChange change) =>
        change.Id ?? $"{change.BaselineId ?? change.Rule} (baseline)";

    /// <summary>The column heading of a sweep's combination: "aggressor=any" or "prompt=P7D, aggressor=any".</summary>
    public static string Combination(Sweep sweep, int c) =>
        string.Join(", ", sweep.Axes.Select((a, k) => $"{a.Name}={sweep.Combinations[c][k]}"));
}
