using System.Globalization;
using System.Text;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation.Tracing;
using AllianceRules.Text;

namespace AllianceRules.Reporting;

/// <summary>What one event did (<c>explain --event</c>), as numbered steps in plain English: one per rule whose trigger has its verb, then what it decided.</summary>
public static class EventExplanationTextWriter
{
    public static string Write(EventExplanation x)
    {
        var sb = new StringBuilder();
        var e = x.Event;
        Line(sb, 0, $"{ExplanationTextWriter.Where(e)}  {ExplanationTextWriter.Core(e)}");
        if (e.Description is { } description) Line(sb, 1, $"\"{description}\"");
        if (e.Attributes.TryGetValue("source", out var source)) Line(sb, 1, $"source: {source}");

        if (x.Rules.IsEmpty)
        {
            Line(sb, 0, $"No rule in force has a trigger ('when' or 'forbid') with the verb '{e.Verb}', so the event set nothing off.");
            if (!x.TriggerVerbs.IsEmpty)
            {
                var near = SpellingSuggester.Suggest(e.Verb, x.TriggerVerbs);
                Line(sb, 0, $"The rules' triggers use {Friendly.List(x.TriggerVerbs.Select(v => $"'{v}'"), "and")}{(near is null ? "." : $"; did you mean '{near}'?")}");
            }
        }
        else
        {
            var fired = x.Rules.Count(r => r.Fired);
            Line(sb, 0, $"{Count(x.Rules.Length, "rule in force has", "rules in force have")} a trigger with the verb '{e.Verb}'; {(fired == 0 ? "none" : fired.ToString(CultureInfo.InvariantCulture))} fired on this event.");
        }

        var step = 0;
        foreach (var r in x.Rules)
        {
            var rule = r.Rule;
            var verdict = r.Fired ? "fired" : $"did not fire: {Failed(r.FailedAt)}";
            Line(sb, 0, $"{++step}. {rule.QualifiedId} \"{rule.Title}\" [{rule.Kind.ToString().ToLowerInvariant()}]: {verdict}");
            foreach (var s in r.Steps)
            {
                Line(sb, 1, $"{Name(s.Step)}: {s.Detail}");
                foreach (var c in s.Conditions) Line(sb, 2, $"{c.Condition}: {(c.Holds ? "true" : "false")} ({c.Detail})");
            }
        }

        Line(sb, 0, $"{++step}. The instances it decided");
        if (x.Decided.IsEmpty) Line(sb, 1, x.AfterHorizon ? "None: it lies after the horizon, so it decided nothing." : "None: it is the evidence of no instance's verdict.");
        foreach (var i in x.Decided)
        {
            Line(sb, 1, $"{i.Id}: {i.Party} {i.Status.ToString().ToLowerInvariant()}{(i.DecidedOn is { } on ? $" on {DateText.Format(on)}" : string.Empty)}: {i.Reason}");
        }
        return sb.ToString();
    }

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n.ToString(CultureInfo.InvariantCulture)} {many}";

    private static string Name(EventStep step) => step switch
    {
        EventStep.Pattern => "pattern",
        EventStep.Where => "where",
        EventStep.Parties => "parties",
        EventStep.Effective => "effective",
        _ => "horizon",
    };

    private static string Failed(EventStep? step) => step switch
    {
        EventStep.Pattern => "its pattern does not match",
        EventStep.Where => "its 'where' does not hold",
        EventStep.Parties => "it obliged no one",
        EventStep.Effective => "it is not in force then",
        EventStep.Horizon => "the event lies after the horizon",
        _ => "the engine did not try it",
    };

    private static void Line(StringBuilder sb, int indent, string text) =>
        sb.Append(' ', indent * 3).AppendLine(text);
}
