using AllianceRules.Evaluation.Tracing;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>The state of one evaluation as it walks the history date by date.</summary>
internal sealed partial class EvaluationRun
{
    /// <summary>The stated horizon; until <see cref="Finish"/> learns the default one, no date is beyond it.</summary>
    /// <summary>The stated horizon while events arrive (no period opens after it); the last date when none is stated.</summary>
    private readonly LocalDate _stated;
    private readonly Dictionary<string, List<CompiledRule>> _rulesByTriggerVerb = new(StringComparer.Ordinal);
    private readonly LookbackBuffer _buffer;
    private readonly HashSet<string> _usedVerbs = new(StringComparer.Ordinal);
    private readonly ConditionEvaluator _conditions;
    private readonly Dictionary<InstanceKey, OpenInstance> _openByKey = new(InstanceKeyComparer.Instance);

    /// <summary>Scratch maps of <see cref="OpenOrJoin"/> and <see cref="AddTriggered"/>, cleared and reused: a history has thousands of dates.</summary>
    private readonly Dictionary<InstanceKey, Candidate> _candidates = new(InstanceKeyComparer.Instance);

    private readonly Dictionary<InstanceKey, Candidate> _perKey = new(InstanceKeyComparer.Instance);
    private readonly Dictionary<(string Actor, string Verb), List<OpenInstance>> _byAction = new(PairComparer.Instance);
    private readonly Dictionary<string, List<OpenInstance>> _byUntilVerb = new(StringComparer.Ordinal);

    /// <summary>Instances whose <c>before</c> window waits for its closing event, by that event's verb.</summary>
    private readonly Dictionary<string, List<OpenInstance>> _byEndVerb = new(StringComparer.Ordinal);
    private readonly PriorityQueue<OpenInstance, LocalDate> _deadlines = new();
    private readonly List<OpenInstance> _all = [];
    private readonly ObservedCoverage _observed;

    /// <summary>The next period of every calendar duty, by its start date.</summary>
    private readonly PriorityQueue<(CompiledRule Rule, int Index), LocalDate> _periods = new();

    private readonly TraceRecorder? _trace;

    /// <summary>Instances per rule so far, against <see cref="MaxInstancesPerRule"/>.</summary>
    private readonly Dictionary<CompiledRule, int> _perRule = [];

    public int MaxInstancesPerRule { get; init; } = EvaluationOptions.DefaultMaxInstancesPerRule;

    public EvaluationRun(RuleSet rules, WindowResolver windows, LocalDate? horizon, ObservedCoverage observed, TraceRecorder? trace = null)
    {
        _stated = horizon ?? LocalDate.MaxIsoValue;
        _observed = observed;
        _trace = trace;
        var compiled = new List<CompiledRule>();
        foreach (var treaty in rules.Treaties)
        {
            var members = new MemberTimeline(treaty);
            compiled.AddRange(treaty.Rules.Select(r => new CompiledRule(r, treaty, windows) { Members = members }));
        }
        foreach (var rule in compiled)
        {
            _usedVerbs.UnionWith(rule.Rule.VerbsUsed());
            if (trace is not null && trace.Wants(rule)) trace.ActionVerb = rule.Rule.Obligation?.Verb;
            if (rule.Rule.Trigger is not { } trigger)
            {
                // Without an observed interval no period can be judged, so calendar duties wait for none.
                if (!observed.IsEmpty) _periods.Enqueue((rule, 0), rule.PeriodStart(0)!.Value);
                continue;
            }
            if (!_rulesByTriggerVerb.TryGetValue(trigger.Verb, out var list)) _rulesByTriggerVerb[trigger.Verb] = list = [];
            list.Add(rule);
        }
        var thereWas = compiled.SelectMany(r => r.AllThereWas().Select(t => (Rule: r, ThereWas: t))).ToList();
        _buffer = new LookbackBuffer(
            thereWas.Select(x => x.ThereWas.Pattern.Verb),
            thereWas.Select(x => windows.Resolve(x.ThereWas.Window, x.Rule.Treaty)));
        _conditions = new ConditionEvaluator(rules, _buffer, windows);
        _considered = ConsideredDays(rules);
    }

    /// <summary>
    /// Whether an event of this verb can matter to some rule: as a trigger, an action, an <c>until</c>,
    /// the end of a <c>before</c> window or a <c>there was</c>. Every use below looks events up by
    /// verb, so the others can be left out of a day (a dataset is mostly events no rule names).
    /// </summary>
    public bool Uses(string verb) => _usedVerbs.Contains(verb);

    public void Process(LocalDate date, List<Event> events)
    {
        // Days before this one on which an interval event is considered again come first.
        CatchUp(date, inclusive: false);
        Day(date, events);
    }

    private void Day(LocalDate date, List<Event> events)
    {
        _registeredToday.Clear();
        _ongoing.RemoveAll(e => e.LastDay < date);
        OpenPeriods(date, includingThatDay: false, _stated);
        LapseBefore(date);
        _buffer.Advance(date, events);
        // A period that starts today sees today's events in its 'unless', and they can fulfil it.
        OpenPeriods(date, includingThatDay: true, _stated);
        OpenOrJoin(date, events);
        Decide(date, events);
        Remember(events);
        _trace?.Observe(events);
    }

    /// <summary>Decides what the horizon decides; a default horizon is known only now, after the last event.</summary>
    public IReadOnlyList<OpenInstance> Finish(LocalDate horizon)
    {
        CatchUp(horizon, inclusive: true);
        OpenPeriods(horizon, includingThatDay: true, horizon);
        // Rule 5 "Window": violated (or, for must not, fulfilled) once the horizon is after the deadline.
        LapseBefore(horizon);
        foreach (var instance in _all)
        {
            if (!instance.IsFinal) instance.MarkPending();
        }
        return _all;
    }

    // ---- triggers ------------------------------------------------------------------------------

    private sealed class Candidate(Bindings bindings, LocalDate? evidenceDate)
    {
        public Bindings Bindings { get; private set; } = bindings;

        public LocalDate? EvidenceDate { get; private set; } = evidenceDate;

        public List<Event> Triggers { get; } = [];

        /// <summary>Rule 5.1.4: the latest matching event's bindings win; ties go to the smallest in ordinal order.</summary>
        public void Consider(Bindings bindings, LocalDate? evidenceDate)
        {
            if (IsBetter(bindings, evidenceDate, Bindings, EvidenceDate))
            {
                Bindings = bindings;
                EvidenceDate = evidenceDate;
            }
        }

        public static bool IsBetter(Bindings b, LocalDate? d, Bindings currentB, LocalDate? currentD)
        {
            if (d != currentD) return d is { } x && (currentD is not { } y || x > y);
            return string.CompareOrdinal(b.Canonical, currentB.Canonical) < 0;
        }
    }

    private void OpenOrJoin(LocalDate date, List<Event> events)
    {
        // Rule 5.1.1: triggers of one date with one key form one instance, whatever their order.
        var candidates = _candidates;
        candidates.Clear();
        foreach (var e in events)
        {
            if (!_rulesByTriggerVerb.TryGetValue(e.Verb, out var rules)) continue;
            foreach (var rule in rules) TryTrigger(rule, e, date, candidates);
        }
        // Interval events that did not fire on an earlier day are considered again (§5.5).
        while (_carried.TryPeek(out var carried, out var due) && due == date)
        {
            _carried.Dequeue();
            TryTrigger(carried.Rule, carried.Event, date, candidates);
        }
        foreach (var (key, candidate) in candidates)
        {
            // Coalescing: join the open instance with this key. _openByKey holds only undecided
            // instances whose deadline is today or later: decisions and lapses remove them.
            if (_openByKey.TryGetValue(key, out var open))
            {
                open.Triggers.AddRange(candidate.Triggers);
                continue;
            }
            var instance = Open(key, candidate.Bindings, date, candidate.Triggers[0]);
            instance.Triggers.AddRange(candidate.Triggers);
            Register(instance);
        }
    }

    /// <summary>Fires an event as a trigger of a rule on a day, or, for an interval event whose conditions do not hold, carries it to the next day considered.</summary>
    private void TryTrigger(CompiledRule rule, Event e, LocalDate date, Dictionary<InstanceKey, Candidate> candidates)
    {
        // Rule 5.1.12: a trigger outside 'effective' is no trigger; an interval may yet hold on a day inside.
        var inForce = rule.Rule.Effective is not { } effective || effective.Contains(date);
        if (!inForce && !e.IsInterval) return;
        if (PatternMatcher.Match(rule.Rule.Trigger!, e, Bindings.Empty) is not { } initial) return;
        // 'explain --event': what became of the event asked about, rule by rule and day by day, once its pattern matched.
        var attempt = _trace?.Attempt(rule.Rule, e, date, inForce);
        if (inForce)
        {
            var solutions = Solve(rule, initial, date, e, attempt);
            if (solutions.Count > 0)
            {
                if (rule.Rule.IsForbid) AddForbidden(rule, date, e, solutions);
                else AddTriggered(rule, date, e, solutions, candidates);
                return;
            }
        }
        if (e.IsInterval) Carry(rule, e, date);
    }

    private static OpenInstance Open(InstanceKey key, Bindings bindings, LocalDate date, Event opener) =>
        new(key, bindings, date, key.Rule.EndPattern is null ? DateMath.Plus(date, key.Rule.Window!) : null, opener);

    private void AddTriggered(CompiledRule rule, LocalDate date, Event trigger, Dictionary<Bindings, LocalDate?> solutions, Dictionary<InstanceKey, Candidate> candidates)
    {
        var obligation = rule.Rule.Obligation!;
        var perKey = _perKey;
        perKey.Clear();
        // The trigger's attributes the rule reads are the same for every party it obliges.
        var context = TriggerAttributes.Context(rule.ReadsFromTrigger, trigger);
        foreach (var (bindings, evidenceDate) in solutions)
        {
            foreach (var party in Parties(rule, obligation.Subject, bindings, date))
            {
                var withParty = obligation.Subject is EachMemberSubject each ? bindings.With(each.Variable, party) : bindings;
                var target = PatternMatcher.Value(obligation.Target, withParty) ?? "_";
                var key = new InstanceKey(rule, party, target, context);
                if (perKey.TryGetValue(key, out var existing)) existing.Consider(withParty, evidenceDate);
                else perKey[key] = new Candidate(withParty, evidenceDate);
            }
        }
        foreach (var (key, candidate) in perKey)
        {
            // Rule 5.1.5: 'unless' is judged per trigger and party; an excused trigger stands alone.
            if (Excused(rule, candidate.Bindings, date, trigger, key, trigger) is { } excuse)
            {
                var excused = Open(key, candidate.Bindings, date, trigger);
                excused.Triggers.Add(trigger);
                excused.Excuse = excuse;
                excused.Decide(InstanceStatus.Excused, date, []);
                Track(excused);
                continue;
            }
            if (candidates.TryGetValue(key, out var existing)) existing.Consider(candidate.Bindings, candidate.EvidenceDate);
            else candidates[key] = existing = new Candidate(candidate.Bindings, candidate.EvidenceDate);
            existing.Triggers.Add(trigger);
        }
    }

    private void AddForbidden(CompiledRule rule, LocalDate date, Event e, Dictionary<Bindings, LocalDate?> solutions)
    {
        var best = Best(solutions);
        var instance = new OpenInstance(new InstanceKey(rule, e.Actor, e.Target), best, date, null);
        instance.Triggers.Add(e);
        if (Excused(rule, best, date, e, instance.Key, e) is { } excuse)
        {
            instance.Decide(InstanceStatus.Excused, date, []);
            instance.Excuse = excuse;
        }
        else
        {
            instance.Decide(InstanceStatus.Violated, date, [e]);
        }
        Track(instance);
    }

    private static Bindings Best(Dictionary<Bindings, LocalDate?> solutions)
    {
        var (best, bestDate) = solutions.First();
        foreach (var (b, d) in solutions)
        {
            if (Candidate.IsBetter(b, d, best, bestDate)) (best, bestDate) = (b, d);
        }
        return best;
    }

    /// <summary>
    /// Every way the <c>where</c> holds: the top-level <c>there was</c> conjuncts bind (each
    /// match a solution), then the other atoms filter. Solutions are deduplicated by their
    /// bindings, keeping the date of the latest event that gave them.
    /// </summary>
    private bool Traced(CompiledRule rule) => _trace is not null && _trace.Wants(rule);

    private Dictionary<Bindings, LocalDate?> Solve(CompiledRule rule, Bindings initial, LocalDate date, Event trigger, TriggerAttempt? attempt = null)
    {
        var solutions = new Dictionary<Bindings, LocalDate?>();
        // For the trace: the 'there was' matches along the current path, so each solution keeps the notes that led to it.
        var traced = Traced(rule);
        var path = traced || attempt is not null ? new List<ConditionNote>() : null;
        void Bind(int index, Bindings bindings, LocalDate? latest)
        {
            if (index == rule.Binders.Length)
            {
                var filters = path is null ? null : new NoteTaker("where");
                var holds = true;
                foreach (var filter in rule.Filters)
                {
                    if (_conditions.Holds(filter, bindings, rule, date, trigger, filters)) continue;
                    holds = false;
                    // The event asked about has every atom judged, so the explanation can say what each was; the result is the same.
                    if (attempt is null) break;
                }
                if (!holds)
                {
                    attempt?.Failed.Add([.. path!, .. filters!.Sink]);
                    return;
                }
                if (!solutions.TryGetValue(bindings, out var known) || (latest is { } l && (known is not { } k || l > k)))
                {
                    solutions[bindings] = latest;
                }
                if (traced) _trace!.Solution(trigger, bindings, [.. path!, .. filters!.Sink]);
                attempt?.Held.Add([.. path!, .. filters!.Sink]);
                return;
            }
            var binder = rule.Binders[index];
            var found = false;
            foreach (var (e, extended) in _conditions.Matches(binder, bindings, rule, date, trigger))
            {
                found = true;
                path?.Add(new ConditionNote("where", Condition.Print(binder), true, ConditionEvaluator.Found([e])));
                Bind(index + 1, extended, latest is { } x && x > e.Date ? x : e.Date);
                path?.RemoveAt(path.Count - 1);
            }
            if (!found) attempt?.Failed.Add([.. path!, new ConditionNote("where", Condition.Print(binder), false, _conditions.NotFound(binder, rule, date))]);
        }
        Bind(0, initial, null);
        return solutions;
    }

    private static IEnumerable<string> Parties(CompiledRule rule, Subject subject, Bindings bindings, LocalDate date)
    {
        switch (subject)
        {
            case PartySubject p:
                if (PatternMatcher.Value(p.Party, bindings) is { } party) yield return party;
                break;
            case EachMemberSubject each:
                foreach (var member in rule.Members.On(date))
                {
                    if (!Excluded(each, bindings, member)) yield return member;
                }
                break;
        }
    }

    private static bool Excluded(EachMemberSubject each, Bindings bindings, string member)
    {
        foreach (var term in each.Except)
        {
            if (PatternMatcher.Value(term, bindings) == member) return true;
        }
        return false;
    }

    /// <summary>
    /// The first <c>unless</c> (in the order written) that holds, as the rule file writes it with its
    /// keyword, and the events it found; null when none holds. The events are looked up only for
    /// the clause that held, so an instance that is not excused costs what it did.
    /// </summary>
    private (string Clause, IReadOnlyList<Event> Evidence)? Excused(CompiledRule rule, Bindings bindings, LocalDate date, Event? trigger, InstanceKey key, object opener)
    {
        var traced = Traced(rule);
        var judged = traced ? new List<ConditionNote>() : null;
        foreach (var unless in rule.Rule.Unless)
        {
            // Each 'unless' on its own notes, so an excuse cites the clause that held and no other.
            var notes = traced ? new NoteTaker("unless") : null;
            if (_conditions.Holds(unless, bindings, rule, date, trigger, notes))
            {
                var clause = "unless " + Condition.Print(unless);
                if (traced) _trace!.Unless(opener, key.Party, key.Target, true, notes!.Sink, clause);
                var evidence = new List<Event>();
                _conditions.Evidence(unless, bindings, rule, date, trigger, evidence);
                return (clause, evidence);
            }
            if (notes is not null) judged!.AddRange(notes.Sink);
        }
        if (traced && rule.Rule.Unless.Length > 0) _trace!.Unless(opener, key.Party, key.Target, false, judged!);
        return null;
    }

    private void Register(OpenInstance instance, bool coalesces = true)
    {
        Track(instance);
        StopWatchingEarlier(instance);
        _registeredToday.Add(instance);
        if (coalesces) _openByKey[instance.Key] = instance;
        // Indexed under every actor whose act would count: the party, and the organisations it acts through.
        var obligation = instance.Rule.Rule.Obligation!;
        foreach (var actor in obligation.Actors(instance.Party))
        {
            if (!_byAction.TryGetValue((actor, obligation.Verb), out var list)) _byAction[(actor, obligation.Verb)] = list = [];
            list.Add(instance);
        }
        foreach (var verb in instance.Rule.Rule.Until.Select(u => u.Verb).Distinct(StringComparer.Ordinal))
        {
            if (!_byUntilVerb.TryGetValue(verb, out var untils)) _byUntilVerb[verb] = untils = [];
            untils.Add(instance);
        }
        if (instance.Deadline is { } deadline)
        {
            _deadlines.Enqueue(instance, deadline);
        }
        else if (instance.EndPattern is { } end)
        {
            if (!_byEndVerb.TryGetValue(end.Verb, out var waiting)) _byEndVerb[end.Verb] = waiting = [];
            waiting.Add(instance);
        }
    }

    /// <summary>Keeps an instance for the report, stopping the evaluation when its rule passes the limit.</summary>
    private void Track(OpenInstance instance)
    {
        var count = _perRule[instance.Rule] = _perRule.GetValueOrDefault(instance.Rule) + 1;
        if (count > MaxInstancesPerRule) throw new EvaluationLimitException(Diagnostics.DiagnosticCatalog.TooManyInstances(instance.Rule.Rule.Location, instance.Rule.Rule.QualifiedId, MaxInstancesPerRule, instance.TriggeredOn));
        // Every instance is tracked once its opening triggers are in: those, and no later ones, are its own (rule 5.1.2).
        instance.SealOpeners();
        _all.Add(instance);
    }

}
