using AllianceRules.Evaluation;
using AllianceRules.Text;
using static AllianceRules.Reporting.Documents.HtmlMarkup;

namespace AllianceRules.Reporting.Documents;

/// <summary>The HTML report's pictures, as inline SVG: membership over time, each crisis's windows, and reliability by party and kind.</summary>
internal static class HtmlCharts
{
    private const int RowHeight = 18;

    public static void Membership(HtmlMarkup h, ComplianceDocument doc, TreatySection section)
    {
        var from = section.Members.SelectMany(m => m.Intervals).Min(r => r.Start);
        var to = doc.TimelineEnd(section.Treaty);
        if (to <= from) to = DateMath.NextDay(from);
        // The right margin holds the arrowheads of open memberships, past the last date drawn.
        var scale = new TimeScale(from, to, 140, 850);
        var height = 30 + RowHeight * section.Members.Length;
        h.Open("figure");
        h.Raw($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 880 {height}\" role=\"img\" aria-label=\"{Esc($"Membership of {section.Treaty.Code} over time")}\">");
        Axis(h, scale, height - 14);
        for (var k = 0; k < section.Members.Length; k++)
        {
            var m = section.Members[k];
            var y = 6 + k * RowHeight;
            h.Raw($"<text x=\"4\" y=\"{y + 12}\">{Esc(m.Party)}</text>");
            foreach (var r in m.Intervals)
            {
                var frozen = m.Frozen.Contains(r);
                var x1 = scale.X(r.Start);
                var x2 = scale.X(r.End ?? to);
                var what = $"{m.Party}: {(frozen ? "frozen " : string.Empty)}{r}{(r.End is null ? " (open-ended)" : string.Empty)}";
                h.Raw($"<rect class=\"{(frozen ? "bar-frozen" : "bar-member")}\" x=\"{F(x1)}\" y=\"{y + 2}\" width=\"{F(Math.Max(1, x2 - x1))}\" height=\"{RowHeight - 6}\"><title>{Esc(what)}</title></rect>");
                // An open membership ends in an arrow past the chart's last day: it did not end there.
                if (r.End is null) h.Raw($"<polygon class=\"{(frozen ? "bar-frozen" : "bar-member")} open\" points=\"{F(x2)},{y} {F(x2 + 10)},{y + RowHeight / 2 - 1} {F(x2)},{y + RowHeight - 2}\"><title>{Esc(what)}</title></polygon>");
            }
        }
        h.Raw("</svg>");
        h.Open("figcaption").Text($"Membership of {section.Treaty.Code} from {DateText.Format(from)}, drawn to {DateText.Format(to)}; an arrow: membership still open then; grey: participation frozen.").Close("figcaption");
        h.Close("figure");
    }

    public static void Crisis(HtmlMarkup h, CrisisSection c)
    {
        var scale = TimeScale.Of(c, 220, 860);
        var height = 30 + RowHeight * c.Instances.Length;
        h.Open("figure");
        h.Raw($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 880 {height}\" role=\"img\" aria-label=\"{Esc("Each obligated party's window and its outcome")}\">");
        Axis(h, scale, height - 14);
        for (var k = 0; k < c.Instances.Length; k++)
        {
            var i = c.Instances[k];
            var y = 6 + k * RowHeight;
            var status = DocumentText.StatusWord(i.Status);
            h.Raw($"<text x=\"4\" y=\"{y + 12}\">{Esc($"{i.Party} {i.Id}")}</text>");
            var x1 = scale.X(i.TriggeredOn);
            var x2 = scale.X(DateMath.NextDay(i.Deadline ?? i.TriggeredOn));
            h.Raw($"<rect class=\"bar-{status}\" x=\"{F(x1)}\" y=\"{y + 2}\" width=\"{F(Math.Max(2, x2 - x1))}\" height=\"{RowHeight - 6}\"><title>{Esc($"{i.Party}: window {DateText.Format(i.TriggeredOn)} to {(i.Deadline is { } dl ? DateText.Format(dl) : "none")}, {status}")}</title></rect>");
            h.Raw($"<line class=\"trigger\" x1=\"{F(x1)}\" x2=\"{F(x1)}\" y1=\"{y}\" y2=\"{y + RowHeight - 2}\"/>");
            if (i.DecidedOn is { } on)
            {
                h.Raw($"<circle class=\"mark-{status}\" cx=\"{F(scale.X(on) + 1)}\" cy=\"{y + RowHeight / 2 - 1}\" r=\"4\"><title>{Esc($"{status} on {DateText.Format(on)}")}</title></circle>");
            }
            if (i.Late is { } late)
            {
                var x = scale.X(late.Event.Date) + 1;
                var cy = y + RowHeight / 2 - 1;
                h.Raw($"<polygon class=\"mark-late\" points=\"{F(x)},{cy - 5} {F(x + 5)},{cy} {F(x)},{cy + 5} {F(x - 5)},{cy}\"><title>{Esc($"performed {DocumentText.Count(late.DaysLate, "day")} late, on {DateText.Format(late.Event.Date)}")}</title></polygon>");
            }
        }
        h.Raw("</svg>");
        h.Open("figcaption").Text("Bars: each party's window, from the trigger (black line) to the deadline; dots: the day the status was decided (green fulfilled, red violated, grey discharged or excused); diamonds: the required act, done after the deadline.").Close("figcaption");
        h.Close("figure");
    }

    /// <summary>
    /// A bar per party and kind with an invoked episode: its fulfilled episodes in green and its
    /// violated ones in red, on one scale of episodes, with the reliability written after it.
    /// </summary>
    public static void Reliability(HtmlMarkup h, IReadOnlyList<KindReliabilityRow> rows)
    {
        var most = rows.Max(r => r.Invoked);
        const double left = 230, right = 800;
        var unit = (right - left) / most;
        var height = 10 + RowHeight * rows.Count;
        h.Open("figure");
        h.Raw($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 880 {height}\" role=\"img\" aria-label=\"{Esc("Reliability by party and kind: fulfilled and violated episodes")}\">");
        for (var k = 0; k < rows.Count; k++)
        {
            var r = rows[k];
            var y = 4 + k * RowHeight;
            var rate = r.Reliability is { } x ? x.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "—";
            h.Raw($"<text x=\"4\" y=\"{y + 12}\">{Esc($"{r.Treaty} {r.Party} {r.Kind.ToString().ToLowerInvariant()}")}</text>");
            var fulfilled = unit * r.Fulfilled;
            var what = $"{r.Treaty} {r.Party} {r.Kind.ToString().ToLowerInvariant()}: {r.Fulfilled} fulfilled, {r.Violated} violated of {r.Invoked} invoked; reliability {rate}";
            if (r.Fulfilled > 0) h.Raw($"<rect class=\"bar-fulfilled\" x=\"{F(left)}\" y=\"{y + 2}\" width=\"{F(fulfilled)}\" height=\"{RowHeight - 6}\"><title>{Esc(what)}</title></rect>");
            if (r.Violated > 0) h.Raw($"<rect class=\"bar-violated\" x=\"{F(left + fulfilled)}\" y=\"{y + 2}\" width=\"{F(unit * r.Violated)}\" height=\"{RowHeight - 6}\"><title>{Esc(what)}</title></rect>");
            h.Raw($"<text x=\"{F(left + unit * r.Invoked + 6)}\" y=\"{y + 12}\">{Esc($"{rate} ({r.Fulfilled} of {r.Invoked})")}</text>");
        }
        h.Raw("</svg>");
        h.Open("figcaption").Text("Each party's invoked episodes of one kind: green fulfilled, red violated; the number is its reliability (fulfilled ÷ invoked).").Close("figcaption");
        h.Close("figure");
    }

    private static void Axis(HtmlMarkup h, TimeScale scale, int y)
    {
        foreach (var year in scale.Ticks())
        {
            var x = scale.X(year);
            h.Raw($"<line class=\"tick\" x1=\"{F(x)}\" x2=\"{F(x)}\" y1=\"0\" y2=\"{y - 10}\"/><text x=\"{F(x + 2)}\" y=\"{y + 6}\">{Esc(scale.Label(year))}</text>");
        }
    }
}
