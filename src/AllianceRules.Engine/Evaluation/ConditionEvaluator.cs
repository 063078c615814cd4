using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// Judges conditions on a trigger's date (rule 5.1.9: membership of any variable on that date).
/// A calendar duty has no trigger event (<c>null</c>), so it has no attributes to read.
/// </summary>
internal sealed class ConditionEvaluator(RuleSet rules, LookbackBuffer buffer, WindowResolver windows)
{
    public bool Holds(Condition condition, Bindings bindings, CompiledRule rule, LocalDate date, Event? trigger) => condition switch
    {
        OrCondition o => Holds(o.Left, bindings, rule, date, trigger) || Holds(o.Right, bindings, rule, date, trigger),
        AndCondition a => Holds(a.Left, bindings, rule, date, trigger) && Holds(a.Right, bindings, rule, date, trigger),
        NotCondition n => !Holds(n.Operand, bindings, rule, date, trigger),
        // An atom that mentions an attribute the trigger does not carry is false, whatever its operator.
        MembershipCondition m => Present(trigger, m.Term) && IsMember(m, bindings, rule, date, trigger) != m.Negated,
        EqualityCondition e => Present(trigger, e.Left, e.Right)
            && (Value(e.Left, bindings, trigger) is { } l && l == Value(e.Right, bindings, trigger)) != e.NotEqual,
        InCondition i => Present(trigger, [i.Term, .. i.Items])
            && (Value(i.Term, bindings, trigger) is { } v && i.Items.Any(item => Value(item, bindings, trigger) == v)) != i.Negated,
        ThereWasCondition t => Matches(t, bindings, rule, date, trigger).Any(),
        _ => throw new InvalidOperationException($"Unknown condition {condition.GetType().Name}."),
    };

    /// <summary>Other events matching a <c>there was</c> in <c>[t − D, t]</c>, with the bindings each gives.</summary>
    public IEnumerable<(Event Event, Bindings Bindings)> Matches(ThereWasCondition thereWas, Bindings bindings, CompiledRule rule, LocalDate date, Event? trigger)
    {
        var from = DateMath.Minus(date, windows.Resolve(thereWas.Window, rule.Treaty));
        var target = PatternMatcher.Value(thereWas.Pattern.Target, bindings);
        var to = thereWas.Strictly ? date.PlusDays(-1) : date;
        foreach (var e in buffer.Between(thereWas.Pattern.Verb, target, from, to))
        {
            if (ReferenceEquals(e, trigger)) continue;
            if (PatternMatcher.Match(thereWas.Pattern, e, bindings) is { } extended) yield return (e, extended);
        }
    }

    private bool IsMember(MembershipCondition m, Bindings bindings, CompiledRule rule, LocalDate date, Event? trigger)
    {
        if (Value(m.Term, bindings, trigger) is not { } party) return false;
        var treaty = m.Treaty is null ? rule.Treaty : rules.FindTreaty(m.Treaty);
        return treaty is not null && (m.Frozen ? treaty.IsFrozen(party, date) : treaty.IsMember(party, date));
    }

    private static string? Value(Term term, Bindings bindings, Event? trigger) =>
        term is AttributeTerm a ? trigger?.Attributes.GetValueOrDefault(a.Name) : PatternMatcher.Value(term, bindings);

    private static bool Present(Event? trigger, params Term[] terms)
    {
        foreach (var term in terms)
        {
            if (term is AttributeTerm a && trigger?.Attributes.ContainsKey(a.Name) != true) return false;
        }
        return true;
    }
}
