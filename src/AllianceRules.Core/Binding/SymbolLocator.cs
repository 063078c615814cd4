using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.Binding;

/// <summary>What a name in a rule file stands for.</summary>
public enum SymbolKind
{
    Verb,
    Party,
    Rule,
    Reading,
    Assumption,
}

/// <summary>
/// A name at a place in a rule file: its kind, the name, the treaty it belongs to (null for verbs
/// and parties, which belong to the rule set) and where it is written.
/// </summary>
public sealed record SymbolReference(SymbolKind Kind, string Name, string? Treaty, TextSpan Span);

/// <summary>
/// Finds the name under an offset of a parsed rule file, for an editor's hover: a verb (declared or
/// used), a party code (a member, an actor, a target, a subject), a rule id, a reading or an
/// assumption (declared, tested or used as a window). Reads the syntax with its spans; parses nothing.
/// </summary>
public static class SymbolLocator
{
    public static SymbolReference? Find(RuleFileSyntax file, int offset)
    {
        var found = new List<SymbolReference>();
        foreach (var verb in file.Vocabularies.SelectMany(v => v.Verbs)) Add(found, SymbolKind.Verb, verb.Name, null);
        foreach (var treaty in file.Treaties.Where(t => Covers(t.Span, offset)))
        {
            var code = treaty.Code.Text;
            foreach (var item in treaty.Items.Where(i => Covers(i.Span, offset))) Item(found, code, item);
        }
        return found.FirstOrDefault(s => Covers(s.Span, offset));
    }

    private static void Item(List<SymbolReference> found, string treaty, TreatyItemSyntax item)
    {
        switch (item)
        {
            case MembersSyntax members:
                foreach (var member in members.Members)
                {
                    Add(found, SymbolKind.Party, member.Party, null);
                    foreach (var gate in member.Intervals.Select(i => i.Gate).OfType<ReadingTestSyntax>()) Add(found, SymbolKind.Reading, gate.Reading, treaty);
                }
                break;
            case AssumeSyntax assume:
                Add(found, SymbolKind.Assumption, assume.Name, treaty);
                if (assume.Gate is { } assumeGate) Add(found, SymbolKind.Reading, assumeGate.Reading, treaty);
                break;
            case ReadingSyntax reading:
                Add(found, SymbolKind.Reading, reading.Name, treaty);
                break;
            case RuleSyntax rule:
                Add(found, SymbolKind.Rule, rule.Id, treaty);
                foreach (var ruleItem in rule.Items) RuleItem(found, treaty, ruleItem);
                break;
        }
    }

    private static void RuleItem(List<SymbolReference> found, string treaty, RuleItemSyntax item)
    {
        switch (item)
        {
            case WhenThenSyntax w:
                Pattern(found, treaty, w.When);
                Condition(found, treaty, w.Where);
                Obligation(found, treaty, w.Then);
                break;
            case EveryThenSyntax e:
                Window(found, treaty, e.Period);
                Obligation(found, treaty, e.Then);
                break;
            case ForbidSyntax f:
                Pattern(found, treaty, f.Pattern);
                Condition(found, treaty, f.Where);
                break;
            case UnlessSyntax u:
                Condition(found, treaty, u.Condition);
                break;
            case UntilSyntax u:
                Pattern(found, treaty, u.Pattern);
                break;
            case RuleGateSyntax g:
                Add(found, SymbolKind.Reading, g.Test.Reading, treaty);
                break;
            case EffectiveSyntax { Interval.Gate: { } gate }:
                Add(found, SymbolKind.Reading, gate.Reading, treaty);
                break;
        }
    }

    private static void Obligation(List<SymbolReference> found, string treaty, ObligationSyntax obligation)
    {
        switch (obligation.Subject)
        {
            case PartySubjectSyntax p:
                Term(found, p.Party);
                break;
            case EachMemberSubjectSyntax e:
                foreach (var except in e.Except) Term(found, except);
                break;
        }
        Add(found, SymbolKind.Verb, obligation.Verb, null);
        Term(found, obligation.Target);
        Window(found, treaty, obligation.Window);
        foreach (var through in obligation.Through) Add(found, SymbolKind.Party, through, null);
    }

    private static void Pattern(List<SymbolReference> found, string treaty, PatternSyntax? pattern)
    {
        if (pattern is null) return;
        Term(found, pattern.Actor);
        Add(found, SymbolKind.Verb, pattern.Verb, null);
        Term(found, pattern.Target);
    }

    private static void Condition(List<SymbolReference> found, string treaty, ConditionSyntax? condition)
    {
        switch (condition)
        {
            case OrConditionSyntax or:
                Condition(found, treaty, or.Left);
                Condition(found, treaty, or.Right);
                break;
            case AndConditionSyntax and:
                Condition(found, treaty, and.Left);
                Condition(found, treaty, and.Right);
                break;
            case NotConditionSyntax not:
                Condition(found, treaty, not.Operand);
                break;
            case MembershipConditionSyntax m:
                Term(found, m.Term);
                break;
            case EqualityConditionSyntax e:
                Term(found, e.Left);
                Term(found, e.Right);
                break;
            case InConditionSyntax i:
                Term(found, i.Term);
                foreach (var term in i.Items) Term(found, term);
                break;
            case ReadingConditionSyntax r:
                Add(found, SymbolKind.Reading, r.Test.Reading, treaty);
                break;
            case ThereWasConditionSyntax t:
                Pattern(found, treaty, t.Pattern);
                Window(found, treaty, t.Window);
                break;
        }
    }

    private static void Window(List<SymbolReference> found, string treaty, WindowSyntax? window)
    {
        switch (window)
        {
            case NamedWindowSyntax named:
                Add(found, SymbolKind.Assumption, named.Name, treaty);
                break;
            case BeforeWindowSyntax before:
                Pattern(found, treaty, before.Pattern);
                break;
        }
    }

    private static void Term(List<SymbolReference> found, TermSyntax term)
    {
        if (term is CodeTermSyntax code) found.Add(new SymbolReference(SymbolKind.Party, code.Code, null, code.Span));
    }

    private static void Add(List<SymbolReference> found, SymbolKind kind, Identifier name, string? treaty) =>
        found.Add(new SymbolReference(kind, name.Text, treaty, name.Span));

    /// <summary>Whether a span holds the offset; its end counts too, so the cursor just after a name still finds it.</summary>
    private static bool Covers(TextSpan span, int offset) => offset >= span.Start && offset <= span.End;
}

/// <summary>Where the names a <see cref="SymbolReference"/> can stand for are declared, for an editor's go to definition.</summary>
public static class SymbolDeclarations
{
    /// <summary>
    /// The declarations of <paramref name="symbol"/> in <paramref name="file"/>: a verb in a
    /// vocabulary; a party in the members blocks of every treaty; a rule id (each version of it),
    /// reading or assumption in its treaty.
    /// </summary>
    public static IEnumerable<TextSpan> Find(RuleFileSyntax file, SymbolReference symbol)
    {
        if (symbol.Kind == SymbolKind.Verb)
        {
            return file.Vocabularies.SelectMany(v => v.Verbs).Where(v => v.Name.Text == symbol.Name).Select(v => v.Name.Span);
        }
        var treaties = file.Treaties.Where(t => symbol.Treaty is null || t.Code.Text == symbol.Treaty);
        var items = treaties.SelectMany(t => t.Items);
        return symbol.Kind switch
        {
            SymbolKind.Party => items.OfType<MembersSyntax>().SelectMany(m => m.Members).Where(m => m.Party.Text == symbol.Name).Select(m => m.Party.Span),
            SymbolKind.Rule => items.OfType<RuleSyntax>().Where(r => r.Id.Text == symbol.Name).Select(r => r.Id.Span),
            SymbolKind.Reading => items.OfType<ReadingSyntax>().Where(r => r.Name.Text == symbol.Name).Select(r => r.Name.Span),
            _ => items.OfType<AssumeSyntax>().Where(a => a.Name.Text == symbol.Name).Select(a => a.Name.Span),
        };
    }
}
