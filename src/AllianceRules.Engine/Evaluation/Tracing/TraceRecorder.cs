using AllianceRules.Model;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Evaluation.Tracing;

/// <summary>
/// What the evaluator decided about one rule, written down as it decided it: the conditions
/// judged for each trigger, the parties obligated or not, the periods of a calendar duty, and every
/// event that could be the obligation's action. Only the rule asked about is recorded, so tracing
/// costs little and the untraced run is untouched.
/// </summary>
internal sealed class TraceRecorder(string ruleId)
{
    private readonly Dictionary<Event, Dictionary<string, List<ConditionNote>>> _solutions = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(object Opener, string Party, string Target), UnlessTrace> _unless = [];

    public string RuleId { get; } = ruleId;

    public bool Wants(CompiledRule rule) => rule.Rule.QualifiedId == RuleId;

    /// <summary>Every evaluated event whose verb is the traced obligation's, in date order.</summary>
    public List<Event> ActionEvents { get; } = [];

    public Dictionary<LocalDate, PeriodTrace> Periods { get; } = [];

    public string? ActionVerb { get; set; }

    /// <summary>A way the <c>where</c> of a trigger held: the bindings it gave and the atoms judged along the way.</summary>
    public void Solution(Event trigger, Bindings bindings, List<ConditionNote> notes)
    {
        if (!_solutions.TryGetValue(trigger, out var byBindings)) _solutions[trigger] = byBindings = new Dictionary<string, List<ConditionNote>>(StringComparer.Ordinal);
        byBindings.TryAdd(bindings.Canonical, notes);
    }

    /// <summary>The solutions of a trigger's <c>where</c>, by the canonical text of their bindings.</summary>
    public IReadOnlyDictionary<string, List<ConditionNote>> SolutionsOf(Event trigger) =>
        _solutions.GetValueOrDefault(trigger) ?? new Dictionary<string, List<ConditionNote>>();

    /// <summary>How the <c>unless</c> clauses came out for one party's instance of one trigger (or calendar period).</summary>
    /// <param name="clause">The clause that held, as written with its keyword; null when none held.</param>
    public void Unless(object opener, string party, string target, bool held, List<ConditionNote> notes, string? clause = null) =>
        _unless[(opener, party, target)] = new UnlessTrace(held, notes, clause);

    public UnlessTrace? UnlessOf(object opener, string party, string target) =>
        _unless.GetValueOrDefault((opener, party, target));

    /// <summary>The event <c>explain --event</c> asks about; every rule it is tried as a trigger of is recorded, day by day.</summary>
    public Event? Watched { get; init; }

    /// <summary>Each time the watched event was tried as a trigger: by rule and day, in the order the engine tried.</summary>
    public List<TriggerAttempt> Attempts { get; } = [];

    /// <summary>A new attempt when <paramref name="e"/> is the watched event (the same object, not an equal one); null otherwise.</summary>
    public TriggerAttempt? Attempt(Rule rule, Event e, LocalDate date, bool inForce)
    {
        if (!ReferenceEquals(e, Watched)) return null;
        var attempt = new TriggerAttempt(rule, date, inForce);
        Attempts.Add(attempt);
        return attempt;
    }

    public void Observe(List<Event> events)
    {
        foreach (var e in events)
        {
            if (e.Verb == ActionVerb) ActionEvents.Add(e);
        }
    }

    /// <summary>Why a party of an <c>each member</c> subject was left out or taken in, before <c>unless</c>.</summary>
    public static string MembershipWhy(Treaty treaty, string party, LocalDate date)
    {
        var ranges = treaty.Members.GetValueOrDefault(party, []);
        return ranges.Any(r => r.Contains(date))
            ? $"a member of {treaty.Code} on {DateText.Format(date)} (interval {ranges.First(r => r.Contains(date))})"
            : $"not a member of {treaty.Code} on {DateText.Format(date)} (its intervals: {string.Join("; ", ranges)})";
    }
}

/// <summary>How the <c>unless</c> clauses of one instance came out: whether one held (and which), with the atoms judged.</summary>
internal sealed record UnlessTrace(bool Held, List<ConditionNote> Notes, string? Clause);

/// <summary>
/// The watched event tried as a trigger of one rule on one day: whether the rule was in force, and
/// each way its <c>where</c> held or failed, with every atom judged (a failed way ends with the
/// <c>there was</c> that found nothing, or lists the atoms that filtered, true and false).
/// </summary>
internal sealed class TriggerAttempt(Rule rule, LocalDate date, bool inForce)
{
    public Rule Rule { get; } = rule;

    public LocalDate Date { get; } = date;

    public bool InForce { get; } = inForce;

    public List<List<ConditionNote>> Held { get; } = [];

    public List<List<ConditionNote>> Failed { get; } = [];
}
