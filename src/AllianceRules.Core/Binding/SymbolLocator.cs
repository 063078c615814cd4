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
    Treaty,
}

/// <summary>
/// A name at a place in a rule file (or a history): its kind, the name, the treaty it belongs to
/// (null for verbs, parties and treaties, which belong to the rule set) and where it is written.
/// </summary>
public sealed record SymbolReference(SymbolKind Kind, string Name, string? Treaty, TextSpan Span)
{
    /// <summary>Whether this occurrence declares the name: a verb in a vocabulary, a party in a members block, a treaty, rule, reading or assumption where it is written.</summary>
    public bool IsDeclaration { get; init; }

    /// <summary>Whether <paramref name="other"/> names the same thing, wherever it is written.</summary>
    public bool Names(SymbolReference other) => Kind == other.Kind && Name == other.Name && Treaty == other.Treaty;
}

/// <summary>
/// The names of a parsed rule file, in one walk of its syntax with its spans: a verb (declared or
/// used), a party code (a member, an actor, a target, a subject), a treaty code (declared, or in
/// <c>is member of</c>), a rule id, a reading or an assumption (declared, tested or used as a
/// window). The walk serves hover (the name under an offset), go to definition (the declarations)
/// and find references (every occurrence). Parses nothing.
/// </summary>
public static class SymbolLocator
{
    /// <summary>The name under <paramref name="offset"/>; only the treaty and item holding it are walked.</summary>
    public static SymbolReference? Find(RuleFileSyntax file, int offset) =>
        Walk(file, span => Covers(span, offset)).FirstOrDefault(s => Covers(s.Span, offset));

    /// <summary>Every name written in the file, in the order written within each block.</summary>
    public static IReadOnlyList<SymbolReference> All(RuleFileSyntax file) => Walk(file, _ => true);

    /// <summary>Every place the file names what <paramref name="symbol"/> names, its declarations included.</summary>
    public static IEnumerable<SymbolReference> Occurrences(RuleFileSyntax file, SymbolReference symbol) => All(file).Where(symbol.Names);

    /// <param name="wanted">Which treaties and treaty items to enter, by their spans.</param>
    private static List<SymbolReference> Walk(RuleFileSyntax file, Func<TextSpan, bool> wanted)
    {
        var found = new List<SymbolReference>();
        foreach (var verb in file.Vocabularies.SelectMany(v => v.Verbs)) Declare(found, SymbolKind.Verb, verb.Name, null);
        foreach (var treaty in file.Treaties.Where(t => wanted(t.Span)))
        {
            var code = treaty.Code.Text;
            Declare(found, SymbolKind.Treaty, treaty.Code, null);
            foreach (var item in treaty.Items.Where(i => wanted(i.Span))) Item(found, code, item);
        }
        return found;
    }

    private static void Item(List<SymbolReference> found, string treaty, TreatyItemSyntax item)
    {
        switch (item)
        {
            case MembersSyntax members:
                foreach (var member in members.Members)
                {
                    Declare(found, SymbolKind.Party, member.Party, null);
                    foreach (var gate in member.Intervals.Select(i => i.Gate).OfType<ReadingTestSyntax>()) Add(found, SymbolKind.Reading, gate.Reading, treaty);
                }
                break;
            case AssumeSyntax assume:
                Declare(found, SymbolKind.Assumption, assume.Name, treaty);
                if (assume.Gate is { } assumeGate) Add(found, SymbolKind.Reading, assumeGate.Reading, treaty);
                break;
            case ReadingSyntax reading:
                Declare(found, SymbolKind.Reading, reading.Name, treaty);
                break;
            case RuleSyntax rule:
                Declare(found, SymbolKind.Rule, rule.Id, treaty);
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
                if (m.Treaty is { } of) Add(found, SymbolKind.Treaty, of, null);
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

    private static void Declare(List<SymbolReference> found, SymbolKind kind, Identifier name, string? treaty) =>
        found.Add(new SymbolReference(kind, name.Text, treaty, name.Span) { IsDeclaration = true });

    /// <summary>Whether a span holds the offset; its end counts too, so the cursor just after a name still finds it.</summary>
    private static bool Covers(TextSpan span, int offset) => offset >= span.Start && offset <= span.End;
}

/// <summary>Where the names a <see cref="SymbolReference"/> can stand for are declared, for an editor's go to definition.</summary>
public static class SymbolDeclarations
{
    /// <summary>
    /// The declarations of <paramref name="symbol"/> in <paramref name="file"/>: a verb in a
    /// vocabulary; a party in the members blocks of every treaty; a treaty where it is written; a
    /// rule id (each version of it), reading or assumption in its treaty.
    /// </summary>
    public static IEnumerable<TextSpan> Find(RuleFileSyntax file, SymbolReference symbol) =>
        SymbolLocator.Occurrences(file, symbol).Where(s => s.IsDeclaration).Select(s => s.Span);
}

/// <summary>Whether a text may name a symbol of a kind, by the language's lexical rules (language.md §2), for an editor's rename.</summary>
public static class SymbolNames
{
    /// <summary>Parties and treaties take a CODE (<c>RUS</c>); verbs, rules, readings and assumptions a NAME (<c>art4-request</c>).</summary>
    public static bool IsValid(SymbolKind kind, string text) =>
        kind is SymbolKind.Party or SymbolKind.Treaty ? Parsing.Lexical.IsCode(text) : Parsing.Lexical.IsName(text);
}
