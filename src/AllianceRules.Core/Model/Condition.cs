using System.Collections.Immutable;

namespace AllianceRules.Model;

public abstract record Condition
{
    /// <summary>The conjuncts at the top level: <c>a and (b and c)</c> gives a, b, c (rule 5.1.9: only these bind).</summary>
    public static IEnumerable<Condition> TopLevelConjuncts(Condition condition) =>
        condition is AndCondition and ? TopLevelConjuncts(and.Left).Concat(TopLevelConjuncts(and.Right)) : [condition];

    /// <summary>The condition as a rule file writes it, with the parentheses its nesting needs.</summary>
    public static string Print(Condition condition) => condition switch
    {
        OrCondition o => $"{Print(o.Left)} or {Print(o.Right)}",
        AndCondition a => $"{Operand(a.Left)} and {Operand(a.Right)}",
        NotCondition n => $"not {(n.Operand is OrCondition or AndCondition or EqualityCondition or InCondition ? $"({Print(n.Operand)})" : Print(n.Operand))}",
        MembershipCondition m => $"{m.Term} is {(m.Negated ? "not " : string.Empty)}{(m.Frozen ? "frozen" : "member")}{(m.Treaty is null ? string.Empty : " of " + m.Treaty)}",
        EqualityCondition e => $"{e.Left} {(e.NotEqual ? "!=" : "=")} {e.Right}",
        InCondition i => $"{i.Term} {(i.Negated ? "not " : string.Empty)}in [{string.Join(", ", i.Items)}]",
        ReadingCondition r => r.Test.ToString(),
        ThereWasCondition t => $"there was {t.Pattern} within {Window.Print(t.Window)}{(t.Strictly ? " strictly" : string.Empty)} before",
        _ => condition.GetType().Name,
    };

    private static string Operand(Condition c) => c is OrCondition ? $"({Print(c)})" : Print(c);

    /// <summary>Every <c>there was</c> inside a condition, wherever it stands.</summary>
    public static IEnumerable<ThereWasCondition> ThereWasIn(Condition condition) => condition switch
    {
        OrCondition o => ThereWasIn(o.Left).Concat(ThereWasIn(o.Right)),
        AndCondition a => ThereWasIn(a.Left).Concat(ThereWasIn(a.Right)),
        NotCondition n => ThereWasIn(n.Operand),
        ThereWasCondition t => [t],
        _ => [],
    };
}

public sealed record OrCondition(Condition Left, Condition Right) : Condition;

public sealed record AndCondition(Condition Left, Condition Right) : Condition;

public sealed record NotCondition(Condition Operand) : Condition;

/// <summary>
/// <c>term is [not] member [of TREATY]</c>, or with <see cref="Frozen"/> <c>is [not] frozen</c>;
/// <see cref="Treaty"/> null means the rule's own treaty.
/// </summary>
public sealed record MembershipCondition(Term Term, bool Negated, string? Treaty, bool Frozen = false) : Condition;

public sealed record EqualityCondition(Term Left, Term Right, bool NotEqual) : Condition;

public sealed record InCondition(Term Term, bool Negated, ImmutableArray<Term> Items) : Condition;

/// <summary><c>reading NAME is [not] OPTION</c>, of the rule's own treaty: the same for every event of one evaluation.</summary>
public sealed record ReadingCondition(ReadingTest Test) : Condition;

/// <summary>
/// <c>there was PATTERN within D before</c>: another event matching the pattern in <c>[t − D, t]</c>;
/// with <see cref="Strictly"/> (<c>strictly before</c>), in <c>[t − D, t − 1]</c>.
/// </summary>
public sealed record ThereWasCondition(Pattern Pattern, Window Window, bool Strictly = false) : Condition;
