using AllianceRules.Syntax;

namespace AllianceRules.Binding;

/// <summary>
/// Which variables a rule binds (language.md 5.1 rule 9): those of the <c>when</c> or
/// <c>forbid</c> pattern (a calendar duty has none), and those of a <c>there was</c> that is a conjunct at the top level of
/// <c>where</c>. The subject variable of <c>each member</c> is in scope after <c>where</c>.
/// </summary>
public sealed class RuleScope
{
    private RuleScope(IReadOnlySet<string> bound, VariableTermSyntax? subject, IReadOnlyList<string> order)
    {
        Bound = bound;
        Subject = subject;
        Order = order;
    }

    /// <summary>Variables bound by the trigger and by top-level <c>there was</c>.</summary>
    public IReadOnlySet<string> Bound { get; }

    /// <summary>The new variable of <c>each member $x</c>, if any.</summary>
    public VariableTermSyntax? Subject { get; }

    /// <summary>Every variable of the rule, in order of first appearance.</summary>
    public IReadOnlyList<string> Order { get; }

    /// <summary>The names visible in the obligation, <c>unless</c> and <c>until</c>.</summary>
    public IReadOnlySet<string> BoundWithSubject =>
        Subject is null ? Bound : new HashSet<string>(Bound.Append(Subject.Name), StringComparer.Ordinal);

    public static RuleScope For(RuleSyntax rule)
    {
        var bound = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<string>();
        void Note(IEnumerable<VariableTermSyntax> variables)
        {
            foreach (var v in variables)
            {
                if (!order.Contains(v.Name)) order.Add(v.Name);
            }
        }

        var clause = RuleClauses.First(rule);
        var (pattern, where) = RuleClauses.Trigger(clause);
        VariableTermSyntax? subject = null;
        if (pattern is not null)
        {
            var own = Variables(pattern).ToList();
            bound.UnionWith(own.Select(v => v.Name));
            Note(own);
        }
        if (where is not null)
        {
            foreach (var binder in TopLevelConjuncts(where).OfType<ThereWasConditionSyntax>())
            {
                var own = Variables(binder.Pattern).ToList();
                bound.UnionWith(own.Select(v => v.Name));
                Note(own);
            }
            Note(Variables(where));
        }
        if (RuleClauses.Obligation(clause) is { } obligation)
        {
            if (obligation.Subject is EachMemberSubjectSyntax each)
            {
                subject = each.Variable;
                Note([each.Variable]);
            }
            Note(Variables(obligation));
            if (obligation.Window is BeforeWindowSyntax before) Note(Variables(before.Pattern));
        }
        foreach (var item in rule.Items)
        {
            if (item is UnlessSyntax u) Note(Variables(u.Condition));
            if (item is UntilSyntax t) Note(Variables(t.Pattern));
        }
        return new RuleScope(bound, subject, order);
    }

    /// <summary>The conjuncts at the top level of a condition: <c>a and (b and c)</c> gives a, b, c.</summary>
    public static IEnumerable<ConditionSyntax> TopLevelConjuncts(ConditionSyntax condition) =>
        condition is AndConditionSyntax and
            ? TopLevelConjuncts(and.Left).Concat(TopLevelConjuncts(and.Right))
            : [condition];

    public static IEnumerable<VariableTermSyntax> Variables(PatternSyntax pattern) =>
        new[] { pattern.Actor, pattern.Target }.OfType<VariableTermSyntax>();

    public static IEnumerable<VariableTermSyntax> Variables(ObligationSyntax obligation)
    {
        if (obligation.Subject is PartySubjectSyntax { Party: VariableTermSyntax p }) yield return p;
        if (obligation.Subject is EachMemberSubjectSyntax each)
        {
            foreach (var e in each.Except.OfType<VariableTermSyntax>()) yield return e;
        }
        if (obligation.Target is VariableTermSyntax t) yield return t;
    }

    public static IEnumerable<VariableTermSyntax> Variables(ConditionSyntax condition) => condition switch
    {
        OrConditionSyntax o => Variables(o.Left).Concat(Variables(o.Right)),
        AndConditionSyntax a => Variables(a.Left).Concat(Variables(a.Right)),
        NotConditionSyntax n => Variables(n.Operand),
        MembershipConditionSyntax m => new[] { m.Term }.OfType<VariableTermSyntax>(),
        EqualityConditionSyntax e => new[] { e.Left, e.Right }.OfType<VariableTermSyntax>(),
        InConditionSyntax i => i.Items.Prepend(i.Term).OfType<VariableTermSyntax>(),
        ThereWasConditionSyntax t => Variables(t.Pattern),
        _ => [],
    };

    /// <summary>The terms an atom compares or tests (not those of a <c>there was</c> pattern).</summary>
    public static IEnumerable<TermSyntax> Terms(ConditionSyntax atom) => atom switch
    {
        MembershipConditionSyntax m => [m.Term],
        EqualityConditionSyntax e => [e.Left, e.Right],
        InConditionSyntax i => i.Items.Prepend(i.Term),
        _ => [],
    };

    /// <summary>Every pattern inside a condition (those of <c>there was</c>).</summary>
    public static IEnumerable<ThereWasConditionSyntax> ThereWas(ConditionSyntax condition) => condition switch
    {
        OrConditionSyntax o => ThereWas(o.Left).Concat(ThereWas(o.Right)),
        AndConditionSyntax a => ThereWas(a.Left).Concat(ThereWas(a.Right)),
        NotConditionSyntax n => ThereWas(n.Operand),
        ThereWasConditionSyntax t => [t],
        _ => [],
    };

    /// <summary>Every atom of a condition other than <c>and</c>, <c>or</c> and <c>not</c>.</summary>
    public static IEnumerable<ConditionSyntax> Atoms(ConditionSyntax condition) => condition switch
    {
        OrConditionSyntax o => Atoms(o.Left).Concat(Atoms(o.Right)),
        AndConditionSyntax a => Atoms(a.Left).Concat(Atoms(a.Right)),
        NotConditionSyntax n => Atoms(n.Operand),
        _ => [condition],
    };
}
