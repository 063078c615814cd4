using System.Globalization;
using System.Text;
using AllianceRules.Evaluation;
using AllianceRules.Evaluation.Tracing;
using AllianceRules.Model;
using AllianceRules.Text;

namespace AllianceRules.Reporting;

/// <summary>An explanation as numbered steps in plain English, from trigger to verdict.</summary>
public static class ExplanationTextWriter
{
    public static string Write(IEnumerable<Explanation> explanations) =>
        string.Join("\n", explanations.Select(Write));

    public static string Write(Explanation x)
    {
        var sb = new StringBuilder();
        var i = x.Instance;
        var rule = i.Rule;
        Line(sb, 0, $"{i.Id}: {i.Party} {i.Status.ToString().ToLowerInvariant()}, {rule.QualifiedId} \"{rule.Title}\" [{rule.Kind.ToString().ToLowerInvariant()}]");

        var step = 0;
        Heading(sb, ++step, rule.IsCalendarDuty ? "The calendar" : i.Triggers.Length > 1 ? "The triggers" : "The trigger");
        if (x.Period is { } period)
        {
            Line(sb, 1, $"A period of '{rule.QualifiedId}' ('every {Window.Print(rule.Every!.Period)}' from {DateText.Format(rule.Every.Start)}) starts on {DateText.Format(period.Start)}; its window runs to {DateText.Format(period.Deadline)}.");
            Line(sb, 1, $"It is judged because its window lies wholly inside the observed interval {period.Observed}.");
        }
        foreach (var t in x.Triggers)
        {
            Line(sb, 1, $"{Where(t.Event)}  {Core(t.Event)}");
            if (t.Event.Description is { } description) Line(sb, 2, $"\"{description}\"");
            if (t.Event.Attributes.TryGetValue("source", out var source)) Line(sb, 2, $"source: {source}");
        }
        if (!rule.IsCalendarDuty) Line(sb, 1, rule.IsForbid ? $"It matches 'forbid {rule.Trigger}'." : $"It matches 'when {rule.Trigger}'.");

        Heading(sb, ++step, $"The rule in force on {DateText.Format(i.TriggeredOn)}");
        Line(sb, 1, $"{rule.QualifiedId}, {Effective(rule)}{(rule.Cites is null ? ", citing nothing" : $", citing {rule.Cites} of {x.Treaty.Code} ({x.Treaty.Title})")}.");
        if (rule.Quote is { } quote) Line(sb, 2, $"\"{quote}\"");
        // A gated rule is one version under the readings in force; say which, since another option gives another rule.
        if (!rule.Gates.IsDefaultOrEmpty)
        {
            var inForce = rule.Gates.Select(g => g.Reading).Distinct(StringComparer.Ordinal).Select(r => $"'{r}' is '{x.Treaty.FindReading(r)?.InForce}'");
            Line(sb, 1, $"It is in the treaty only under {string.Join(" and ", rule.Gates.Select(g => $"'if {g}'"))}, and {string.Join(" and ", inForce)}.");
        }
        foreach (var other in x.Versions.Where(v => v.Rule != rule))
        {
            Line(sb, 1, $"Another version of the same article, {other.Rule.QualifiedId} ({Effective(other.Rule)}), {(other.InForce ? "is also in force then" : "is not in force then")}.");
        }

        Heading(sb, ++step, "The conditions");
        if (x.Triggers.All(t => t.Conditions.IsEmpty)) Line(sb, 1, rule.IsCalendarDuty ? "A calendar duty has no 'where'." : "The rule has no 'where': every matching event triggers it.");
        foreach (var t in x.Triggers.Where(t => !t.Conditions.IsEmpty))
        {
            // A trigger that joined the instance held on its own account: each gets its own list.
            var indent = 1;
            if (x.Triggers.Length > 1)
            {
                Line(sb, 1, $"For the trigger at {Where(t.Event)}:");
                indent = 2;
            }
            foreach (var c in t.Conditions) Line(sb, indent, $"{c.Condition}: {(c.Holds ? "true" : "false")} ({c.Detail})");
        }

        Heading(sb, ++step, "The obligated parties");
        foreach (var p in x.Parties)
        {
            Line(sb, 1, $"{p.Party}: {Verdict(p.Verdict)}: {p.Why}");
        }

        Heading(sb, ++step, "The window");
        var w = x.Window;
        if (w.Before is { } pattern)
        {
            Line(sb, 1, w.Deadline is { } closed
                ? $"From {DateText.Format(w.From)} to {DateText.Format(closed)}, both included: until the first '{pattern}' event, which came on {DateText.Format(closed)}."
                : $"From {DateText.Format(w.From)}, until the first '{pattern}' event: none came by the horizon, so the window is still open.");
        }
        else if (w.Deadline is not { } deadline)
        {
            Line(sb, 1, "A 'forbid' has no window: the act itself is the violation.");
        }
        else
        {
            var source = w.Assumption is { } name
                ? $"{PeriodText.Words(w.Period!)}, the assumption {x.Treaty.Code}.{name}{(w.Overridden ? $", overridden with --assume (the treaty file says {PeriodText.Words(w.Declared!)})" : string.Empty)}"
                : w.Period is { } written ? $"{PeriodText.Words(written)}, as the rule writes it"
                : "the period itself";
            Line(sb, 1, $"From {DateText.Format(w.From)} to {DateText.Format(deadline)}, both included: {source}.");
            if (w.Note is { } note) Line(sb, 2, w.Overridden ? $"The treaty file says why it assumed {PeriodText.Words(w.Declared!)}: \"{note}\"" : $"The treaty file says why: \"{note}\"");
        }

        Heading(sb, ++step, "The events examined");
        if (rule.IsForbid) Line(sb, 1, "The forbidden act is the trigger itself.");
        else if (i.Status == InstanceStatus.Excused) Line(sb, 1, "None: an excused instance is not judged against events.");
        else if (x.Candidates.IsEmpty) Line(sb, 1, $"No '{rule.Obligation!.Verb}' event inside the window, and none by the party outside it.");
        foreach (var c in x.Candidates)
        {
            Line(sb, 1, $"{Where(c.Event)}  {Core(c.Event)}");
            Line(sb, 2, $"{Candidate(c.Verdict)}: {c.Why}");
        }

        Heading(sb, ++step, "The verdict");
        Line(sb, 1, $"{i.Status.ToString().ToLowerInvariant()}{(i.DecidedOn is { } on ? $", decided on {DateText.Format(on)}" : ", not yet decided")}: {i.Reason}.");
        if (i.Late is { } late) Line(sb, 1, $"{TextReportWriter.Late(i, late)}: the action came after the window had lapsed, so the status stays {Documents.DocumentText.StatusWord(i.Status)}.");
        return sb.ToString();
    }

    /// <summary>The event without its source and description, which are printed on their own.</summary>
    internal static string Core(Event e)
    {
        var attributes = e.Attributes.Where(a => a.Key != "source").Select(a => $"{a.Key}=\"{a.Value}\"");
        return string.Join(" ", new[] { e.When(), e.Actor, e.Verb, e.Target }.Concat(attributes));
    }

    internal static string Where(Event e) => $"{e.Origin.File}:{e.Origin.Line.ToString(CultureInfo.InvariantCulture)}";

    private static string Effective(Rule rule) => rule.Effective is { } e ? $"effective {e}" : "always effective";

    private static string Verdict(PartyVerdict v) => v switch
    {
        PartyVerdict.Obligated => "obligated",
        PartyVerdict.Excused => "excused",
        PartyVerdict.Excepted => "not obligated",
        PartyVerdict.OwnInstance => "named too, judged in its own instance",
        _ => "not obligated",
    };

    private static string Candidate(CandidateVerdict v) => v switch
    {
        CandidateVerdict.Decisive => "decisive",
        CandidateVerdict.OwnTrigger => "not counted",
        CandidateVerdict.WrongActor => "wrong actor",
        CandidateVerdict.WrongTarget => "wrong target",
        CandidateVerdict.WrongAttributes => "attribute mismatch",
        CandidateVerdict.BeforeWindow or CandidateVerdict.AfterWindow => "outside the window",
        CandidateVerdict.AfterDecision => "too late to count",
        CandidateVerdict.AfterHorizon => "after the horizon",
        _ => "not counted",
    };

    private static void Heading(StringBuilder sb, int step, string title) =>
        sb.AppendLine(CultureInfo.InvariantCulture, $"{step}. {title}");

    private static void Line(StringBuilder sb, int indent, string text) =>
        sb.Append(' ', indent * 3).AppendLine(text);
}
