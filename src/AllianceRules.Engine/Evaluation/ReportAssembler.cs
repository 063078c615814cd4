using System.Collections.Immutable;
using AllianceRules.Model;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>Orders the instances (language.md §7), numbers them per rule, explains each, and sums up reliability.</summary>
internal static class ReportAssembler
{
    private static readonly Comparer<Event> EventOrder = Comparer<Event>.Create((a, b) =>
    {
        var c = a.Date.CompareTo(b.Date);
        if (c == 0) c = string.CompareOrdinal(a.Origin.File, b.Origin.File);
        return c != 0 ? c : a.Origin.Line.CompareTo(b.Origin.Line);
    });

    public static (Report Report, IReadOnlyList<OpenInstance> Ordered) Assemble(LocalDate asOf, ImmutableArray<AssumptionUse> assumptions, IReadOnlyList<OpenInstance> instances)
    {
        var ordered = instances
            .Select(i => (Instance: i, Triggers: i.Triggers.Order(EventOrder).ToImmutableArray()))
            .OrderBy(x => x.Instance.TriggeredOn)
            .ThenBy(x => x.Instance.Rule.Rule.QualifiedId, StringComparer.Ordinal)
            .ThenBy(x => x.Instance.Party, StringComparer.Ordinal)
            .ThenBy(x => x.Instance.Bindings.Canonical, StringComparer.Ordinal)
            // Instances that differ only in the trigger attributes their rule reads ([war=@war]) are ordered by
            // those values, not by where their triggers were written (found by a property: split files reordered them).
            .ThenBy(x => x.Instance.Key.Context, StringComparer.Ordinal)
            .ThenBy(x => x.Triggers.IsEmpty ? string.Empty : x.Triggers[0].Origin.File, StringComparer.Ordinal)
            .ThenBy(x => x.Triggers.IsEmpty ? 0 : x.Triggers[0].Origin.Line)
            .ToList();
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = ImmutableArray.CreateBuilder<InstanceResult>(ordered.Count);
        foreach (var (instance, triggers) in ordered)
        {
            var rule = instance.Rule.Rule;
            var n = counters[rule.QualifiedId] = counters.GetValueOrDefault(rule.QualifiedId) + 1;
            var action = Action(instance, triggers);
            var status = instance.Status!.Value;
            // A rule that needs judgment keeps the engine's verdict, but does not pass it off as one.
            var judged = rule.Judgment is not null && status is InstanceStatus.Fulfilled or InstanceStatus.Violated;
            var reason = Reason(instance, action, asOf);
            results.Add(new InstanceResult(
                $"{rule.QualifiedId}#{n}",
                rule,
                instance.Party,
                judged ? InstanceStatus.Indeterminate : status,
                instance.TriggeredOn,
                instance.Deadline,
                instance.DecidedOn,
                [.. rule.Variables.Where(v => instance.Bindings[v] is not null).Select(v => KeyValuePair.Create(v, instance.Bindings[v]!))],
                triggers,
                [.. instance.Evidence.Order(EventOrder)],
                action,
                judged ? $"needs judgment ({rule.Judgment}); without it: {status.ToString().ToLowerInvariant()}, {reason}" : reason)
            {
                WouldBe = judged ? status : null,
                Late = instance.Late is { } late ? new LatePerformance(late, Period.DaysBetween(instance.Deadline!.Value, late.Date)) : null,
                Excuse = instance.Excuse is { } excuse ? new Excuse(excuse.Clause, [.. excuse.Evidence.Order(EventOrder)]) : null,
            });
        }
        return (new Report(asOf, assumptions, results.ToImmutable(), Summarise(results)) { SummaryByKind = KindReliabilityRow.Of(results) }, [.. ordered.Select(x => x.Instance)]);
    }

    private static ImmutableArray<ReliabilityRow> Summarise(IEnumerable<InstanceResult> instances) =>
        [.. instances
            .GroupBy(i => (i.Rule.Treaty, i.Party))
            .OrderBy(g => g.Key.Treaty, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Party, StringComparer.Ordinal)
            .Select(g => ReliabilityRow.Of(g.Key.Treaty, g.Key.Party, g))];

    /// <summary>The action at stake, as "RUS assist ARM": what was required, or for a forbid what was done.</summary>
    private static string Action(OpenInstance instance, ImmutableArray<Event> triggers)
    {
        if (instance.Rule.Rule.Obligation is not { } o)
        {
            var e = triggers[0];
            return $"{e.Actor} {e.Verb} {e.Target}";
        }
        var target = instance.Target == "_" ? "anyone" : instance.Target;
        var attributes = instance.ActionAttributes.IsEmpty ? string.Empty : " [" + string.Join(", ", instance.ActionAttributes.Select(a => a.Kind == AttributeTestKind.Exact && a.Value == "\0" ? $"{a.Key}=(none)" : a.ToString())) + "]";
        return $"{instance.Party} {o.Verb} {target}{attributes}";
    }

    private static string Reason(OpenInstance instance, string action, LocalDate asOf)
    {
        var t = DateText.Format(instance.TriggeredOn);
        // A 'before' window: its deadline is the day its closing event came, or not known yet.
        var deadline = instance.Deadline is { } d
            ? DateText.Format(d) + (instance.End is { } end ? $" (closed by '{Describe(end)}')" : string.Empty)
            : instance.EndPattern is { } pattern ? $"'{pattern}'" : string.Empty;
        var decisive = instance.Evidence.Count > 0 ? instance.Evidence[0] : null;
        var on = decisive is null ? string.Empty : decisive.When();
        var done = decisive is null ? action : Describe(decisive);
        var rule = instance.Rule.Rule;
        var negated = rule.Obligation?.Negated ?? false;
        // A 'must not' opened by the very act it forbids ("attack again") has triggers that match its action.
        var other = negated && instance.Triggers.Any(instance.IsAction) ? " other than its trigger" : string.Empty;
        var to = instance.Deadline is null ? "until" : "to";
        var open = $"the window from {t} {to} {deadline} is still open on the horizon {DateText.Format(asOf)}";
        return (instance.Status, rule.IsForbid, negated) switch
        {
            (InstanceStatus.Violated, true, _) => $"'{action}' on {t} is forbidden by {rule.QualifiedId}",
            (InstanceStatus.Excused, _, _) => $"excused: {Excuse(instance, t)}",
            (InstanceStatus.Fulfilled, _, false) => $"'{done}' on {on}, within the window from {t} {to} {deadline}",
            (InstanceStatus.Violated, _, false) => $"no '{action}' event between {t} and {deadline}",
            (InstanceStatus.Pending, _, false) => $"no '{action}' event yet: {open}",
            (InstanceStatus.Violated, _, true) => $"'{done}' on {on}, inside the window from {t} {to} {deadline} in which it was forbidden",
            (InstanceStatus.Fulfilled, _, true) => $"no '{action}' event{other} between {t} and {deadline}",
            (InstanceStatus.Pending, _, true) => $"no '{action}' event{other} so far: {open}",
            (InstanceStatus.Discharged, _, false) => $"discharged on {on} by '{done}' before '{action}' was done",
            (InstanceStatus.Discharged, _, true) => $"discharged on {on} by '{done}', which ended the pledge against '{action}'",
            _ => string.Empty,
        };
    }

    private static string Describe(Event e) => $"{e.Actor} {e.Verb} {e.Target}";

    /// <summary>The clause that excused an instance, quoted, with the lines of the events it found.</summary>
    private static string Excuse(OpenInstance instance, string on)
    {
        if (instance.Excuse is not { } excuse) return $"an 'unless' condition held on {on}";
        var lines = excuse.Evidence.Order(EventOrder).Select(e => $"{e.Origin.File}:{e.Origin.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}").ToList();
        return $"'{excuse.Clause}' held on {on}" + (lines.Count == 0 ? string.Empty : $" ({string.Join(", ", lines)})");
    }

}
