using System.Collections.Immutable;
using AllianceRules.Model;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Evaluation.Tracing;

/// <summary>
/// Explains one event of a history (<c>explain --event</c>): the evaluation runs again with a
/// recorder watching that event, which writes down, for each rule it is tried as a trigger of,
/// every <c>where</c> atom the engine judged on each day it was tried. The pattern, <c>effective</c>
/// and the horizon are read from the rule and the report; the verdict on each is the engine's.
/// </summary>
internal static class EventExplainer
{
    /// <summary>At most this many ways a <c>where</c> held, and as many it failed, are shown for one day; the rest are counted.</summary>
    private const int MaxWays = 5;

    public static (Report Report, EventExplanation Explanation) Explain(RuleSet rules, EventHistory history, EvaluationOptions? options, Event target)
    {
        options ??= new EvaluationOptions();
        var recorder = new TraceRecorder(string.Empty) { Watched = target };
        var (report, _) = Evaluator.Run(rules, history, options, recorder);
        // The treaties as the evaluation read them: only the rules in force under the readings chosen.
        var chosen = rules.WithChoices(options.ReadingChoices, options.Overrides);
        var afterHorizon = report.AsOf is { } horizon && target.Date > horizon;
        var attempts = chosen.Treaties
            .SelectMany(t => t.Rules.Where(r => r.Trigger?.Verb == target.Verb).Select(r => (Treaty: t, Rule: r)))
            .OrderBy(x => x.Rule.QualifiedId, StringComparer.Ordinal)
            .Select(x => Attempt(x.Treaty, x.Rule, target, report, recorder, afterHorizon))
            .ToImmutableArray();
        var decided = report.Instances.Where(i => i.Evidence.Any(e => ReferenceEquals(e, target))).ToImmutableArray();
        ImmutableArray<string> verbs = attempts.IsEmpty
            ? [.. chosen.Treaties.SelectMany(t => t.Rules).Select(r => r.Trigger?.Verb).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
            : [];
        return (report, new EventExplanation(target, report.AsOf, attempts, decided, verbs));
    }

    private static RuleAttempt Attempt(Treaty treaty, Rule rule, Event e, Report report, TraceRecorder recorder, bool afterHorizon)
    {
        var tries = recorder.Attempts.Where(a => a.Rule.QualifiedId == rule.QualifiedId && a.InForce).ToList();
        var instances = report.Instances.Where(i => i.Rule.QualifiedId == rule.QualifiedId && i.Triggers.Any(t => ReferenceEquals(t, e))).ToImmutableArray();
        var steps = ImmutableArray.CreateBuilder<StepNote>();
        var written = $"{(rule.IsForbid ? "forbid" : "when")} {rule.Trigger}";

        var matches = PatternMatcher.Match(rule.Trigger!, e, Bindings.Empty) is not null;
        steps.Add(matches
            ? new StepNote(EventStep.Pattern, true, $"'{e.Actor} {e.Verb} {e.Target}' matches '{written}'")
            : new StepNote(EventStep.Pattern, false, $"'{written}' does not match: {string.Join("; ", Mismatches(rule.Trigger!, e).DefaultIfEmpty("it does not match"))}"));

        var inForce = InForce(rule, e.Date, e.LastDay);
        // An interval event is carried only up to the horizon: days in force after it were never tried.
        var lateOnly = inForce && !afterHorizon && report.AsOf is { } h && h < e.LastDay && !InForce(rule, e.Date, h);
        var where = Where(rule, tries);
        if (!matches) steps.Add(NotJudged(EventStep.Where, "the pattern does not match"));
        else if (afterHorizon) steps.Add(NotJudged(EventStep.Where, "the event lies after the horizon"));
        else if (!inForce) steps.Add(NotJudged(EventStep.Where, "the rule is not in force then"));
        else if (lateOnly) steps.Add(NotJudged(EventStep.Where, "the rule is in force on the event's days only after the horizon"));
        else if (where.Count == 0) steps.Add(NotJudged(EventStep.Where, "the engine did not try the event on a day the rule was in force"));
        else steps.AddRange(where);

        var fired = matches && where.Any(s => s.Passed);
        var firedOn = tries.FirstOrDefault(t => t.Held.Count > 0)?.Date ?? e.Date;
        steps.Add(!fired && instances.IsEmpty ? NotJudged(EventStep.Parties, "the rule did not fire")
            : instances.IsEmpty ? new StepNote(EventStep.Parties, false, $"it obliged no one: {NoParty(treaty, rule, firedOn)}") { Date = firedOn }
            : new StepNote(EventStep.Parties, true, string.Join("; ", instances.Select(i => Instance(i, e)))) { Date = firedOn });

        steps.Add(new StepNote(EventStep.Effective, inForce, Effective(rule, e, inForce)));
        steps.Add(new StepNote(EventStep.Horizon, !afterHorizon && !lateOnly, report.AsOf is not { } asOf
            ? "no horizon: nothing was evaluated"
            : afterHorizon
                ? $"the event, on {DateText.Format(e.Date)}, lies after the horizon, {DateText.Format(asOf)}: it was read but not evaluated (a later --as-of would evaluate it)"
                : lateOnly
                    ? $"the event's days in force (from {DateText.Format(rule.Effective!.Value.Start)}) lie after the horizon, {DateText.Format(asOf)}: a later --as-of would evaluate them"
                    : $"the event, on {DateText.Format(e.Date)}, is not after the horizon, {DateText.Format(asOf)}"));
        return new RuleAttempt(rule, treaty, steps.ToImmutable(), instances);
    }

    private static StepNote NotJudged(EventStep step, string why) => new(step, false, "not judged: " + why) { Judged = false };

    /// <summary>The ways the <c>where</c> held or failed, day by day; a rule without one holds on every day it was tried.</summary>
    private static List<StepNote> Where(Rule rule, List<TriggerAttempt> tries)
    {
        var steps = new List<StepNote>();
        foreach (var t in tries)
        {
            var on = DateText.Format(t.Date);
            if (rule.Where is null)
            {
                steps.Add(new StepNote(EventStep.Where, true, $"the rule has no 'where': it holds on {on}") { Date = t.Date });
                continue;
            }
            steps.AddRange(t.Held.Take(MaxWays).Select(notes => new StepNote(EventStep.Where, true, $"it holds on {on}") { Date = t.Date, Conditions = [.. notes] }));
            if (t.Held.Count > MaxWays) steps.Add(new StepNote(EventStep.Where, true, $"and {t.Held.Count - MaxWays} more ways it holds on {on}") { Date = t.Date });
            steps.AddRange(t.Failed.Take(MaxWays).Select(notes => new StepNote(EventStep.Where, false, $"it does not hold on {on}") { Date = t.Date, Conditions = [.. notes] }));
            if (t.Failed.Count > MaxWays) steps.Add(new StepNote(EventStep.Where, false, $"and {t.Failed.Count - MaxWays} more ways it does not hold on {on}") { Date = t.Date });
        }
        return steps;
    }

    /// <summary>Why the pattern does not match, part by part: the verb is the event's, so the actor, the target and the attributes.</summary>
    private static List<string> Mismatches(Pattern pattern, Event e)
    {
        var why = new List<string>();
        if (pattern.Actor is CodeTerm actor && actor.Code != e.Actor) why.Add($"actor '{e.Actor}' is not '{actor.Code}'");
        if (pattern.Target is CodeTerm target && target.Code != e.Target) why.Add($"target '{e.Target}' is not '{target.Code}'");
        if (pattern.Actor is VariableTerm a && pattern.Target is VariableTerm b && a.Name == b.Name && e.Actor != e.Target)
        {
            why.Add($"actor and target must be one party (${a.Name}), but they are '{e.Actor}' and '{e.Target}'");
        }
        foreach (var test in pattern.Attributes)
        {
            if (!e.Attributes.TryGetValue(test.Key, out var actual)) why.Add($"it has no attribute '{test.Key}' ({test} is asked for)");
            else if (!test.Matches(actual)) why.Add($"its {test.Key} is '{actual}', which does not pass {test}");
        }
        return why;
    }

    /// <summary>Whether the rule is in force on a day from <paramref name="first"/> to <paramref name="last"/>: an event's date, or the days of an interval event.</summary>
    private static bool InForce(Rule rule, LocalDate first, LocalDate last) =>
        rule.Effective is not { } effective || effective.Meets(first, last);

    private static string Effective(Rule rule, Event e, bool inForce)
    {
        var when = e.IsInterval ? $"on any day of {e.When()}" : $"on {DateText.Format(e.Date)}";
        if (rule.Effective is not { } effective) return $"in force {when}: it has no 'effective' limit";
        return $"{(inForce ? "in force" : "not in force")} {when}: effective {effective}";
    }

    private static string Instance(InstanceResult i, Event e)
    {
        var status = i.Status.ToString().ToLowerInvariant();
        return i.TriggeredOn < e.Date && !ReferenceEquals(i.Triggers[0], e)
            ? $"it joined {i.Id} ({i.Party}, opened on {DateText.Format(i.TriggeredOn)}, {status})"
            : $"it opened {i.Id} ({i.Party}, {status})";
    }

    /// <summary>Why a rule whose <c>where</c> held opened no instance: its subject named no one on that day.</summary>
    private static string NoParty(Treaty treaty, Rule rule, LocalDate date) => rule.Obligation?.Subject switch
    {
        EachMemberSubject => treaty.MembersOn(date).ToList() is { Count: > 0 } members
            ? $"every member of {treaty.Code} on {DateText.Format(date)} ({string.Join(", ", members)}) is excepted"
            : $"{treaty.Code} has no member on {DateText.Format(date)}",
        _ => "its subject names no party",
    };
}
