using AllianceRules.Binding;
using AllianceRules.Diagnostics;
using AllianceRules.History.Datasets;
using AllianceRules.Syntax;
using FluentValidation;

namespace AllianceRules.Validation.Lint;

/// <summary>
/// Lint of the names a rule file writes that nothing else checks (issue #18): party codes that look
/// misspelt (AR6012), an <c>except</c> that names no member (AR6013), attribute keys no event
/// carries (AR6014), and rules no event set off (AR6015, information).
/// </summary>
internal static class LintNames
{
    /// <summary>
    /// Organisations that act for or beside states, known though no ISO code names them (none is
    /// an ISO 3166 alpha-3 code, so none hides a state).
    /// </summary>
    internal static readonly string[] Organisations =
        ["CIS", "SCO", "OAS", "OAU", "EU", "UN", "AU", "OSCE", "NATO", "CSTO", "GUAM", "ASEAN", "ECOWAS", "SEATO", "CENTO", "ANZUS", "WEU", "OIC", "GCC", "LAS"];

    /// <summary>
    /// The codes the importers write for historic states without an ISO code (docs/importers.md,
    /// "Party codes"): the COW abbreviation, or it and the ccode where the abbreviation is another
    /// state's ISO code (Czechoslovakia CZE315, old Korea KOR730).
    /// </summary>
    internal static readonly string[] ImportedStates =
        ["HAN", "BAV", "GFR", "GDR", "BAD", "SAX", "WRT", "HSE", "HSG", "MEC", "AUH", "CZE315", "SIC", "MOD", "PMA", "TUS", "YUG", "KOS", "ZAN", "YAR", "YPR", "KOR730", "RVN"];

    /// <summary>
    /// A party code one edit from a candidate, and itself not known, is taken for a slip. Known:
    /// the candidates, the treaties, the organisations acting for members ('through'), the
    /// organisations above and the codes the importers write for historic states; in rules, also
    /// every code some 'members' block declares. A member is never suggested for another member of
    /// its own treaty, and only a code of three capitals is compared with the ISO codes.
    /// </summary>
    public static void UnknownParties(LintSubject s, ValidationContext<LintSubject> context)
    {
        var heard = (s.History?.Parties ?? (IEnumerable<string>)[]).ToHashSet(StringComparer.Ordinal);
        // Suggested: the parties the histories name and the states (current and historic ISO codes).
        var candidates = heard.Where(p => !CountryCodes.All.Contains(p)).Order(StringComparer.Ordinal).Concat(CountryCodes.All).ToList();
        var index = new OneDeletionIndex(candidates);
        var known = candidates.Concat(s.Bound.Treaties.Select(t => t.Code))
            .Concat(s.Bound.Treaties.SelectMany(t => t.Rules).SelectMany(r => r.Syntax.Items).Select(RuleClauses.Obligation).OfType<ObligationSyntax>().SelectMany(o => o.Through).Select(i => i.Text))
            .Concat(Organisations).Concat(ImportedStates)
            .ToHashSet(StringComparer.Ordinal);
        var members = s.Bound.Treaties.ToDictionary(t => t, t => t.Items<MembersSyntax>().SelectMany(m => m.Members).Select(m => m.Party.Text).ToHashSet(StringComparer.Ordinal));
        var knownInRules = known.Concat(members.Values.SelectMany(m => m)).ToHashSet(StringComparer.Ordinal);
        bool Suggestible(string code, string candidate) => heard.Contains(candidate) || IsIsoShaped(code);
        foreach (var treaty in s.Bound.Treaties)
        {
            foreach (var member in treaty.Items<MembersSyntax>().SelectMany(m => m.Members))
            {
                var code = member.Party.Text;
                if (Nearest(code, known, index, c => !members[treaty].Contains(c) && Suggestible(code, c)) is { } nearest) context.Report(DiagnosticCatalog.UnknownParty(treaty.At(member.Party), code, nearest));
            }
            foreach (var rule in treaty.Rules)
            {
                foreach (var term in RuleSyntaxWalk.Terms(rule.Syntax).OfType<CodeTermSyntax>())
                {
                    if (Nearest(term.Code, knownInRules, index, c => Suggestible(term.Code, c)) is { } nearest) context.Report(DiagnosticCatalog.UnknownParty(rule.At(term), term.Code, nearest));
                }
            }
        }
    }

    private static bool IsIsoShaped(string code) => code.Length == 3 && code.All(char.IsAsciiLetterUpper);

    /// <summary>
    /// A candidate one edit away, or null when the code is known. 'UAS' is one edit from both 'USA'
    /// and 'AUS': a slip rarely hits the first letter, so a candidate that keeps it comes first,
    /// then the order of the candidates. The candidates come from a one-deletion index, so a
    /// lookup costs the length of the code, not the number of candidates.
    /// </summary>
    private static string? Nearest(string code, HashSet<string> known, OneDeletionIndex candidates, Func<string, bool> suggestible) =>
        known.Contains(code) ? null : candidates.Near(code)
            .Where(c => suggestible(c.Text) && SpellingSuggester.Distance(code, c.Text) == 1)
            .OrderBy(c => c.Text[0] == code[0] ? 0 : 1)
            .ThenBy(c => c.Order)
            .Select(c => c.Text)
            .FirstOrDefault();

    public static void ExceptsNeverMembers(LintSubject s, ValidationContext<LintSubject> context)
    {
        foreach (var treaty in s.Bound.Treaties)
        {
            if (s.Rules.FindTreaty(treaty.Code) is not { } model) continue;
            // Any interval, under any reading: lint reads the file, not one choice of readings.
            var members = model.DeclaredMembers.Select(m => m.Party).ToHashSet(StringComparer.Ordinal);
            foreach (var rule in treaty.Rules)
            {
                var excepted = rule.Syntax.Items.Select(RuleClauses.Obligation).Select(o => o?.Subject).OfType<EachMemberSubjectSyntax>().SelectMany(e => e.Except);
                foreach (var code in excepted.OfType<CodeTermSyntax>().Where(c => !members.Contains(c.Code)))
                {
                    context.Report(DiagnosticCatalog.ExceptNeverMember(rule.At(code), code.Code, treaty.Code));
                }
            }
        }
    }

    /// <summary>
    /// A key no event of the pattern's verb carries, when some event has the verb: the keys are
    /// taken per verb, since a key one verb's events carry says nothing of another's. A verb no
    /// event has is AR6007's to report.
    /// </summary>
    public static void UnknownAttributeKeys(LintSubject s, ValidationContext<LintSubject> context)
    {
        if (s.History is not { } history) return;
        foreach (var rule in s.Bound.Treaties.SelectMany(t => t.Rules))
        {
            foreach (var (verb, tests, place) in RuleSyntaxWalk.AttributeTestsByPlace(rule.Syntax))
            {
                if (!history.AttributeKeysByVerb.TryGetValue(verb, out var carried)) continue;
                foreach (var test in tests.Where(t => !carried.Contains(t.Name.Text)))
                {
                    var nearest = carried.Order(StringComparer.Ordinal).FirstOrDefault(k => SpellingSuggester.Distance(test.Name.Text, k) == 1);
                    context.Report(DiagnosticCatalog.UnknownAttributeKey(rule.At(test.Name), test.Name.Text, verb, place, nearest));
                }
            }
        }
    }

    public static void RulesNeverTriggered(LintSubject s, ValidationContext<LintSubject> context)
    {
        if (s.History is not { } history) return;
        foreach (var rule in s.Bound.Treaties.SelectMany(t => t.Rules))
        {
            if (history.Triggers.Of(rule.At(rule.Syntax)) is not { Triggered: false } watched) continue;
            var nearest = watched.Nearest is { } e ? $"{e.Origin.File}:{e.Origin.Line} '{e.Actor} {e.Verb} {e.Target}'" : null;
            context.Report(DiagnosticCatalog.RuleNeverTriggered(rule.At(rule.Syntax.Id), rule.Id, nearest, watched.Wanted));
        }
    }
}

/// <summary>
/// Words indexed by themselves and by each of their one-character deletions (as SymSpell does):
/// two words one edit apart (an insertion, a deletion, a substitution or a swap of neighbours)
/// share the one or a deletion of it, so the words near a word are found by its own few keys.
/// </summary>
internal sealed class OneDeletionIndex
{
    private readonly Dictionary<string, List<int>> _byKey = new(StringComparer.Ordinal);
    private readonly List<string> _words;

    public OneDeletionIndex(List<string> words)
    {
        _words = words;
        for (var k = 0; k < words.Count; k++)
        {
            foreach (var key in Keys(words[k]))
            {
                if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
                if (list.Count == 0 || list[^1] != k) list.Add(k);
            }
        }
    }

    /// <summary>The words that share a key with <paramref name="word"/>, with their place in the list; each once, and to be verified.</summary>
    public IEnumerable<(string Text, int Order)> Near(string word)
    {
        var seen = new HashSet<int>();
        foreach (var key in Keys(word))
        {
            if (!_byKey.TryGetValue(key, out var list)) continue;
            foreach (var k in list.Where(seen.Add)) yield return (_words[k], k);
        }
    }

    private static IEnumerable<string> Keys(string word)
    {
        yield return word;
        for (var i = 0; i < word.Length; i++) yield return word.Remove(i, 1);
    }
}

/// <summary>The parts of a rule as written that name parties and attributes, wherever they stand.</summary>
internal static class RuleSyntaxWalk
{
    /// <summary>Every pattern: the trigger, each 'there was', each 'until' and each 'before' window.</summary>
    public static IEnumerable<PatternSyntax> Patterns(RuleSyntax rule)
    {
        foreach (var item in rule.Items)
        {
            if (RuleClauses.Trigger(RuleClauses.IsClause(item) ? item : null).Pattern is { } trigger) yield return trigger;
            if (RuleClauses.Condition(item) is { } condition) foreach (var t in RuleScope.ThereWas(condition)) yield return t.Pattern;
            if (RuleClauses.Obligation(item)?.Window is BeforeWindowSyntax before) yield return before.Pattern;
            if (item is UntilSyntax until) yield return until.Pattern;
        }
    }

    /// <summary>Every term: of the patterns, of the conditions' atoms, and of the obligation.</summary>
    public static IEnumerable<TermSyntax> Terms(RuleSyntax rule)
    {
        foreach (var pattern in Patterns(rule))
        {
            yield return pattern.Actor;
            yield return pattern.Target;
        }
        foreach (var atom in RuleClauses.Conditions(rule).SelectMany(RuleScope.Atoms))
        {
            foreach (var term in RuleScope.Terms(atom)) yield return term;
        }
        foreach (var obligation in rule.Items.Select(RuleClauses.Obligation).OfType<ObligationSyntax>())
        {
            if (obligation.Subject is PartySubjectSyntax party) yield return party.Party;
            if (obligation.Subject is EachMemberSubjectSyntax each) foreach (var e in each.Except) yield return e;
            yield return obligation.Target;
        }
    }

    /// <summary>
    /// The attribute tests of each pattern and of the action an obligation requires, with the verb
    /// they go with and what a test that never matches does there.
    /// </summary>
    public static IEnumerable<(string Verb, IEnumerable<AttributeTestSyntax> Tests, string Place)> AttributeTestsByPlace(RuleSyntax rule)
    {
        foreach (var item in rule.Items)
        {
            if (RuleClauses.Trigger(RuleClauses.IsClause(item) ? item : null).Pattern is { } trigger) yield return (trigger.Verb.Text, trigger.Attributes, "the trigger would never fire");
            if (RuleClauses.Condition(item) is { } condition)
            {
                var what = item is UnlessSyntax ? "this 'unless' would never hold" : "this 'there was' would never hold";
                foreach (var t in RuleScope.ThereWas(condition)) yield return (t.Pattern.Verb.Text, t.Pattern.Attributes, what);
            }
            if (RuleClauses.Obligation(item) is { } obligation)
            {
                yield return (obligation.Verb.Text, obligation.Attributes, obligation.Negated
                    ? "the action would never be done, so the rule is never broken"
                    : "the action would never be done, so every instance is violated");
                if (obligation.Window is BeforeWindowSyntax before) yield return (before.Pattern.Verb.Text, before.Pattern.Attributes, "this 'before' window would never close");
            }
            if (item is UntilSyntax until) yield return (until.Pattern.Verb.Text, until.Pattern.Attributes, "this 'until' would never end the duty");
        }
    }
}
