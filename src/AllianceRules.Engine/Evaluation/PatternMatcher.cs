using System.Collections.Immutable;
using AllianceRules.Model;

namespace AllianceRules.Evaluation;

/// <summary>Matches patterns against events, extending bindings; a variable already bound must match its value.</summary>
internal static class PatternMatcher
{
    public static Bindings? Match(Pattern pattern, Event e, Bindings bindings)
    {
        // Reject before binding: most candidates fail, and binding allocates.
        if (pattern.Verb != e.Verb || !Admits(pattern.Actor, e.Actor, bindings) || !Admits(pattern.Target, e.Target, bindings)) return null;
        if (!AttributesMatch(pattern.Attributes, e)) return null;
        if (!Unify(pattern.Actor, e.Actor, ref bindings)) return null;
        return Unify(pattern.Target, e.Target, ref bindings) ? bindings : null;
    }

    /// <summary>Whether a term can take a value under bindings, without binding anything.</summary>
    private static bool Admits(Term term, string value, Bindings bindings) => term switch
    {
        CodeTerm c => c.Code == value,
        VariableTerm v => bindings[v.Name] is not { } bound || bound == value,
        _ => true,
    };

    /// <summary>Every attribute the pattern tests is on the event and passes (rule 5.1.8); others may be present.</summary>
    public static bool AttributesMatch(ImmutableArray<AttributeTest> tests, Event e)
    {
        // Runs for every candidate event: a plain loop that allocates nothing, and the exact value
        // (by far the most common test) compared here rather than through a call.
        foreach (var test in tests)
        {
            if (!e.Attributes.TryGetValue(test.Key, out var actual)) return false;
            if (test.Kind == AttributeTestKind.Exact ? actual != test.Value : !test.Matches(actual)) return false;
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
