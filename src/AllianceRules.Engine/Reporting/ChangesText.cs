using System.Globalization;
using System.Text;
using AllianceRules.Evaluation;
using AllianceRules.Text;

namespace AllianceRules.Reporting;

/// <summary>The text report's section on <c>--baseline</c>: one line per instance that changed, appeared or disappeared.</summary>
internal static class ChangesText
{
    public static void Append(StringBuilder sb, BaselineComparison baseline)
    {
        sb.AppendLine();
        if (baseline.Changes.IsEmpty)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"No instance changed since {baseline.Baseline}.");
            return;
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"Changes since {baseline.Baseline}");
        foreach (var c in baseline.Changes) sb.AppendLine(CultureInfo.InvariantCulture, $"  {Line(c)}");
    }

    /// <summary>
    /// <c>changed CST.art4#3 RUS 2022-09-13 (victim=ARM): violated → fulfilled</c>: a removed
    /// instance by its id in the baseline (or its rule, when the baseline has no ids).
    /// </summary>
    public static string Line(InstanceChange c)
    {
        var bindings = c.Bindings.IsEmpty ? string.Empty : $" ({string.Join(", ", c.Bindings.Select(b => $"{b.Key}={b.Value}"))})";
        var status = c.Kind switch
        {
            ChangeKind.Changed => $"{Word(c.Was)} → {Word(c.Now)}",
            ChangeKind.Added => Word(c.Now),
            _ => "was " + Word(c.Was),
        };
        return $"{ChangesJson.Word(c.Kind)} {c.Id ?? c.BaselineId ?? c.Rule} {c.Party} {DateText.Format(c.TriggeredOn)}{bindings}: {status}";
    }

    private static string Word(InstanceStatus? status) => status?.ToString().ToLowerInvariant() ?? "-";
}
