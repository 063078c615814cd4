using AllianceRules.Model;

namespace AllianceRules.Evaluation;

/// <summary>Matches patterns against events, extending bindings; a variable already bound must match its value.</summary>
internal static class PatternMatcher
{
    public static Bindings? Match(Pattern pattern, Event e, Bindings bindings)
    {
        if (pattern.Verb != e.Verb) return null;
        if (!Unify(pattern.Actor, e.Actor, ref bindings)) return null;
        if (!Unify(pattern.Target, e.Target, ref bindings)) return null;
        return AttributesMatch(pattern.Attributes, e) ? bindings : null;
    }

    /// <summary>Every attribute the pattern names is on the event with the same text (rule 5.1.8); others may be present.</summary>
    public static bool AttributesMatch(IReadOnlyList<KeyValuePair<string, string>> required, Event e)
    {
        foreach (var (key, value) in required)
        {
            if (!e.Attributes.TryGetValue(key, out var actual) || actual != value) return false;
        }
        return true;
    }

    public static bool Unify(Term term, string value, ref Bindings bindings)
    {
        switch (term)
        {
            case CodeTerm c:
                return c.Code == value;
            case VariableTerm v:
                var bound = bindings[v.Name];
                if (bound is not null) return bound == value;
                bindings = bindings.With(v.Name, value);
                return true;
            default:
                return true;
        }
    }

    /// <summary>The value of a term under bindings; null for <c>_</c> or an unbound variable.</summary>
    public static string? Value(Term term, Bindings bindings) => term switch
    {
        CodeTerm c => c.Code,
        VariableTerm v => bindings[v.Name],
        _ => null,
    };
}
