using System.Collections.Immutable;
using AllianceRules.Binding;
using AllianceRules.Syntax;

namespace AllianceRules.Model;

/// <summary>Lowers validated syntax to the model. Runs only when validation found no error, so it may assume a well-formed input.</summary>
internal static class ModelBuilder
{
    public static RuleSet Build(BoundRuleSet bound)
    {
        var verbs = new Dictionary<string, Verb>(StringComparer.Ordinal);
        foreach (var (vocabulary, _) in bound.Vocabularies)
        {
            foreach (var v in vocabulary.Verbs)
            {
                verbs.TryAdd(v.Name.Text, new Verb(v.Name.Text, v.Description?.Value, [.. v.CameoCodes.Select(c => c.Text)]));
            }
        }
        return new RuleSet([.. verbs.Values], [.. bound.Treaties.Select(BuildTreaty)]);
    }

    private static Treaty BuildTreaty(BoundTreaty treaty)
    {
        var members = treaty.Items<MembersSyntax>().SelectMany(m => m.Members)
            .SelectMany(m => m.Intervals.Select(i => new MemberInterval(m.Party.Text, Range(i), i.Frozen, Test(i.Gate))))
            .ToImmutableArray();
        var assumptions = treaty.Items<AssumeSyntax>()
            .Select(a => new Assumption(treaty.Code, a.Name.Text, a.Period.ToPeriod(), a.Note?.Value, Test(a.Gate)))
            .ToImmutableArray();
        var readings = treaty.Items<ReadingSyntax>()
            .Select(r => new Reading(treaty.Code, r.Name.Text, r.Title.Value, [.. r.Options.Select(o => new ReadingOption(o.Name.Text, o.Description.Value))], treaty.At(r)))
            .ToImmutableArray();
        ImmutableArray<Rule> rules = [.. treaty.Rules.Select(r => BuildRule(r, treaty))];
        var written = new Treaty(
            treaty.Code,
            treaty.Syntax.Title.Value,
            treaty.Items<SignedSyntax>().FirstOrDefault()?.Date.Value,
            treaty.Items<SourceSyntax>().FirstOrDefault()?.Text.Value,
            ImmutableDictionary<string, ImmutableArray<DateRange>>.Empty,
            [],
            rules,
            treaty.At(treaty.Syntax))
        {
            Readings = readings,
            DeclaredRules = rules,
            DeclaredMembers = members,
            DeclaredAssumptions = assumptions,
        };
        // The defaults: every reading at its first option, no assumption overridden, the rules whose gates then hold.
        return written.WithChoices(_ => null, _ => null);
    }

    private static ReadingTest? Test(ReadingTestSyntax? test) => test is null ? null : new ReadingTest(test.Reading.Text, test.Option.Text, test.Negated);

    private static Rule BuildRule(BoundRule rule, BoundTreaty treaty)
    {
        var clause = RuleClauses.First(rule.Syntax) ?? throw new InvalidOperationException("A validated rule has a clause.");
        var (trigger, where) = RuleClauses.Trigger(clause);
        var obligation = RuleClauses.Obligation(clause) is { } o ? Obligation(o) : null;
        var effective = rule.Items<EffectiveSyntax>().FirstOrDefault() is { } e ? Range(e.Interval) : (DateRange?)null;
        // A calendar duty counts its periods from 'from', else from the rule's effective start, else from the signature.
        var every = clause is EveryThenSyntax calendar
            ? new CalendarDuty(Window(calendar.Period), calendar.From?.Value ?? effective?.Start ?? treaty.Items<SignedSyntax>().First().Date.Value!.Value)
            : null;
        return new Rule(
            rule.Treaty.Code,
            rule.Id,
            rule.Syntax.Title.Value,
            Enum.Parse<RuleKind>(rule.Items<KindSyntax>().First().Kind.Text, ignoreCase: true),
            rule.Items<CitesSyntax>().FirstOrDefault()?.Text.Value,
            rule.Items<QuoteSyntax>().FirstOrDefault()?.Text.Value,
            effective,
            trigger is null ? null : Pattern(trigger),
            where is null ? null : Condition(where),
            obligation,
            [.. rule.Items<UnlessSyntax>().Select(u => Condition(u.Condition))],
            [.. rule.Items<UntilSyntax>().Select(u => Pattern(u.Pattern))],
            [.. rule.Scope.Order],
            rule.At(rule.Syntax),
            every,
            rule.Items<JudgmentSyntax>().FirstOrDefault()?.Text.Value)
        {
            Gates = [.. rule.Items<RuleGateSyntax>().Select(g => Test(g.Test)!)],
        };
    }

    private static DateRange Range(IntervalSyntax interval) => new(interval.From.Value!.Value, interval.To?.Value);

    private static Term Term(TermSyntax term) => term switch
    {
        CodeTermSyntax c => new CodeTerm(c.Code),
        VariableTermSyntax v => new VariableTerm(v.Name),
        AttributeTermSyntax a => new AttributeTerm(a.Name),
        _ => WildcardTerm.Instance,
    };

    private static ImmutableArray<AttributeTest> Attributes(IEnumerable<AttributeTestSyntax> attributes) =>
        [.. attributes.Select(a => a switch
        {
            AttributeSyntax { FromTrigger: true } t => AttributeTest.Trigger(t.Name.Text, t.Value),
            AttributeSyntax e => AttributeTest.Equal(e.Name.Text, e.Value),
            AttributeInSyntax i => AttributeTest.OneOf(i.Name.Text, [.. i.Values.Select(v => v.Value)]),
            AttributePresentSyntax p => AttributeTest.Present(p.Name.Text),
            _ => throw new InvalidOperationException("Unknown attribute test."),
        })];

    private static Pattern Pattern(PatternSyntax p) => new(Term(p.Actor), p.Verb.Text, Term(p.Target), Attributes(p.Attributes));

    private static Window Window(WindowSyntax w) => w switch
    {
        PeriodWindowSyntax p => new PeriodWindow(p.Period.ToPeriod()),
        NamedWindowSyntax n => new NamedWindow(n.Name.Text),
        BeforeWindowSyntax b => new BeforeWindow(Pattern(b.Pattern)),
        _ => throw new InvalidOperationException("Unknown window."),
    };

    private static Obligation Obligation(ObligationSyntax o) => new(
        o.Subject switch
        {
            EachMemberSubjectSyntax each => new EachMemberSubject(each.Variable.Name, [.. each.Except.Select(Term)]),
            PartySubjectSyntax party => new PartySubject(Term(party.Party)),
            _ => throw new InvalidOperationException("Unknown subject."),
        },
        o.Negated,
        o.Verb.Text,
        Term(o.Target),
        Attributes(o.Attributes),
        o.Window is null ? null : Window(o.Window),
        [.. o.Through.Select(t => t.Text).Distinct(StringComparer.Ordinal)]);

    private static Condition Condition(ConditionSyntax c) => c switch
    {
        OrConditionSyntax o => new OrCondition(Condition(o.Left), Condition(o.Right)),
        AndConditionSyntax a => new AndCondition(Condition(a.Left), Condition(a.Right)),
        NotConditionSyntax n => new NotCondition(Condition(n.Operand)),
        MembershipConditionSyntax m => new MembershipCondition(Term(m.Term), m.Negated, m.Treaty?.Text, m.Frozen),
        EqualityConditionSyntax e => new EqualityCondition(Term(e.Left), Term(e.Right), e.NotEqual),
        InConditionSyntax i => new InCondition(Term(i.Term), i.Negated, [.. i.Items.Select(Term)]),
        ReadingConditionSyntax r => new ReadingCondition(Test(r.Test)!),
        ThereWasConditionSyntax t => new ThereWasCondition(Pattern(t.Pattern), Window(t.Window), t.Strictly),
        _ => throw new InvalidOperationException("Unknown condition."),
    };
}
