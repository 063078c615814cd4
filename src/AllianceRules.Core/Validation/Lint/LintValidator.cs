using AllianceRules.Binding;
using AllianceRules.Diagnostics;
using AllianceRules.Model;
using AllianceRules.Syntax;
using AllianceRules.Text;
using FluentValidation;

namespace AllianceRules.Validation.Lint;

/// <summary>What lint reads: the rules as written and as lowered, and what the histories showed, if any were given.</summary>
public sealed record LintSubject(BoundRuleSet Bound, RuleSet Rules, HistoryFacts? History);

/// <summary>
/// Warnings about rule files that are valid but probably not what their writer meant
/// (docs/diagnostics.md, AR6xxx). Each check reads the syntax, for locations, and the model.
/// </summary>
public sealed class LintValidator : AbstractValidator<LintSubject>
{
    public LintValidator()
    {
        RuleFor(s => s)
            .Custom(UnusedAssumptions)
            .Custom(UnusedReadings)
            .Custom(UnusedVerbs)
            .Custom(MissingCitations)
            .Custom(VersionIntervals)
            .Custom(UnusedVariables)
            .Custom(SubjectsNeverMembers)
            .Custom(UnproducibleVerbs)
            .Custom(MembersBeforeSignature)
            .Custom(EventsOutsideEveryRule)
            .Custom(LintNames.UnknownParties)
            .Custom(LintNames.ExceptsNeverMembers)
            .Custom(LintNames.UnknownAttributeKeys)
            .Custom(LintNames.RulesNeverTriggered);
    }

    private static IEnumerable<WindowSyntax> Windows(BoundRule rule)
    {
        foreach (var item in rule.Syntax.Items)
        {
            if (item is EveryThenSyntax every) yield return every.Period;
            if (RuleClauses.Obligation(item)?.Window is { } window) yield return window;
            if (RuleClauses.Condition(item) is not { } condition) continue;
            foreach (var t in RuleScope.ThereWas(condition)) yield return t.Window;
        }
    }

    private static void UnusedAssumptions(LintSubject s, ValidationContext<LintSubject> context)
    {
        foreach (var treaty in s.Bound.Treaties)
        {
            var used = treaty.Rules.SelectMany(Windows).OfType<NamedWindowSyntax>().Select(n => n.Name.Text).ToHashSet(StringComparer.Ordinal);
            foreach (var assume in treaty.Items<AssumeSyntax>().Where(a => !used.Contains(a.Name.Text)))
            {
                context.Report(DiagnosticCatalog.UnusedAssumption(treaty.At(assume.Name), assume.Name.Text, treaty.Code));
            }
        }
    }

    /// <summary>A reading that no rule tests, and no member interval or assumption depends on, changes no verdict.</summary>
    private static void UnusedReadings(LintSubject s, ValidationContext<LintSubject> context)
    {
        foreach (var treaty in s.Bound.Treaties)
        {
            var tested = treaty.Rules.SelectMany(r => RuleClauses.Conditions(r.Syntax))
                .SelectMany(RuleScope.Atoms).OfType<ReadingConditionSyntax>().Select(r => r.Test)
                .Concat(treaty.ReadingGates())
                .Select(t => t.Reading.Text).ToHashSet(StringComparer.Ordinal);
            foreach (var reading in treaty.Items<ReadingSyntax>().Where(r => !tested.Contains(r.Name.Text)))
            {
                context.Report(DiagnosticCatalog.UnusedReading(treaty.At(reading.Name), reading.Name.Text, treaty.Code));
            }
        }
    }

    /// <summary>Every verb a rule names: in its patterns, its 'there was', and the action it requires.</summary>
    private static HashSet<string> RuleVerbs(LintSubject s) =>
        // Every rule as written: a verb that a rule uses under some reading is used.
        s.Rules.Treaties.SelectMany(t => t.DeclaredRules).SelectMany(r =>
            new[] { r.Trigger?.Verb, r.Obligation?.Verb }
                .Concat(r.Until.Select(u => u.Verb))
                .Concat(r.AllThereWas().Select(t => t.Pattern.Verb)))
            .OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static void UnusedVerbs(LintSubject s, ValidationContext<LintSubject> context)
    {
        var used = RuleVerbs(s);
        if (s.History is { } history) used.UnionWith(history.Verbs);
        foreach (var (vocabulary, file) in s.Bound.Vocabularies)
        {
            foreach (var verb in vocabulary.Verbs.Where(v => !used.Contains(v.Name.Text)))
            {
                context.Report(DiagnosticCatalog.UnusedVerb(file.At(verb.Name.Span), verb.Name.Text, s.History is not null));
            }
        }
    }

    private static void MissingCitations(LintSubject s, ValidationContext<LintSubject> context)
    {
        foreach (var rule in s.Bound.Treaties.SelectMany(t => t.Rules))
        {
            if (!rule.Items<CitesSyntax>().Any()) context.Report(DiagnosticCatalog.RuleWithout(rule.At(rule.Syntax.Id), rule.Id, "cites", "the article it encodes"));
            if (!rule.Items<QuoteSyntax>().Any()) context.Report(DiagnosticCatalog.RuleWithout(rule.At(rule.Syntax.Id), rule.Id, "quote", "the treaty's words"));
        }
    }

    /// <summary>The article a citation names: "Article 4 (1992)" and "Article 4 (as amended 2010)" are both "Article 4".</summary>
    public static string Article(string cites) =>
        cites.IndexOf(" (", StringComparison.Ordinal) is var cut and > 0 ? cites[..cut] : cites;

    private static void VersionIntervals(LintSubject s, ValidationContext<LintSubject> context)
    {
        foreach (var treaty in s.Bound.Treaties)
        {
            var readings = treaty.Symbols.ReadingsOf(treaty.Code);
            var versions = treaty.Rules
                .Select(r => (Rule: r, Cites: r.Items<CitesSyntax>().FirstOrDefault()?.Text.Value, Effective: r.Items<EffectiveSyntax>().FirstOrDefault()?.Interval))
                .Where(v => v.Cites is not null && v.Effective?.From.Value is not null)
                .GroupBy(v => Article(v.Cites!), StringComparer.Ordinal);
            foreach (var article in versions)
            {
                // Versions under readings ('if reading ...') are compared only with those in force
                // beside them: the walk runs once per combination of the readings their gates test.
                var gates = article.ToDictionary(v => v.Rule, v => v.Rule.Items<RuleGateSyntax>().Select(g => g.Test).ToList());
                var tested = gates.Values.SelectMany(g => g).Select(t => t.Reading.Text).Distinct(StringComparer.Ordinal).Where(readings.ContainsKey).ToList();
                var reported = new HashSet<Diagnostic>();
                foreach (var combination in ReadingChecks.Combinations(tested, readings))
                {
                    var inForce = article.Where(v => gates[v.Rule].All(g => !combination.TryGetValue(g.Reading.Text, out var option) || ReadingChecks.Holds(g, option))).ToList();
                    foreach (var finding in Walk(article.Key, inForce).Where(reported.Add)) context.Report(finding);
                }
            }
        }
    }

    /// <summary>
    /// Walk the versions by start, keeping the one in force longest so far: a later version that
    /// starts before it ends overlaps it; one that starts after leaves a gap.
    /// </summary>
    private static IEnumerable<Diagnostic> Walk(string article, List<(BoundRule Rule, string? Cites, IntervalSyntax? Effective)> versions)
    {
        if (versions.Count == 0) yield break;
        var ordered = versions.OrderBy(v => v.Effective!.From.Value).ToList();
        var reach = ordered[0];
        for (var k = 1; k < ordered.Count; k++)
        {
            var later = ordered[k];
            var end = reach.Effective!.To?.Value;
            var start = later.Effective!.From.Value!.Value;
            if (end is null || start < end)
            {
                yield return DiagnosticCatalog.VersionsOverlap(later.Rule.At(later.Effective), article, reach.Rule.Id, later.Rule.Id);
            }
            else if (start > end)
            {
                yield return DiagnosticCatalog.VersionsGap(later.Rule.At(later.Effective), article, reach.Rule.Id, later.Rule.Id, DateText.Format(end.Value), DateText.Format(start));
            }
            var laterEnd = later.Effective.To?.Value;
            if (end is not null && (laterEnd is null || laterEnd > end)) reach = later;
        }
    }

    private static void UnusedVariables(LintSubject s, ValidationContext<LintSubject> context)
    {
        foreach (var rule in s.Bound.Treaties.SelectMany(t => t.Rules))
        {
            var occurrences = Occurrences(rule.Syntax).GroupBy(v => v.Name, StringComparer.Ordinal);
            foreach (var variable in occurrences.Where(g => g.Count() == 1 && rule.Scope.Bound.Contains(g.Key)))
            {
                context.Report(DiagnosticCatalog.UnusedVariable(rule.At(variable.Single()), variable.Key));
            }
        }
    }

    private static IEnumerable<VariableTermSyntax> Occurrences(RuleSyntax rule)
    {
        foreach (var item in rule.Items)
        {
            var (pattern, where) = RuleClauses.Trigger(RuleClauses.IsClause(item) ? item : null);
            if (pattern is not null) foreach (var v in RuleScope.Variables(pattern)) yield return v;
            if (where is not null) foreach (var v in RuleScope.Variables(where)) yield return v;
            if (RuleClauses.Obligation(item) is { } obligation)
            {
                foreach (var v in RuleScope.Variables(obligation)) yield return v;
                // A 'before' window's pattern uses the variables it names, as an 'until' does.
                if (obligation.Window is BeforeWindowSyntax before) foreach (var v in RuleScope.Variables(before.Pattern)) yield return v;
                if (obligation.Subject is EachMemberSubjectSyntax each) yield return each.Variable;
            }
            if (item is UnlessSyntax u) foreach (var v in RuleScope.Variables(u.Condition)) yield return v;
            if (item is UntilSyntax t) foreach (var v in RuleScope.Variables(t.Pattern)) yield return v;
        }
    }

    private static void SubjectsNeverMembers(LintSubject s, ValidationContext<LintSubject> context)
    {
        foreach (var treaty in s.Bound.Treaties)
        {
            var model = s.Rules.FindTreaty(treaty.Code)!;
            foreach (var rule in treaty.Rules)
            {
                if (RuleClauses.Obligation(RuleClauses.First(rule.Syntax))?.Subject is not EachMemberSubjectSyntax each) continue;
                // The rule as written (by where it stands: versions under readings share an id), in force or not.
                if (model.DeclaredRules.FirstOrDefault(r => r.Location == rule.At(rule.Syntax)) is not { } lowered) continue;
                var effective = lowered.Effective;
                // Any interval, under any option: lint reads the file, not one choice of readings.
                var anyone = model.DeclaredMembers.Any(m => effective is not { } e || Overlap(m.Range, e));
                if (!anyone) context.Report(DiagnosticCatalog.SubjectNeverMember(rule.At(each), treaty.Code, rule.Id));
            }
        }
    }

    private static bool Overlap(DateRange a, DateRange b) =>
        (a.End is not { } aEnd || b.Start < aEnd) && (b.End is not { } bEnd || a.Start < bEnd);

    private static void UnproducibleVerbs(LintSubject s, ValidationContext<LintSubject> context)
    {
        var coded = s.Rules.Verbs.Where(v => !v.Cameo.IsEmpty).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        IReadOnlySet<string> seen = s.History?.Verbs ?? new HashSet<string>();
        foreach (var rule in s.Bound.Treaties.SelectMany(t => t.Rules))
        {
            if (RuleClauses.Trigger(RuleClauses.First(rule.Syntax)).Pattern is not { } pattern) continue;
            var verb = pattern.Verb.Text;
            if (!coded.Contains(verb) && !seen.Contains(verb))
            {
                context.Report(DiagnosticCatalog.UnproducibleVerb(rule.At(pattern.Verb), verb, s.History is not null));
            }
        }
    }

    private static void MembersBeforeSignature(LintSubject s, ValidationContext<LintSubject> context)
    {
        foreach (var treaty in s.Bound.Treaties)
        {
            if (treaty.Items<SignedSyntax>().FirstOrDefault()?.Date.Value is not { } signed) continue;
            foreach (var member in treaty.Items<MembersSyntax>().SelectMany(m => m.Members))
            {
                foreach (var interval in member.Intervals.Where(i => i.From.Value is { } from && from < signed))
                {
                    context.Report(DiagnosticCatalog.MemberBeforeSignature(treaty.At(interval), member.Party.Text, treaty.Code, DateText.Format(signed)));
                }
            }
        }
    }

    private static void EventsOutsideEveryRule(LintSubject s, ValidationContext<LintSubject> context)
    {
        if (s.History is not { } history || OutsideEveryRule(s.Rules) is not { } outside) return;
        foreach (var e in history.OutsideEveryRule)
        {
            // The event's own line stands in for its file, which a streamed history no longer has.
            var line = new SourceFile(e.Origin.File, e.Origin.Text, e.Origin.Line, 0);
            context.Report(DiagnosticCatalog.EventOutsideEveryRule(line.At(new TextSpan(0, 10)), e.When(), outside.Margin));
        }
    }

    /// <summary>
    /// A date moved, or the calendar's end when the move passes it: a period of millions of weeks
    /// (an --assume, a rule file or a playground link may give one) widens to the whole calendar.
    /// </summary>
    private static NodaTime.LocalDate Shifted(NodaTime.LocalDate date, Func<NodaTime.LocalDate, NodaTime.LocalDate> move, NodaTime.LocalDate end)
    {
        try
        {
            return move(date);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return end;
        }
    }

    /// <summary>
    /// Which dates no rule can use: none when some rule is always in force. An event may serve a
    /// rule from outside its 'effective' interval: as a 'there was' before a trigger, or as the
    /// action inside a window that runs past the end. So each interval is widened by the longest
    /// window the treaties name (the margin, in days). The test takes an event's first and last
    /// day: an interval event (§5.5) is outside only when none of its days is inside.
    /// </summary>
    public static (Func<NodaTime.LocalDate, NodaTime.LocalDate, bool> Test, int Margin)? OutsideEveryRule(RuleSet ruleSet)
    {
        var rules = ruleSet.Treaties.SelectMany(t => t.Rules).ToList();
        if (rules.Count == 0 || rules.Any(r => r.Effective is null)) return null;
        var longest = ruleSet.Treaties.SelectMany(t => t.Assumptions.Select(a => a.Period))
            .Concat(rules.SelectMany(r => new[] { r.Obligation?.Window, r.Every?.Period }.Concat(r.AllThereWas().Select(t => t.Window))).OfType<PeriodWindow>().Select(p => p.Period))
            .Select(p => NodaTime.Period.Between(new NodaTime.LocalDate(2000, 1, 1), Shifted(new NodaTime.LocalDate(2000, 1, 1), d => d.Plus(p), NodaTime.LocalDate.MaxIsoValue), NodaTime.PeriodUnits.Days).Days)
            .DefaultIfEmpty(0).Max();
        // Widened once, so the test (run on every event of a history) is a loop over dates.
        var widened = rules.Select(r => (
            From: Shifted(r.Effective!.Value.Start, d => d.PlusDays(-longest), NodaTime.LocalDate.MinIsoValue),
            To: r.Effective!.Value.End is { } end ? Shifted(end, d => d.PlusDays(longest), NodaTime.LocalDate.MaxIsoValue) : (NodaTime.LocalDate?)null)).ToArray();
        bool Outside(NodaTime.LocalDate first, NodaTime.LocalDate last)
        {
            foreach (var (from, to) in widened)
            {
                if (last >= from && (to is not { } end || first < end)) return false;
            }
            return true;
        }
        return (Outside, longest);
    }
}
