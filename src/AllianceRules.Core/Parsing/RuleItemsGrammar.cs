using AllianceRules.Diagnostics;
using AllianceRules.Syntax;
using Sprache;
using static AllianceRules.Parsing.TokenGrammar;

namespace AllianceRules.Parsing;

/// <summary>The items of a rule block: 'kind', 'cites', 'quote', 'effective', 'if', 'when', 'every', 'forbid', 'unless', 'until', 'judgment'.</summary>
internal static class RuleItemsGrammar
{
    private static readonly Parser<SubjectSyntax> EachMember = Spanned(
        from each in Keyword("each")
        from member in Keyword("member")
        from variable in Variable
        from except in Keyword("except").Then(_ => Term.XDelimitedBy(Sym(","))).XOptional()
        select (variable, except),
        (b, span) => (SubjectSyntax)new EachMemberSubjectSyntax(b.variable, b.except.GetOrElse([]).ToList(), span));

    private static readonly Parser<SubjectSyntax> Subject =
        EachMember.Or(Term.Select(t => (SubjectSyntax)new PartySubjectSyntax(t, t.Span)))
        .Named("the obligated party: a code, a variable or 'each member $x'");

    private static readonly Parser<WindowSyntax> Within = Keyword("within").Then(_ => PeriodGrammar.Window);

    private static readonly Parser<WindowSyntax> Before =
        Item("before", PatternGrammar.Pattern, (pattern, span) => (WindowSyntax)new BeforeWindowSyntax(pattern, span));

    private static readonly Parser<ObligationSyntax> Obligation =
        ObligationWith(Within.Or(Before).Named("'within' or 'before'").Select(w => (WindowSyntax?)w));

    /// <summary>In a calendar duty the window may be left out: it is then the period itself.</summary>
    private static readonly Parser<ObligationSyntax> CalendarObligation = ObligationWith(Within.XOptional().Select(w => w.GetOrDefault()));

    private static readonly Parser<ConditionSyntax?> WhereClause =
        Keyword("where").Then(_ => ConditionGrammar.Bounded).XOptional().Select(c => c.GetOrDefault());

    /// <summary>A rule kind, or AR2004 naming the kinds when the word is none of them.</summary>
    private static readonly Parser<Identifier> KindWord = input =>
    {
        var r = Lexical.Word(input);
        if (!r.WasSuccessful) return Result.Failure<Identifier>(input, r.Message, ["a rule kind such as 'defense'"]);
        if (Keywords.Kinds.Contains(r.Value.Text)) return r;
        var message = DiagnosticCatalog.UnknownKind(default, r.Value.Text, Keywords.Kinds).Message;
        return CustomFailure.Create<Identifier>(input, "AR2004", r.Value.Span.Length, message);
    };

    private static readonly Parser<RuleItemSyntax> Kind = Item("kind", Tok(KindWord), (k, span) => (RuleItemSyntax)new KindSyntax(k, span));

    private static readonly Parser<RuleItemSyntax> Cites = Item("cites", Quoted, (s, span) => (RuleItemSyntax)new CitesSyntax(s, span));

    private static readonly Parser<RuleItemSyntax> Quote = Item("quote", Quoted, (s, span) => (RuleItemSyntax)new QuoteSyntax(s, span));

    private static readonly Parser<RuleItemSyntax> Effective =
        Item("effective", PeriodGrammar.Interval, (interval, span) => (RuleItemSyntax)new EffectiveSyntax(interval, span));

    /// <summary><c>if reading NAME is [not] OPTION</c>: the rule is in force only under that option.</summary>
    private static readonly Parser<RuleItemSyntax> Gate =
        Spanned(ConditionGrammar.Gate, (test, span) => (RuleItemSyntax)new RuleGateSyntax(test, span));

    private static readonly Parser<RuleItemSyntax> WhenThen = Item("when",
        from pattern in PatternGrammar.Pattern
        from cond in WhereClause
        from then in Keyword("then")
        from obligation in Obligation
        select (pattern, cond, obligation),
        (b, span) => (RuleItemSyntax)new WhenThenSyntax(b.pattern, b.cond, b.obligation, span));

    private static readonly Parser<RuleItemSyntax> Every = Item("every",
        from period in PeriodGrammar.Window
        from anchor in Keyword("from").Then(_ => Date).XOptional()
        from then in Keyword("then")
        from obligation in CalendarObligation
        select (period, anchor, obligation),
        (b, span) => (RuleItemSyntax)new EveryThenSyntax(b.period, b.anchor.GetOrDefault(), b.obligation, span));

    private static readonly Parser<RuleItemSyntax> Forbid = Item("forbid",
        from pattern in PatternGrammar.Pattern
        from cond in WhereClause
        select (pattern, cond),
        (b, span) => (RuleItemSyntax)new ForbidSyntax(b.pattern, b.cond, span));

    private static readonly Parser<RuleItemSyntax> Unless =
        Item("unless", ConditionGrammar.Bounded, (cond, span) => (RuleItemSyntax)new UnlessSyntax(cond, span));

    private static readonly Parser<RuleItemSyntax> Until =
        Item("until", PatternGrammar.Pattern, (pattern, span) => (RuleItemSyntax)new UntilSyntax(pattern, span));

    private static readonly Parser<RuleItemSyntax> Judgment = Item("judgment", Quoted, (s, span) => (RuleItemSyntax)new JudgmentSyntax(s, span));

    public static readonly Parser<RuleItemSyntax> RuleItem =
        Kind.Or(Cites).Or(Quote).Or(Effective).Or(Gate).Or(WhenThen).Or(Every).Or(Forbid).Or(Unless).Or(Until).Or(Judgment);

    private static Parser<ObligationSyntax> ObligationWith(Parser<WindowSyntax?> window) => Spanned(
        from who in Subject
        from must in Keyword("must")
        from not in Keyword("not").XOptional()
        from verb in Name.Named("a verb")
        from target in Term
        from attrs in PatternGrammar.Attributes
        from w in window
        from through in Keyword("through").Then(_ => Code.XDelimitedBy(Sym(","))).XOptional()
        select (who, not, verb, target, attrs, w, through),
        (b, span) => new ObligationSyntax(b.who, b.not.IsDefined, b.verb, b.target, b.attrs, b.w, b.through.GetOrElse([]).ToList(), span));
}
