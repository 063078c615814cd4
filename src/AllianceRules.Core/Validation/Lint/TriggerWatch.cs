using AllianceRules.Model;
using AllianceRules.Text;

namespace AllianceRules.Validation.Lint;

/// <summary>
/// Watches the events go by for each <c>when</c> rule: whether one matched its trigger pattern
/// on a date the rule is in force, and, while none has, the nearest miss: an event with the
/// rule's verb that differs in the fewest of actor, target, attributes and date (the first such
/// event on a tie). Its <c>where</c> is not tested: lint evaluates nothing, so a rule this finds
/// triggered may still oblige no one. <c>forbid</c> rules are not watched (no event is their
/// purpose), nor calendar duties (no event sets them off).
/// </summary>
internal sealed class TriggerWatch
{
    internal sealed class Watched(Rule rule)
    {
        public Rule Rule { get; } = rule;

        public bool Triggered { get; set; }

        public Event? Nearest { get; set; }

        public int NearestScore { get; set; } = int.MaxValue;

        /// <summary>What the rule wants that the nearest miss lacks, quoted: <c>'request TIAR'</c>.</summary>
        public string Wanted { get; set; } = string.Empty;
    }

    private readonly Dictionary<string, List<Watched>> _byVerb = new(StringComparer.Ordinal);
    private readonly Dictionary<SourceRef, Watched> _byLocation = [];

    public TriggerWatch(RuleSet rules)
    {
        foreach (var rule in rules.Treaties.SelectMany(t => t.DeclaredRules))
        {
            if (rule.Trigger is not { } trigger || rule.IsForbid || rule.IsCalendarDuty) continue;
            if (_byLocation.ContainsKey(rule.Location)) continue;
            var watched = new Watched(rule);
            _byLocation[rule.Location] = watched;
            if (!_byVerb.TryGetValue(trigger.Verb, out var list)) _byVerb[trigger.Verb] = list = [];
            list.Add(watched);
        }
    }

    /// <summary>The watch over the rule written at <paramref name="location"/>, or null when it is not watched.</summary>
    public Watched? Of(SourceRef location) => _byLocation.GetValueOrDefault(location);

    public void Observe(Event e)
    {
        if (!_byVerb.TryGetValue(e.Verb, out var watched)) return;
        foreach (var w in watched)
        {
            if (w.Triggered) continue;
            var pattern = w.Rule.Trigger!;
            var actor = Fits(pattern.Actor, e.Actor);
            var target = Fits(pattern.Target, e.Target) && !(pattern.Actor is VariableTerm a && pattern.Target is VariableTerm t && a.Name == t.Name && e.Actor != e.Target);
            var attributes = pattern.Attributes.IsDefaultOrEmpty || pattern.Attributes.All(test => test.Kind == AttributeTestKind.FromTrigger
                ? e.Attributes.ContainsKey(test.Key)
                : test.Matches(e.Attributes.GetValueOrDefault(test.Key)));
            // An interval event (§5.5) is in force with the rule when some day of it is, as the engine
            // takes it: one that spans the whole 'effective' range too.
            var date = w.Rule.Effective is not { } effective || effective.Meets(e.Date, e.LastDay);
            if (actor && target && attributes && date)
            {
                w.Triggered = true;
                w.Nearest = null;
                continue;
            }
            var score = (actor ? 0 : 1) + (target ? 0 : 1) + (attributes ? 0 : 1) + (date ? 0 : 1);
            if (score >= w.NearestScore) continue;
            w.NearestScore = score;
            w.Nearest = e;
            w.Wanted = (actor, target, attributes, date) switch
            {
                (true, false, true, true) => $"'{pattern.Verb} {pattern.Target}'",
                (false, true, true, true) => $"'{pattern.Actor} {pattern.Verb}'",
                (true, true, true, false) => $"'{pattern}' on a date it is in force",
                _ => $"'{pattern}'",
            };
        }
    }

    private static bool Fits(Term term, string party) => term switch
    {
        CodeTerm code => code.Code == party,
        _ => true,
    };
}
