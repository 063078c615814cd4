using AllianceRules.Evaluation.Tracing;
using AllianceRules.Model;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// Judges conditions on a trigger's date (rule 5.1.9: membership of any variable on that date).
/// A calendar duty has no trigger event (<c>null</c>), so it has no attributes to read. Given a
/// list of notes, it writes down each atom it judged, with its value and what the value rests on.
/// </summary>
internal sealed class ConditionEvaluator(RuleSet rules, LookbackBuffer buffer, WindowResolver windows)
{
    public bool Holds(Condition condition, Bindings bindings, CompiledRule rule, LocalDate date, Event? trigger, NoteTaker? notes = null)
    {
        switch (condition)
        {
            case OrCondition o:
                return Holds(o.Left, bindings, rule, date, trigger, notes) || Holds(o.Right, bindings, rule, date, trigger, notes);
            case AndCondition a:
                return Holds(a.Left, bindings, rule, date, trigger, notes) && Holds(a.Right, bindings, rule, date, trigger, notes);
            case NotCondition n when notes is null:
                return !Holds(n.Operand, bindings, rule, date, trigger);
            case NotCondition n:
                // One note for the whole 'not (...)', so its value is the one that counted.
                var inner = new NoteTaker(string.Empty);
                var holds = !Holds(n.Operand, bindings, rule, date, trigger, inner);
                notes.Add(n, holds, string.Join("; ", inner.Sink.Select(x => $"{x.Condition} is {(x.Holds ? "true" : "false")}: {x.Detail}")));
                return holds;
            case ThereWasCondition t when notes is null:
                return Matches(t, bindings, rule, date, trigger).Any();
            case ThereWasCondition t:
                var found = Matches(t, bindings, rule, date, trigger).Select(m => m.Event).ToList();
                notes?.Add(t, found.Count > 0, found.Count > 0 ? Found(found) : NotFound(t, rule, date));
                return found.Count > 0;
            case ReadingCondition r:
                var reading = rule.Treaty.FindReading(r.Test.Reading);
                var inForce = reading is not null && r.Test.Holds(reading.InForce);
                notes?.Add(r, inForce, reading is null
                    ? $"{rule.Treaty.Code} declares no reading {r.Test.Reading}"
                    : $"{rule.Treaty.Code}.{reading.Name} is read as '{reading.InForce}' ({(reading.Chosen ? "chosen" : "the default")}): {reading.Option.Description}");
                return inForce;
            default:
                // An atom that mentions an attribute the trigger does not carry is false, whatever its operator.
                if (MissingAttribute(trigger, condition) is { } missing)
                {
                    notes?.Add(condition, false, trigger is null ? $"there is no trigger event to carry @{missing}" : $"the trigger carries no @{missing}");
                    return false;
                }
                var value = condition switch
                {
                    MembershipCondition m => IsMember(m, bindings, rule, date, trigger) != m.Negated,
                    EqualityCondition e => (Value(e.Left, bindings, trigger) is { } l && l == Value(e.Right, bindings, trigger)) != e.NotEqual,
                    InCondition i => (Value(i.Term, bindings, trigger) is { } v && i.Items.Any(item => Value(item, bindings, trigger) == v)) != i.Negated,
                    _ => throw new InvalidOperationException($"Unknown condition {condition.GetType().Name}."),
                };
                notes?.Add(condition, value, Describe(condition, bindings, rule, date, trigger));
                return value;
        }
    }

    /// <summary>
    /// The events that make a condition that holds hold: the matches of its <c>there was</c> atoms
    /// along the branches that held (an <c>or</c> cites its first true side, as it is judged). A
    /// membership, equality or <c>not</c> rests on no event. Asked only once a clause has held, so
    /// judging conditions costs no more than before.
    /// </summary>
    public void Evidence(Condition condition, Bindings bindings, CompiledRule rule, LocalDate date, Event? trigger, List<Event> found)
    {
        switch (condition)
        {
            case OrCondition o:
                Evidence(Holds(o.Left, bindings, rule, date, trigger) ? o.Left : o.Right, bindings, rule, date, trigger, found);
                break;
            case AndCondition a:
                Evidence(a.Left, bindings, rule, date, trigger, found);
                Evidence(a.Right, bindings, rule, date, trigger, found);
                break;
            case ThereWasCondition t:
                foreach (var (e, _) in Matches(t, bindings, rule, date, trigger))
                {
                    if (!found.Exists(x => ReferenceEquals(x, e))) found.Add(e);
                }
                break;
        }
    }

    /// <summary>Other events matching a <c>there was</c> in <c>[t − D, t]</c>, with the bindings each gives.</summary>
    public IEnumerable<(Event Event, Bindings Bindings)> Matches(ThereWasCondition thereWas, Bindings bindings, CompiledRule rule, LocalDate date, Event? trigger)
    {
        var target = PatternMatcher.Value(thereWas.Pattern.Target, bindings);
        foreach (var e in buffer.Between(thereWas.Pattern.Verb, target, From(thereWas, rule, date), To(thereWas, date)))
        {
            if (ReferenceEquals(e, trigger)) continue;
            if (PatternMatcher.Match(thereWas.Pattern, e, bindings) is { } extended) yield return (e, extended);
        }
    }

    public LocalDate From(ThereWasCondition thereWas, CompiledRule rule, LocalDate date) =>
        DateMath.Minus(date, windows.Resolve(thereWas.Window, rule.Treaty));

    public static LocalDate To(ThereWasCondition thereWas, LocalDate date) => thereWas.Strictly ? DateMath.PreviousDay(date) : date;

    /// <summary>Why a <c>there was</c> is false: the days searched.</summary>
    public string NotFound(ThereWasCondition thereWas, CompiledRule rule, LocalDate date) =>
        $"no matching event between {DateText.Format(From(thereWas, rule, date))} and {DateText.Format(To(thereWas, date))}";

    public static string Found(IReadOnlyList<Event> events) =>
        "found " + string.Join("; ", events.Select(e => $"'{e.Actor} {e.Verb} {e.Target}' on {e.When()} ({e.Origin.File}:{e.Origin.Line})"));

    private bool IsMember(MembershipCondition m, Bindings bindings, CompiledRule rule, LocalDate date, Event? trigger)
    {
        if (Value(m.Term, bindings, trigger) is not { } party) return false;
        var treaty = m.Treaty is null ? rule.Treaty : rules.FindTreaty(m.Treaty);
        return treaty is not null && (m.Frozen ? treaty.IsFrozen(party, date) : treaty.IsMember(party, date));
    }

    private static string? Value(Term term, Bindings bindings, Event? trigger) =>
        term is AttributeTerm a ? trigger?.Attributes.GetValueOrDefault(a.Name) : PatternMatcher.Value(term, bindings);

    private static string? MissingAttribute(Event? trigger, Condition atom)
    {
        IEnumerable<Term> terms = atom switch
        {
            MembershipCondition m => [m.Term],
            EqualityCondition e => [e.Left, e.Right],
            InCondition i => [i.Term, .. i.Items],
            _ => [],
        };
        foreach (var term in terms)
        {
            if (term is AttributeTerm a && trigger?.Attributes.ContainsKey(a.Name) != true) return a.Name;
        }
        return null;
    }

    /// <summary>What an atom's value rests on, in words: the values compared, or the membership interval.</summary>
    private string Describe(Condition atom, Bindings bindings, CompiledRule rule, LocalDate date, Event? trigger)
    {
        string Show(Term t) => Value(t, bindings, trigger) ?? t.ToString()!;
        switch (atom)
        {
            case MembershipCondition m:
                var party = Show(m.Term);
                var treaty = m.Treaty is null ? rule.Treaty : rules.FindTreaty(m.Treaty);
                if (treaty is null) return $"no treaty {m.Treaty} is loaded";
                var ranges = (m.Frozen ? treaty.FrozenMembers : treaty.Members)?.GetValueOrDefault(party, []) ?? [];
                var what = m.Frozen ? "frozen in" : "a member of";
                if (ranges.Any(r => r.Contains(date))) return $"{party} is {what} {treaty.Code} on {DateText.Format(date)}: interval {ranges.First(r => r.Contains(date))}";
                return ranges.IsEmpty
                    ? $"{party} is not {what} {treaty.Code} on {DateText.Format(date)}: it has no such interval"
                    : $"{party} is not {what} {treaty.Code} on {DateText.Format(date)}: its intervals are {string.Join("; ", ranges)}";
            case EqualityCondition e:
                return $"{Show(e.Left)} {(Show(e.Left) == Show(e.Right) ? "=" : "!=")} {Show(e.Right)}";
            case InCondition i:
                return $"{Show(i.Term)} {(i.Items.Any(item => Show(item) == Show(i.Term)) ? "is" : "is not")} among {string.Join(", ", i.Items.Select(Show))}";
            default:
                return string.Empty;
        }
    }
}

/// <summary>Collects the atoms a condition evaluation judged, under the clause that asked (<c>where</c>, <c>unless</c>).</summary>
internal sealed class NoteTaker(string clause)
{
    /// <summary>Where the notes go; a fresh list unless the recorder gives one.</summary>
    public List<ConditionNote> Sink { get; set; } = [];

    public void Add(Condition atom, bool holds, string detail) => Sink.Add(new ConditionNote(clause, Condition.Print(atom), holds, detail));
}
