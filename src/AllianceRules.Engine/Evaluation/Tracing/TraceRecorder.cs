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
    private readonly Dictionary<Event, List<ConditionNote>> _conditions = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, List<PartyNote>> _parties = [];

    public string RuleId { get; } = ruleId;

    public bool Wants(CompiledRule rule) => rule.Rule.QualifiedId == RuleId;

    /// <summary>Every evaluated event whose verb is the traced obligation's, in date order.</summary>
    public List<Event> ActionEvents { get; } = [];

    public Dictionary<LocalDate, PeriodTrace> Periods { get; } = [];

    public string? ActionVerb { get; set; }

    public NoteTaker Where(Event trigger)
    {
        var taker = new NoteTaker("where");
        if (!_conditions.TryGetValue(trigger, out var list)) _conditions[trigger] = list = [];
        taker.Sink = list;
        return taker;
    }

    public IReadOnlyList<ConditionNote> ConditionsOf(Event trigger) => _conditions.GetValueOrDefault(trigger) ?? [];

    /// <summary>The parties of one trigger (an event, or a calendar period's first day).</summary>
    public void Party(object opener, PartyNote note)
    {
        if (!_parties.TryGetValue(opener, out var list)) _parties[opener] = list = [];
        // An 'unless' judged later for the same party refines what the subject said of it.
        var known = list.FindIndex(p => p.Party == note.Party);
        if (known < 0) list.Add(note);
        else if (note.Verdict == PartyVerdict.Excused) list[known] = note;
    }

    public IReadOnlyList<PartyNote> PartiesOf(object opener) => _parties.GetValueOrDefault(opener) ?? [];

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
