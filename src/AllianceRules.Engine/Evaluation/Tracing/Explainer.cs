using System.Collections.Immutable;
using AllianceRules.Model;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Evaluation.Tracing;

/// <summary>
/// Explains instances from the engine's own record: the evaluation runs again with a recorder on
/// the rule asked about (evaluation is deterministic, so it reaches the same report), and each
/// step of an explanation is read from what the recorder wrote down while the engine decided.
/// </summary>
internal static class Explainer
{
    public static ImmutableArray<Explanation> Explain(RuleSet rules, EventHistory history, EvaluationOptions? options, string ruleId, Func<InstanceResult, bool> select) =>
        ExplainWithReport(rules, history, options, ruleId, select).Explanations;

    /// <summary>As <see cref="Explain"/>, with the report of the same evaluation: one run gives both.</summary>
    public static (Report Report, ImmutableArray<Explanation> Explanations) ExplainWithReport(RuleSet rules, EventHistory history, EvaluationOptions? options, string ruleId, Func<InstanceResult, bool> select)
    {
        options ??= new EvaluationOptions();
        var recorder = new TraceRecorder(ruleId);
        var (report, ordered) = Evaluator.Run(rules, history, options, recorder);
        var result = ImmutableArray.CreateBuilder<Explanation>();
        for (var k = 0; k < report.Instances.Length; k++)
        {
            var instance = report.Instances[k];
            if (instance.Rule.QualifiedId != ruleId || !select(instance)) continue;
            result.Add(Build(rules, history, report, options, recorder, instance, ordered[k]));
        }
        return (report, result.ToImmutable());
    }

    private static Explanation Build(RuleSet rules, EventHistory history, Report report, EvaluationOptions options, TraceRecorder recorder, InstanceResult instance, OpenInstance open)
    {
        var rule = instance.Rule;
        var treaty = rules.FindTreaty(rule.Treaty)!;
        // Versions of an article are rules that cite it and are in force by date ('effective'); two
        // rules for different clauses of one article, in force together, are not versions.
        var versions = rule.Cites is null
            ? [new RuleVersion(rule, true)]
            : treaty.Rules.Where(r => r == rule || (r.Cites is not null && Article(r.Cites) == Article(rule.Cites) && (r.Effective is not null || rule.Effective is not null)))
                .OrderBy(r => r.Effective?.Start)
                .Select(r => new RuleVersion(r, r.Effective?.Contains(instance.TriggeredOn) ?? true))
                .ToImmutableArray();
        object opener = rule.IsCalendarDuty ? instance.TriggeredOn : instance.Triggers[0];
        return new Explanation(
            instance,
            treaty,
            versions,
            [.. instance.Triggers.Select(e => new TriggerTrace(e, Conditions(recorder, rule, e, open.Bindings)))],
            rule.IsCalendarDuty ? recorder.Periods.GetValueOrDefault(instance.TriggeredOn) : null,
            Parties(recorder, rule, treaty, instance, open, opener),
            Window(report, options, rule, instance),
            rule.IsForbid || instance.Status == InstanceStatus.Excused ? [] : Candidates(recorder, history, report, instance, open));
    }

    /// <summary>
    /// The atoms judged for a trigger on the way to this instance's bindings (its subject variable
    /// aside); for a trigger that joined with other bindings, the way it held for itself.
    /// </summary>
    private static ImmutableArray<ConditionNote> Conditions(TraceRecorder recorder, Rule rule, Event trigger, Bindings bindings)
    {
        var solutions = recorder.SolutionsOf(trigger);
        if (solutions.Count == 0) return [];
        var subject = (rule.Obligation?.Subject as EachMemberSubject)?.Variable;
        var own = rule.Variables.Where(v => v != subject && bindings[v] is not null)
            .Aggregate(Bindings.Empty, (b, v) => b.With(v, bindings[v]!));
        return [.. solutions.TryGetValue(own.Canonical, out var notes) ? notes : solutions.OrderBy(s => s.Key, StringComparer.Ordinal).First().Value];
    }

    /// <summary>
    /// Who the subject could name and why each is in or out, for this instance's bindings: the
    /// instance's own party with its status (and the 'unless' that excused it), the others by
    /// membership and 'except' alone, since each of them has, or has not, an instance of its own.
    /// </summary>
    private static ImmutableArray<PartyNote> Parties(TraceRecorder recorder, Rule rule, Treaty treaty, InstanceResult instance, OpenInstance open, object opener)
    {
        var date = instance.TriggeredOn;
        var unless = recorder.UnlessOf(opener, instance.Party, open.Target);
        string Own(string why) => unless is { Held: true } held
            ? $"{why}; excused, because '{held.Clause}' held: {Notes(held.Notes)}"
            : unless is { } notHeld && notHeld.Notes.Count > 0 ? $"{why}; no 'unless' held: {Notes(notHeld.Notes)}" : why;
        var verdict = instance.Status == InstanceStatus.Excused ? PartyVerdict.Excused : PartyVerdict.Obligated;
        switch (rule.Obligation?.Subject)
        {
            case EachMemberSubject each:
                var notes = ImmutableArray.CreateBuilder<PartyNote>();
                foreach (var party in treaty.Members.Keys.Order(StringComparer.Ordinal))
                {
                    var membership = TraceRecorder.MembershipWhy(treaty, party, date);
                    var except = each.Except.FirstOrDefault(t => PatternMatcher.Value(t, open.Bindings) == party);
                    notes.Add(party == instance.Party ? new PartyNote(party, verdict, Own($"{membership}: this instance"))
                        : !treaty.IsMember(party, date) ? new PartyNote(party, PartyVerdict.NotAMember, membership)
                        : except is not null ? new PartyNote(party, PartyVerdict.Excepted, $"{membership}, but excepted as {except}")
                        : new PartyNote(party, PartyVerdict.OwnInstance, membership));
                }
                return notes.ToImmutable();
            case PartySubject p:
                return [new PartyNote(instance.Party, verdict, Own(p.Party is VariableTerm v ? $"named by the rule as ${v.Name}" : "named by the rule"))];
            default:
                return [new PartyNote(instance.Party, verdict, Own("the actor of the forbidden act"))];
        }
    }

    private static string Notes(IEnumerable<ConditionNote> notes) => string.Join("; ", notes.Select(n => $"{n.Condition} is {(n.Holds ? "true" : "false")} ({n.Detail})"));

    /// <summary>The article a citation names, without a trailing note in parentheses: "Article 4 (1992)" and "Article 4 (as amended 2010)" are versions of "Article 4".</summary>
    private static string Article(string cites) =>
        cites.IndexOf(" (", StringComparison.Ordinal) is var cut and > 0 ? cites[..cut] : cites;

    private static WindowNote Window(Report report, EvaluationOptions options, Rule rule, InstanceResult instance)
    {
        switch (rule.Obligation?.Window ?? rule.Every?.Period)
        {
            case NamedWindow named:
                var use = report.Assumptions.First(a => a.Treaty == rule.Treaty && a.Name == named.Name);
                return new WindowNote(instance.TriggeredOn, instance.Deadline, use.Period, named.Name, use.Overridden, use.Declared, use.Note);
            case PeriodWindow written when rule.Obligation?.Window is not null:
                return new WindowNote(instance.TriggeredOn, instance.Deadline, written.Period, null, false, null, null);
            case BeforeWindow before:
                return new WindowNote(instance.TriggeredOn, instance.Deadline, null, null, false, null, null) { Before = before.Pattern.ToString() };
            case PeriodWindow:
                // A calendar duty without 'within': the window is the period itself.
                return new WindowNote(instance.TriggeredOn, instance.Deadline, null, null, false, null, null);
            default:
                return new WindowNote(instance.TriggeredOn, instance.Deadline, null, null, false, null, null);
        }
    }

    /// <summary>
    /// The events that could have been the action: those of its verb inside the window, and the
    /// nearest ones before and after it that match in everything but the date. Each is judged by
    /// the engine's own matcher.
    /// </summary>
    private static ImmutableArray<CandidateNote> Candidates(TraceRecorder recorder, EventHistory history, Report report, InstanceResult instance, OpenInstance open)
    {
        var notes = ImmutableArray.CreateBuilder<CandidateNote>();
        var from = instance.TriggeredOn;
        var to = instance.Deadline;
        var evidence = new HashSet<object>(instance.Evidence, ReferenceEqualityComparer.Instance);
        var matching = recorder.ActionEvents.Where(e => open.MatchAction(e) == ActionMatch.Match).ToList();
        var lastBefore = matching.LastOrDefault(e => e.LastDay < from);
        var firstAfter = to is { } end ? matching.FirstOrDefault(e => e.Date > end) : null;
        foreach (var e in recorder.ActionEvents)
        {
            // An interval event is in the window when it meets it (§5.5); a point when it is dated inside.
            var inWindow = e.Meets(from, to ?? LocalDate.MaxIsoValue);
            if (!inWindow && !ReferenceEquals(e, lastBefore) && !ReferenceEquals(e, firstAfter) && !ReferenceEquals(e, instance.Late?.Event)) continue;
            notes.Add(Judge(e, open.MatchAction(e), instance, open, evidence));
        }
        foreach (var e in instance.Evidence.Where(e => !recorder.ActionEvents.Contains(e)))
        {
            notes.Add(new CandidateNote(e, CandidateVerdict.Decisive, "matches 'until': it discharged the obligation"));
        }
        // Read and checked, but past the horizon: an open window may yet be closed by them.
        if (report.AsOf is { } horizon && (instance.Deadline is not { } d2 || d2 > horizon))
        {
            foreach (var e in history.Events.Where(e => e.Date > horizon && e.Verb == recorder.ActionVerb && open.MatchAction(e) == ActionMatch.Match && (instance.Deadline is not { } dl || e.Date <= dl)))
            {
                notes.Add(new CandidateNote(e, CandidateVerdict.AfterHorizon, $"dated after the horizon, {DateText.Format(horizon)}: read, but not evaluated (a later --as-of would count it)"));
            }
        }
        return [.. notes.OrderBy(n => n.Event.Date).ThenBy(n => n.Event.Origin.File, StringComparer.Ordinal).ThenBy(n => n.Event.Origin.Line)];
    }

    private static CandidateNote Judge(Event e, ActionMatch match, InstanceResult instance, OpenInstance open, HashSet<object> evidence)
    {
        var o = instance.Rule.Obligation!;
        var actors = string.Join(" or ", o.Actors(instance.Party));
        if (evidence.Contains(e) && instance.Status == InstanceStatus.Discharged)
        {
            return new CandidateNote(e, CandidateVerdict.Decisive, "matches 'until': it discharged the obligation");
        }
        if (evidence.Contains(e))
        {
            return new CandidateNote(e, CandidateVerdict.Decisive, o.Negated
                ? "the forbidden act, inside the window: it violated the pledge"
                : "the action required, inside the window: it fulfilled the obligation");
        }
        return match switch
        {
            ActionMatch.WrongActor => new CandidateNote(e, CandidateVerdict.WrongActor, $"done by {e.Actor}, not by {actors}"),
            ActionMatch.WrongTarget => new CandidateNote(e, CandidateVerdict.WrongTarget, $"towards {e.Target}, not {open.Target}"),
            ActionMatch.WrongAttributes => new CandidateNote(e, CandidateVerdict.WrongAttributes,
                // The tests as written, judged as resolved against this instance's trigger (the two line up).
                $"lacks {string.Join(", ", o.Attributes.Where((_, i) => !open.ActionAttributes[i].Matches(e.Attributes.GetValueOrDefault(open.ActionAttributes[i].Key))))}"),
            _ when open.IsOwnTrigger(e) => new CandidateNote(e, CandidateVerdict.OwnTrigger, "it opened this instance, so it cannot also decide it"),
            _ when e.LastDay < instance.TriggeredOn => new CandidateNote(e, CandidateVerdict.BeforeWindow, $"before the window opened on {DateText.Format(instance.TriggeredOn)}"),
            _ when instance.Late is { } late && ReferenceEquals(late.Event, e) => new CandidateNote(e, CandidateVerdict.AfterWindow,
                $"after the deadline, {DateText.Format(instance.Deadline!.Value)}: the action required, performed {late.DaysLate} day{(late.DaysLate == 1 ? string.Empty : "s")} late; it does not undo the violation"),
            _ when instance.Deadline is { } d && e.Date > d => new CandidateNote(e, CandidateVerdict.AfterWindow, $"after the deadline, {DateText.Format(d)}"),
            _ => new CandidateNote(e, CandidateVerdict.AfterDecision, $"the instance was already {instance.Status.ToString().ToLowerInvariant()} on {DateText.Format(instance.DecidedOn!.Value)}"),
        };
    }
}
