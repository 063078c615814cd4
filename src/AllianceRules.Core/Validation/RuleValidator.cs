using AllianceRules.Binding;
using AllianceRules.Diagnostics;
using AllianceRules.Syntax;
using AllianceRules.Text;
using FluentValidation;

namespace AllianceRules.Validation;

/// <summary>
/// Checks one rule: its shape (one clause, one kind, at most one effective), the names it uses
/// (verbs, assumptions, treaties) and the scope of its variables (language.md 5.1 rules 9–11).
/// </summary>
internal sealed class RuleValidator : AbstractValidator<BoundRule>
{
    public RuleValidator()
    {
        RuleFor(r => r).Custom(CheckShape).Custom(CheckNames).Custom(CheckVariables);
    }

    private static SourceRef Keyword(BoundRule rule, SyntaxNode item, string keyword) =>
        rule.Treaty.File.At(new TextSpan(item.Span.Start, keyword.Length));

    private static void CheckShape(BoundRule rule, ValidationContext<BoundRule> context)
    {
        var clauses = rule.Syntax.Items.Where(RuleClauses.IsClause).ToList();
        if (clauses.Count == 0 && !rule.Syntax.Recovered) context.Report(DiagnosticCatalog.NeitherWhenNorForbid(rule.At(rule.Syntax.Id), rule.Id));
        foreach (var extra in clauses.Skip(1))
        {
            context.Report(DiagnosticCatalog.BothWhenAndForbid(Keyword(rule, extra, RuleClauses.Keyword(extra)), rule.Id));
        }
        if (clauses.FirstOrDefault() is EveryThenSyntax every)
        {
            CommonChecks.CheckDate(context, rule.Treaty.File, every.From);
            var start = every.From is not null || rule.Items<EffectiveSyntax>().Any() || rule.Treaty.Items<SignedSyntax>().Any();
            if (!start) context.Report(DiagnosticCatalog.CalendarWithoutStart(Keyword(rule, every, "every"), rule.Id));
        }
        if (!rule.Items<KindSyntax>().Any() && !rule.Syntax.Recovered) context.Report(DiagnosticCatalog.MissingKind(rule.At(rule.Syntax.Id), rule.Id));
        Repeats(rule.Items<KindSyntax>(), "kind");
        Repeats(rule.Items<EffectiveSyntax>(), "effective");
        Repeats(rule.Items<CitesSyntax>(), "cites");
        Repeats(rule.Items<QuoteSyntax>(), "quote");
        Repeats(rule.Items<JudgmentSyntax>(), "judgment");
        // The reason is what a report shows beside every indeterminate verdict: it cannot be blank.
        foreach (var judgment in rule.Items<JudgmentSyntax>().Where(j => string.IsNullOrWhiteSpace(j.Text.Value)))
        {
            context.Report(DiagnosticCatalog.EmptyJudgment(rule.At(judgment.Text), rule.Id));
        }
        if (clauses.FirstOrDefault() is ForbidSyntax)
        {
            foreach (var until in rule.Items<UntilSyntax>()) context.Report(DiagnosticCatalog.UntilWithForbid(Keyword(rule, until, "until"), rule.Id));
        }
        foreach (var effective in rule.Items<EffectiveSyntax>())
        {
            var interval = effective.Interval;
            var real = CommonChecks.CheckDate(context, rule.Treaty.File, interval.From) & CommonChecks.CheckDate(context, rule.Treaty.File, interval.To);
            if (real && !CommonChecks.IsNonEmpty(interval)) context.Report(DiagnosticCatalog.EmptyEffective(rule.At(interval)));
        }

        void Repeats(IEnumerable<RuleItemSyntax> items, string keyword)
        {
            foreach (var extra in items.Skip(1)) context.Report(DiagnosticCatalog.RepeatedRuleItem(Keyword(rule, extra, keyword), rule.Id, keyword));
        }
    }

    private static void CheckNames(BoundRule rule, ValidationContext<BoundRule> context)
    {
        var symbols = rule.Treaty.Symbols;
        var treaty = rule.Treaty.Code;
        var assumptions = symbols.AssumptionsOf(treaty);
        var file = rule.Treaty.File;
        var checkAssumptions = symbols.AssumptionsComplete(treaty);
        foreach (var pattern in Patterns(rule))
        {
            CheckVerb(pattern.Verb);
        }
        foreach (var condition in Conditions(rule))
        {
            foreach (var thereWas in RuleScope.ThereWas(condition)) CommonChecks.CheckWindow(context, file, thereWas.Window, treaty, assumptions, checkAssumptions);
            foreach (var reading in RuleScope.Atoms(condition).OfType<ReadingConditionSyntax>()) ReadingChecks.CheckTest(context, rule.Treaty, reading.Test);
            foreach (var membership in RuleScope.Atoms(condition).OfType<MembershipConditionSyntax>())
            {
                if (membership.Treaty is { } other && !symbols.HasTreaty(other.Text) && symbols.TreatiesComplete)
                {
                    context.Report(DiagnosticCatalog.UnknownTreaty(rule.At(other), other.Text, symbols.TreatyCodes));
                }
            }
        }
        foreach (var clause in rule.Syntax.Items.Where(RuleClauses.IsClause))
        {
            if (clause is EveryThenSyntax every) CommonChecks.CheckWindow(context, file, every.Period, treaty, assumptions, checkAssumptions);
            if (RuleClauses.Obligation(clause) is not { } obligation) continue;
            CheckVerb(obligation.Verb);
            if (obligation.Window is { } window) CommonChecks.CheckWindow(context, file, window, treaty, assumptions, checkAssumptions);
        }

        void CheckVerb(Identifier verb)
        {
            if (!symbols.HasVerb(verb.Text) && symbols.VerbsComplete) context.Report(DiagnosticCatalog.UnknownVerb(rule.At(verb), verb.Text, symbols.VerbNames));
        }
    }

    private static void CheckVariables(BoundRule rule, ValidationContext<BoundRule> context)
    {
        var scope = rule.Scope;
        var clause = RuleClauses.First(rule.Syntax);
        var where = RuleClauses.Trigger(clause).Where;
        var known = scope.Order;
        // Variables that occur only in a 'there was' under 'not' or 'or': written as if that bound them.
        var nestedOnly = where is null ? new HashSet<string>() : RuleScope.ThereWas(where)
            .SelectMany(t => RuleScope.Variables(t.Pattern)).Select(v => v.Name)
            .Where(n => !scope.Bound.Contains(n)).ToHashSet(StringComparer.Ordinal);

        if (where is not null)
        {
            var binders = RuleScope.TopLevelConjuncts(where).OfType<ThereWasConditionSyntax>().ToHashSet();
            CheckCondition(where, scope.Bound, "'where'", binders);
        }
        if (RuleClauses.Obligation(clause) is { } obligation)
        {
            var inScope = scope.BoundWithSubject;
            switch (obligation.Subject)
            {
                case EachMemberSubjectSyntax each:
                    if (scope.Bound.Contains(each.Variable.Name)) context.Report(DiagnosticCatalog.SubjectVariableNotNew(rule.At(each.Variable), each.Variable.Name));
                    foreach (var except in each.Except)
                    {
                        if (except is WildcardTermSyntax) context.Report(DiagnosticCatalog.WildcardNotAllowed(rule.At(except), "after 'except'"));
                        // The subject itself is not yet bound while the members to except are chosen.
                        CheckTerm(except, scope.Bound, "'except'");
                    }
                    break;
                case PartySubjectSyntax { Party: WildcardTermSyntax wildcard }:
                    context.Report(DiagnosticCatalog.WildcardSubject(rule.At(wildcard)));
                    break;
                case PartySubjectSyntax party:
                    CheckTerm(party.Party, scope.Bound, "'then'");
                    break;
            }
            CheckTerm(obligation.Target, inScope, "'then'");
        }
        var visible = scope.BoundWithSubject;
        foreach (var unless in rule.Items<UnlessSyntax>())
        {
            CheckCondition(unless.Condition, visible, "'unless'", new HashSet<ThereWasConditionSyntax>());
            if (clause is EveryThenSyntax) ReportAttributes(unless.Condition);
        }
        foreach (var until in rule.Items<UntilSyntax>())
        {
            CheckTerm(until.Pattern.Actor, visible, "'until'");
            CheckTerm(until.Pattern.Target, visible, "'until'");
        }
        if (RuleClauses.Obligation(clause)?.Window is BeforeWindowSyntax before)
        {
            CheckTerm(before.Pattern.Actor, visible, "'before'");
            CheckTerm(before.Pattern.Target, visible, "'before'");
        }
        CheckTriggerAttributes();

        // '[name=@attr]' reads the trigger: in the action, 'until' and 'before', not in the patterns that find the trigger.
        void CheckTriggerAttributes()
        {
            var (trigger, _) = RuleClauses.Trigger(clause);
            var finding = new List<(PatternSyntax Pattern, string Where)>();
            if (trigger is not null) finding.Add((trigger, clause is ForbidSyntax ? "'forbid'" : "'when'"));
            finding.AddRange(Conditions(rule).SelectMany(RuleScope.ThereWas).Select(t => (t.Pattern, "'there was'")));
            foreach (var (pattern, where) in finding)
            {
                foreach (var a in pattern.Attributes.OfType<AttributeSyntax>().Where(a => a.FromTrigger)) context.Report(DiagnosticCatalog.TriggerAttributeInFindingPattern(rule.At(a), a.Value, where));
            }
            // A list holds values to compare with, never the trigger's attribute, wherever the brackets stand.
            var everywhere = Patterns(rule).SelectMany(p => p.Attributes).Concat(rule.Syntax.Items.Select(RuleClauses.Obligation).OfType<ObligationSyntax>().SelectMany(o => o.Attributes));
            foreach (var list in everywhere.OfType<AttributeInSyntax>())
            {
                foreach (var v in list.Values.Where(v => v.FromTrigger)) context.Report(DiagnosticCatalog.TriggerAttributeInList(rule.At(v), v.Value, list.Name.Text));
            }
            if (clause is not EveryThenSyntax every) return;
            var calendar = every.Then.Attributes.Concat(rule.Items<UntilSyntax>().SelectMany(u => u.Pattern.Attributes)).OfType<AttributeSyntax>();
            foreach (var a in calendar.Where(a => a.FromTrigger)) context.Report(DiagnosticCatalog.AttributeInCalendarDuty(rule.At(a), a.Value));
        }

        void CheckCondition(ConditionSyntax condition, IReadOnlySet<string> bound, string where, IReadOnlySet<ThereWasConditionSyntax> binders)
        {
            foreach (var atom in RuleScope.Atoms(condition))
            {
                switch (atom)
                {
                    case ThereWasConditionSyntax t when binders.Contains(t):
                        break;
                    case ThereWasConditionSyntax t:
                        CheckTerm(t.Pattern.Actor, bound, where);
                        CheckTerm(t.Pattern.Target, bound, where);
                        break;
                    case MembershipConditionSyntax m:
                        CheckValueTerm(m.Term, bound, where);
                        break;
                    case EqualityConditionSyntax e:
                        CheckValueTerm(e.Left, bound, where);
                        CheckValueTerm(e.Right, bound, where);
                        break;
                    case InConditionSyntax i:
                        CheckValueTerm(i.Term, bound, where);
                        foreach (var item in i.Items) CheckValueTerm(item, bound, where);
                        break;
                }
            }
        }

        void ReportAttributes(ConditionSyntax condition)
        {
            foreach (var term in RuleScope.Atoms(condition).SelectMany(RuleScope.Terms).OfType<AttributeTermSyntax>())
            {
                context.Report(DiagnosticCatalog.AttributeInCalendarDuty(rule.At(term), term.Name));
            }
        }

        void CheckValueTerm(TermSyntax term, IReadOnlySet<string> bound, string where)
        {
            if (term is WildcardTermSyntax) context.Report(DiagnosticCatalog.WildcardNotAllowed(rule.At(term), $"in a comparison or membership test in {where}"));
            CheckTerm(term, bound, where);
        }

        void CheckTerm(TermSyntax term, IReadOnlySet<string> bound, string where)
        {
            if (term is not VariableTermSyntax v || bound.Contains(v.Name)) return;
            if (scope.Subject?.Name == v.Name)
            {
                context.Report(DiagnosticCatalog.SubjectVariableOutOfScope(rule.At(v), v.Name, where));
            }
            else if (nestedOnly.Contains(v.Name))
            {
                context.Report(DiagnosticCatalog.VariableOnlyInNestedThereWas(rule.At(v), v.Name));
            }
            else if (clause is EveryThenSyntax)
            {
                context.Report(DiagnosticCatalog.UnboundVariableInCalendarDuty(rule.At(v), v.Name, where));
            }
            else
            {
                context.Report(DiagnosticCatalog.UnboundVariable(rule.At(v), v.Name, where, known.Where(bound.Contains)));
            }
        }
    }

    private static IEnumerable<PatternSyntax> Patterns(BoundRule rule)
    {
        foreach (var item in rule.Syntax.Items)
        {
            switch (item)
            {
                case WhenThenSyntax w: yield return w.When; break;
                case ForbidSyntax f: yield return f.Pattern; break;
                case UntilSyntax u: yield return u.Pattern; break;
            }
            if (RuleClauses.Obligation(item)?.Window is BeforeWindowSyntax before) yield return before.Pattern;
        }
        foreach (var condition in Conditions(rule))
        {
            foreach (var thereWas in RuleScope.ThereWas(condition)) yield return thereWas.Pattern;
        }
    }

    private static IEnumerable<ConditionSyntax> Conditions(BoundRule rule) => RuleClauses.Conditions(rule.Syntax);
}
