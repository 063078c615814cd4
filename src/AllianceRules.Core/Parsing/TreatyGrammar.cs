using AllianceRules.Diagnostics;
using AllianceRules.Syntax;
using AllianceRules.Text;
using Sprache;

namespace AllianceRules.Parsing;

/// <summary>
/// The grammar of <c>.treaty</c> files (language.md §3). One instance parses one file: block bodies
/// are parsed item by item and a broken item is reported and skipped, so one run reports every
/// error. Everything here succeeds or fails without throwing.
/// </summary>
internal sealed class TreatyGrammar
{
    public static readonly string[] TopLevelKeywords = ["vocabulary", "treaty"];
    public static readonly string[] TreatyKeywords = ["signed", "source", "members", "assume", "rule"];
    public static readonly string[] RuleKeywords = ["kind", "cites", "quote", "effective", "when", "every", "forbid", "unless", "until", "judgment"];
    public static readonly string[] Kinds = ["defense", "offense", "neutrality", "nonaggression", "consultation", "other"];

    private readonly SourceFile _file;
    private readonly DiagnosticBag _diagnostics;
    private int _lastTokenEnd;
    private bool _unterminatedLongString;

    /// <summary>The depth (nesting of blocks) of every item skipped so far.</summary>
    private readonly List<int> _skips = [];
    private int _depth;

    /// <summary>
    /// The parser and every pass over a condition recurse, so 10,000 nested parentheses or 100,000
    /// 'or's once overflowed the stack and killed the process (bad-input corpus, issue #8). These
    /// bounds turn such a condition into an error; no real treaty comes near them.
    /// </summary>
    internal const int MaxConditionNesting = 100;

    /// <inheritdoc cref="MaxConditionNesting"/>
    internal const int MaxConditionParts = 1000;

    /// <summary>How many parentheses and 'not's enclose the condition being parsed.</summary>
    private int _conditionNesting;

    public TreatyGrammar(SourceFile file, DiagnosticBag diagnostics)
    {
        _file = file;
        _diagnostics = diagnostics;
        BuildParsers();
    }

    public RuleFileSyntax ParseFile()
    {
        var vocabularies = new List<VocabularySyntax>();
        var treaties = new List<TreatySyntax>();
        var input = Lexical.Trivia(new TextInput(_file.Text, 0, _file.Text.Length)).Remainder;
        var errorsBefore = _diagnostics.Count;
        var recovered = false;
        while (!input.AtEnd)
        {
            if (input.Current == '}')
            {
                _diagnostics.Add(DiagnosticCatalog.UnexpectedClosingBrace(_file.At(new TextSpan(input.Position, 1))));
                input = Lexical.Trivia(input.Advance()).Remainder;
                continue;
            }
            var word = PeekWord(input);
            var parser = word switch
            {
                "vocabulary" => _vocabulary.Select(v => (object)v),
                "treaty" => _treaty.Select(t => (object)t),
                _ => null,
            };
            if (parser is null)
            {
                ReportUnknownItem(input, word, "a rule file", TopLevelKeywords);
                input = Recover(input, TopLevelKeywords);
                recovered = true;
                continue;
            }
            var start = input;
            var result = parser(input);
            if (result.WasSuccessful)
            {
                if (result.Value is VocabularySyntax v) vocabularies.Add(v);
                if (result.Value is TreatySyntax t) treaties.Add(t);
                input = result.Remainder;
            }
            else
            {
                Report(ParseFailureTranslator.Translate(_file, result, start.Position));
                input = Recover(start, TopLevelKeywords);
                recovered = true;
            }
        }
        return new RuleFileSyntax(_file, vocabularies, treaties, recovered || _diagnostics.Count > errorsBefore && _unterminatedLongString);
    }

    // ---- tokens --------------------------------------------------------------------------------

    /// <summary>A token followed by trivia; remembers where the token itself ended, for spans.</summary>
    private Parser<T> Tok<T>(Parser<T> parser) => input =>
    {
        var r = parser(input);
        if (!r.WasSuccessful) return r;
        _lastTokenEnd = r.Remainder.Position;
        return Result.Success(r.Value, Lexical.Trivia(r.Remainder).Remainder);
    };

    private Parser<int> End => input => Result.Success(_lastTokenEnd, input);

    /// <summary>How many items were skipped at any level so far; a block compares it before and after its own items.</summary>
    private Parser<int> SkipCount => input => Result.Success(_skips.Count, input);

    private Parser<Identifier> Keyword(string keyword) =>
        Tok(Lexical.Word.Where(w => w.Text == keyword).Named($"'{keyword}'"));

    private Parser<string> Sym(string symbol) => Tok(Lexical.Symbol(symbol));

    private static TextSpan Span(int start, int end) => TextSpan.FromBounds(start, Math.Max(start, end));

    private Parser<Identifier> _code = null!;
    private Parser<Identifier> _name = null!;
    private Parser<VariableTermSyntax> _variable = null!;
    private Parser<TermSyntax> _term = null!;
    private Parser<TermSyntax> _conditionTerm = null!;
    private Parser<StringLiteral> _string = null!;
    private Parser<DateSyntax> _date = null!;
    private Parser<PeriodSyntax> _period = null!;
    private Parser<IntervalSyntax> _interval = null!;
    private Parser<IReadOnlyList<AttributeSyntax>> _attributes = null!;
    private Parser<PatternSyntax> _pattern = null!;
    private Parser<WindowSyntax> _window = null!;
    private Parser<ConditionSyntax> _condition = null!;
    private Parser<ObligationSyntax> _obligation = null!;
    private Parser<RuleItemSyntax> _ruleItem = null!;
    private Parser<TreatyItemSyntax> _treatyItem = null!;
    private Parser<VerbDeclarationSyntax> _verb = null!;
    private Parser<MemberSyntax> _member = null!;
    private Parser<VocabularySyntax> _vocabulary = null!;
    private Parser<TreatySyntax> _treaty = null!;

    private void BuildParsers()
    {
        _code = Tok(Lexical.Word.Where(w => Lexical.IsCode(w.Text)).Named("a code such as 'RUS'"));
        _name = Tok(Lexical.Word.Where(w => Lexical.IsName(w.Text)).Named("a lower-case name"));
        _variable = Tok(Lexical.Word.Where(w => Lexical.IsVariable(w.Text)).Named("a variable such as '$victim'"))
            .Select(w => new VariableTermSyntax(w.Text[1..], w.Span));
        _term = Tok(Lexical.Word
            .Where(w => w.Text == "_" || Lexical.IsVariable(w.Text) || Lexical.IsCode(w.Text))
            .Named("a party code such as 'RUS', a variable such as '$victim', or '_'")
            .Select(TermOf));
        var attributeTerm = Tok(
            from at in Lexical.Symbol("@")
            from name in Lexical.Word.Where(w => Lexical.IsName(w.Text)).Named("an attribute name such as 'territory'")
            select new AttributeTermSyntax(name.Text, TextSpan.FromBounds(name.Span.Start - 1, name.Span.End)));
        _conditionTerm = attributeTerm.Select(a => (TermSyntax)a).Or(_term)
            .Named("a party code such as 'RUS', a variable such as '$victim', an attribute such as '@territory', or '_'");
        _string = Tok(Lexical.String);
        _date = Tok(Lexical.Date);

        var unit = Tok(Lexical.Word.Where(w => Lexical.PeriodUnits.Contains(w.Text)).Named("a unit: days, weeks, months or years"));
        _period =
            from start in Lexical.Position
            from amountText in Tok(Lexical.Integer.Named("a period such as '30 days'"))
            from u in unit
            from end in End
            select new PeriodSyntax(amountText, UnitOf(u.Text), _file.Text[start..end], Span(start, end));

        _interval =
            from start in Lexical.Position
            from from_ in _date
            from dots in Sym("..")
            from to in _date.XOptional()
            from end in End
            select new IntervalSyntax(from_, to.GetOrDefault(), Span(start, end));

        var value =
            _string.Select(s => s.Value)
            .Or(Tok(Lexical.Digits))
            .Or(Tok(Lexical.Word.Where(w => Lexical.IsCode(w.Text) || Lexical.IsName(w.Text)).Select(w => w.Text)))
            .Named("a value: a string, a code, a name or a number");
        var attribute =
            from start in Lexical.Position
            from name in _name
            from eq in Sym("=")
            // '@name' as a value is the trigger's attribute, written as in conditions.
            from v in attributeTerm.Select(a => (Text: a.Name, FromTrigger: true)).Or(value.Select(v => (Text: v, FromTrigger: false)))
            from end in End
            select new AttributeSyntax(name, v.Text, Span(start, end), v.FromTrigger);
        _attributes =
            (from open in Sym("[")
             from list in attribute.XDelimitedBy(Sym(","))
             from close in Sym("]")
             select (IReadOnlyList<AttributeSyntax>)list.ToList())
            .XOptional().Select(o => o.GetOrElse([]));

        _pattern =
            from start in Lexical.Position
            from actor in _term
            from verb in _name.Named("a verb")
            from target in _term
            from attrs in _attributes
            from end in End
            select new PatternSyntax(actor, verb, target, attrs, Span(start, end));

        _window =
            (from start in Lexical.Position
             from period in _period
             select (WindowSyntax)new PeriodWindowSyntax(period, period.Span))
            .Or(_name.Select(n => (WindowSyntax)new NamedWindowSyntax(n, n.Span)))
            .Named("a period such as '30 days' or the name of an 'assume'");

        BuildConditions();
        BuildRules();
        BuildTreaties();
    }

    private void BuildConditions()
    {
        var condition = Parse.Ref(() => _condition);
        var membership =
            from isKw in Keyword("is")
            from not in Keyword("not").XOptional()
            from which in Keyword("member").Or(Keyword("frozen"))
            from of in (from o in Keyword("of") from code in _code select code).XOptional()
            select (Func<TermSyntax, int, int, ConditionSyntax>)((t, s, e) => new MembershipConditionSyntax(t, not.IsDefined, of.GetOrDefault(), Span(s, e), which.Text == "frozen"));
        var equality =
            from op in Sym("!=").Or(Sym("="))
            from right in _conditionTerm
            select (Func<TermSyntax, int, int, ConditionSyntax>)((t, s, e) => new EqualityConditionSyntax(t, right, op == "!=", Span(s, e)));
        var inList =
            from not in Keyword("not").XOptional()
            from inKw in Keyword("in")
            from open in Sym("[")
            from items in _conditionTerm.XDelimitedBy(Sym(","))
            from close in Sym("]")
            select (Func<TermSyntax, int, int, ConditionSyntax>)((t, s, e) => new InConditionSyntax(t, not.IsDefined, items.ToList(), Span(s, e)));
        var termAtom =
            from start in Lexical.Position
            from term in _conditionTerm
            from rest in membership.Or(equality).Or(inList)
                .Named("'is member', '=', '!=' or 'in'")
            from end in End
            select rest(term, start, end);
        var thereWas =
            from start in Lexical.Position
            from there in Keyword("there")
            from was in Keyword("was")
            from pattern in _pattern
            from within in Keyword("within")
            from window in _window
            from strictly in Keyword("strictly").XOptional()
            from before in Keyword("before")
            from end in End
            select (ConditionSyntax)new ThereWasConditionSyntax(pattern, window, strictly.IsDefined, Span(start, end));
        var parenthesised = Nested(
            from open in Sym("(")
            from inner in condition
            from close in Sym(")")
            select inner);
        Parser<ConditionSyntax>? unary = null;
        var not_ = Nested(
            from start in Lexical.Position
            from kw in Keyword("not")
            from operand in Parse.Ref(() => unary!)
            from end in End
            select (ConditionSyntax)new NotConditionSyntax(operand, Span(start, end)));
        unary = not_.Or(parenthesised).Or(thereWas).Or(termAtom)
            .Named("a condition");
        var conjunction =
            from start in Lexical.Position
            from first in unary
            from rest in Keyword("and").Then(_ => unary).XMany()
            from end in End
            select rest.Aggregate(first, (l, r) => new AndConditionSyntax(l, r, Span(start, r.Span.End)));
        _condition =
            from start in Lexical.Position
            from first in conjunction
            from rest in Keyword("or").Then(_ => conjunction).XMany()
            select rest.Aggregate(first, (l, r) => new OrConditionSyntax(l, r, Span(start, r.Span.End)));
    }

    /// <summary>A parenthesis or 'not': one level deeper, and an error past <see cref="MaxConditionNesting"/>.</summary>
    private Parser<ConditionSyntax> Nested(Parser<ConditionSyntax> parser) => input =>
    {
        if (_conditionNesting >= MaxConditionNesting)
        {
            // Reported past its position, so that no alternative's "expected" replaces it.
            return CustomFailure.Create<ConditionSyntax>(input.AtEnd ? input : input.Advance(), input.Position, "AR2001", 1,
                $"this condition nests more than {MaxConditionNesting} parentheses and 'not's deep; write it more simply");
        }
        _conditionNesting++;
        try
        {
            return parser(input);
        }
        finally
        {
            _conditionNesting--;
        }
    };

    /// <summary>A whole condition ('where', 'unless'), refused when it has more than <see cref="MaxConditionParts"/> parts.</summary>
    private static Parser<ConditionSyntax> Bounded(Parser<ConditionSyntax> parser) => input =>
    {
        var result = parser(input);
        if (!result.WasSuccessful || Parts(result.Value) is var parts && parts <= MaxConditionParts) return result;
        return CustomFailure.Create<ConditionSyntax>(result.Remainder, result.Value.Span.Start, "AR2001", 1,
            $"this condition joins {parts} conditions with 'and' and 'or', more than {MaxConditionParts}; split the rule, or list values with 'in [...]'");
    };

    /// <summary>The atoms of a condition, counted without recursion (the tree may be deep).</summary>
    private static int Parts(ConditionSyntax condition)
    {
        var (count, stack) = (0, new Stack<ConditionSyntax>([condition]));
        while (stack.TryPop(out var c))
        {
            switch (c)
            {
                case AndConditionSyntax a:
                    stack.Push(a.Left);
                    stack.Push(a.Right);
                    break;
                case OrConditionSyntax o:
                    stack.Push(o.Left);
                    stack.Push(o.Right);
                    break;
                case NotConditionSyntax n:
                    stack.Push(n.Operand);
                    break;
                default:
                    count++;
                    break;
            }
        }
        return count;
    }

    private void BuildRules()
    {
        var eachMember =
            from start in Lexical.Position
            from each in Keyword("each")
            from member in Keyword("member")
            from variable in _variable
            from except in Keyword("except").Then(_ => _term.XDelimitedBy(Sym(","))).XOptional()
            from end in End
            select (SubjectSyntax)new EachMemberSubjectSyntax(variable, except.GetOrElse([]).ToList(), Span(start, end));
        var subject = eachMember.Or(_term.Select(t => (SubjectSyntax)new PartySubjectSyntax(t, t.Span)))
            .Named("the obligated party: a code, a variable or 'each member $x'");
        Parser<ObligationSyntax> Obligation(Parser<WindowSyntax?> window) =>
            from start in Lexical.Position
            from who in subject
            from must in Keyword("must")
            from not in Keyword("not").XOptional()
            from verb in _name.Named("a verb")
            from target in _term
            from attrs in _attributes
            from w in window
            from through in Keyword("through").Then(_ => _code.XDelimitedBy(Sym(","))).XOptional()
            from end in End
            select new ObligationSyntax(who, not.IsDefined, verb, target, attrs, w, through.GetOrElse([]).ToList(), Span(start, end));
        var within = Keyword("within").Then(_ => _window);
        var before =
            from start in Lexical.Position
            from kw in Keyword("before")
            from pattern in _pattern
            from end in End
            select (WindowSyntax)new BeforeWindowSyntax(pattern, Span(start, end));
        _obligation = Obligation(within.Or(before).Named("'within' or 'before'").Select(w => (WindowSyntax?)w));
        // In a calendar duty the window may be left out: it is then the period itself.
        var calendarObligation = Obligation(within.XOptional().Select(w => w.GetOrDefault()));

        var kind =
            from start in Lexical.Position
            from kw in Keyword("kind")
            from k in Tok(KindWord)
            from end in End
            select (RuleItemSyntax)new KindSyntax(k, Span(start, end));
        var cites =
            from start in Lexical.Position
            from kw in Keyword("cites")
            from s in _string
            from end in End
            select (RuleItemSyntax)new CitesSyntax(s, Span(start, end));
        var quote =
            from start in Lexical.Position
            from kw in Keyword("quote")
            from s in _string
            from end in End
            select (RuleItemSyntax)new QuoteSyntax(s, Span(start, end));
        var effective =
            from start in Lexical.Position
            from kw in Keyword("effective")
            from interval in _interval
            from end in End
            select (RuleItemSyntax)new EffectiveSyntax(interval, Span(start, end));
        var whereClause = Keyword("where").Then(_ => Bounded(_condition)).XOptional();
        var whenThen =
            from start in Lexical.Position
            from kw in Keyword("when")
            from pattern in _pattern
            from cond in whereClause
            from then in Keyword("then")
            from obligation in _obligation
            from end in End
            select (RuleItemSyntax)new WhenThenSyntax(pattern, cond.GetOrDefault(), obligation, Span(start, end));
        var every =
            from start in Lexical.Position
            from kw in Keyword("every")
            from period in _window
            from anchor in Keyword("from").Then(_ => _date).XOptional()
            from then in Keyword("then")
            from obligation in calendarObligation
            from end in End
            select (RuleItemSyntax)new EveryThenSyntax(period, anchor.GetOrDefault(), obligation, Span(start, end));
        var forbid =
            from start in Lexical.Position
            from kw in Keyword("forbid")
            from pattern in _pattern
            from cond in whereClause
            from end in End
            select (RuleItemSyntax)new ForbidSyntax(pattern, cond.GetOrDefault(), Span(start, end));
        var unless =
            from start in Lexical.Position
            from kw in Keyword("unless")
            from cond in Bounded(_condition)
            from end in End
            select (RuleItemSyntax)new UnlessSyntax(cond, Span(start, end));
        var until =
            from start in Lexical.Position
            from kw in Keyword("until")
            from pattern in _pattern
            from end in End
            select (RuleItemSyntax)new UntilSyntax(pattern, Span(start, end));
        var judgment =
            from start in Lexical.Position
            from kw in Keyword("judgment")
            from s in _string
            from end in End
            select (RuleItemSyntax)new JudgmentSyntax(s, Span(start, end));
        _ruleItem = kind.Or(cites).Or(quote).Or(effective).Or(whenThen).Or(every).Or(forbid).Or(unless).Or(until).Or(judgment);
    }

    private static readonly Parser<Identifier> KindWord = input =>
    {
        var r = Lexical.Word(input);
        if (!r.WasSuccessful) return Result.Failure<Identifier>(input, r.Message, ["a rule kind such as 'defense'"]);
        if (Kinds.Contains(r.Value.Text)) return r;
        var message = DiagnosticCatalog.UnknownKind(default, r.Value.Text, Kinds).Message;
        return CustomFailure.Create<Identifier>(input, "AR2004", r.Value.Span.Length, message);
    };

    private void BuildTreaties()
    {
        var signed =
            from start in Lexical.Position
            from kw in Keyword("signed")
            from date in _date
            from end in End
            select (TreatyItemSyntax)new SignedSyntax(date, Span(start, end));
        var source =
            from start in Lexical.Position
            from kw in Keyword("source")
            from s in _string
            from end in End
            select (TreatyItemSyntax)new SourceSyntax(s, Span(start, end));
        _member =
            from start in Lexical.Position
            from party in _code
            from intervals in
                (from interval in _interval
                 from frozen in Keyword("frozen").XOptional()
                 select frozen.IsDefined ? interval with { Frozen = true, Span = Span(interval.Span.Start, frozen.Get().Span.End) } : interval)
                .XDelimitedBy(Sym(","))
            from end in End
            select new MemberSyntax(party, intervals.ToList(), Span(start, end));
        var members =
            from start in Lexical.Position
            from kw in Keyword("members")
            from open in Sym("{")
            from list in Block(_member, "the members block", null, [.. TreatyKeywords, .. TopLevelKeywords])
            from end in End
            select (TreatyItemSyntax)new MembersSyntax(list, Span(start, end));
        var assume =
            from start in Lexical.Position
            from kw in Keyword("assume")
            from name in _name
            from eq in Sym("=")
            from period in _period
            from note in _string.XOptional()
            from end in End
            select (TreatyItemSyntax)new AssumeSyntax(name, period, note.GetOrDefault(), Span(start, end));
        var rule =
            from start in Lexical.Position
            from kw in Keyword("rule")
            from id in _name.Named("a rule id such as 'art4'")
            from title in _string
            from open in Sym("{")
            from before in SkipCount
            from items in Block(_ruleItem, $"rule '{id.Text}'", RuleKeywords, [.. TreatyKeywords, .. TopLevelKeywords])
            from skipped in SkippedHere(before)
            from end in End
            select (TreatyItemSyntax)new RuleSyntax(id, title, items, skipped, Span(start, end));
        _treatyItem = signed.Or(source).Or(members).Or(assume).Or(rule);

        _verb =
            from start in Lexical.Position
            from kw in Keyword("verb")
            from name in _name.Named("a verb name such as 'assist'")
            from description in _string.XOptional()
            from cameo in Keyword("cameo").Then(_ => Tok(CameoWord).XDelimitedBy(Sym(","))).XOptional()
            from end in End
            select new VerbDeclarationSyntax(name, description.GetOrDefault(), cameo.GetOrElse([]).ToList(), Span(start, end));
        _vocabulary =
            from start in Lexical.Position
            from kw in Keyword("vocabulary")
            from open in Sym("{")
            from before in SkipCount
            from verbs in Block(_verb, "the vocabulary", ["verb"], [.. TopLevelKeywords, .. TreatyKeywords])
            from skipped in SkippedHere(before)
            from end in End
            select new VocabularySyntax(verbs, skipped, Span(start, end));
        _treaty =
            from start in Lexical.Position
            from kw in Keyword("treaty")
            from code in _code.Named("a treaty code such as 'CST'")
            from title in _string
            from open in Sym("{")
            from before in SkipCount
            from items in Block(_treatyItem, $"treaty '{code.Text}'", TreatyKeywords, TopLevelKeywords)
            from skipped in SkippedHere(before)
            from end in End
            select new TreatySyntax(code, title, items, skipped, Span(start, end));
    }

    /// <summary>A CAMEO code as written: any run of digits; validation checks its length.</summary>
    private static readonly Parser<Identifier> CameoWord = input =>
    {
        var start = input.Position;
        var r = Lexical.Digits(input);
        return r.WasSuccessful
            ? Result.Success(new Identifier(r.Value, TextSpan.FromBounds(start, r.Remainder.Position)), r.Remainder)
            : Result.Failure<Identifier>(input, r.Message, ["a CAMEO code such as '18' or '0232'"]);
    };

    // ---- recovery ------------------------------------------------------------------------------

    /// <summary>
    /// The items of a braced block, after its <c>{</c>. Always succeeds: a broken item is reported
    /// and skipped to the next line that starts an item. <paramref name="keywords"/> null means
    /// every line starts an item (the members block).
    /// </summary>
    private Parser<IReadOnlyList<T>> Block<T>(Parser<T> item, string what, string[]? keywords, string[] enclosing) => input =>
    {
        _depth++;
        try
        {
            return BlockItems(input, item, what, keywords, enclosing);
        }
        finally
        {
            _depth--;
        }
    };

    private IResult<IReadOnlyList<T>> BlockItems<T>(IInput input, Parser<T> item, string what, string[]? keywords, string[] enclosing)
    {
        var items = new List<T>();
        var open = Math.Max(0, input.Position - 1);
        while (true)
        {
            if (input.AtEnd)
            {
                // An unterminated """ string already explains why the file ended inside this block.
                if (!_unterminatedLongString)
                {
                    _diagnostics.Add(DiagnosticCatalog.UnclosedBlock(_file.At(new TextSpan(FindOpenBrace(open), 1)), what, "the end of the file"));
                }
                _skips.Add(_depth);
                return Result.Success<IReadOnlyList<T>>(items, input);
            }
            var next = PeekWord(input);
            if (next is not null && enclosing.Contains(next) && (keywords is null || !keywords.Contains(next)) && IsLineStart(_file.Text, input.Position))
            {
                // A keyword of an enclosing block at the start of a line: this block lost its '}'.
                _diagnostics.Add(DiagnosticCatalog.UnclosedBlock(_file.At(new TextSpan(FindOpenBrace(open), 1)), what, $"'{next}'"));
                _skips.Add(_depth);
                return Result.Success<IReadOnlyList<T>>(items, input);
            }
            if (input.Current == '}')
            {
                _lastTokenEnd = input.Position + 1;
                return Result.Success<IReadOnlyList<T>>(items, Lexical.Trivia(input.Advance()).Remainder);
            }
            var word = PeekWord(input);
            if (keywords is not null && (word is null || !keywords.Contains(word)))
            {
                ReportUnknownItem(input, word, what, keywords);
                input = Recover(input, keywords);
                _skips.Add(_depth);
                continue;
            }
            var result = item(input);
            if (result.WasSuccessful)
            {
                items.Add(result.Value);
                input = result.Remainder;
                continue;
            }
            Report(ParseFailureTranslator.Translate(_file, result, input.Position));
            // A rule whose header is broken declares nothing the treaty's other checks need.
            if (word != "rule") _skips.Add(_depth);
            input = Recover(input, keywords);
        }
    }

    /// <summary>Whether the block just parsed skipped one of its own items (not one of a nested block's).</summary>
    private Parser<bool> SkippedHere(int before) => input =>
        Result.Success(_skips.Skip(before).Any(depth => depth == _depth + 1), input);

    private void Report(Diagnostic diagnostic)
    {
        if (diagnostic.Code == "AR1002" && string.CompareOrdinal(_file.Text, diagnostic.Span.Start, "\"\"\"", 0, 3) == 0) _unterminatedLongString = true;
        _diagnostics.Add(diagnostic);
    }

    private int FindOpenBrace(int position)
    {
        var i = Math.Min(position, _file.Text.Length - 1);
        while (i > 0 && _file.Text[i] != '{') i--;
        return Math.Max(0, i);
    }

    private void ReportUnknownItem(IInput input, string? word, string context, string[] keywords)
    {
        if (word is not null && char.IsAsciiLetter(word[0]))
        {
            var span = new TextSpan(input.Position, word.Length);
            _diagnostics.Add(DiagnosticCatalog.UnknownKeyword(_file.At(span), word, context, keywords));
            return;
        }
        var found = Lexical.Describe(_file.Text, input.Position);
        var expected = Friendly.List(keywords.Select(k => $"'{k}'").Append("'}'"));
        if (context == "a rule file") expected = Friendly.List(keywords.Select(k => $"'{k}'"));
        _diagnostics.Add(DiagnosticCatalog.SyntaxError(_file.At(new TextSpan(input.Position, 1)), found, expected));
    }

    private static string? PeekWord(IInput input)
    {
        var r = Lexical.Word(input);
        return r.WasSuccessful ? r.Value.Text : null;
    }

    /// <summary>
    /// Skips a broken item: braces are matched (strings and comments ignored), and the skip stops
    /// at a line that starts with an item keyword, or before the '}' that closes the enclosing block.
    /// </summary>
    private IInput Recover(IInput from, string[]? keywords)
    {
        var text = _file.Text;
        var i = from.Position;
        var depth = 0;
        var first = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (!first && depth == 0 && IsLineStart(text, i))
            {
                var word = WordAt(text, i);
                if (keywords is null ? word is not null : word is not null && keywords.Contains(word)) break;
                if (TopLevelKeywords.Contains(word ?? string.Empty) && keywords != TopLevelKeywords) break;
            }
            first = false;
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n') i++;
                continue;
            }
            if (c == '"')
            {
                i = SkipString(text, i);
                continue;
            }
            if (c == '{') depth++;
            if (c == '}')
            {
                if (depth == 0) break;
                depth--;
                if (depth == 0)
                {
                    i++;
                    break;
                }
            }
            i++;
        }
        return Lexical.Trivia(((TextInput)from).JumpTo(i)).Remainder;
    }

    private static bool IsLineStart(string text, int i)
    {
        if (char.IsWhiteSpace(text[i])) return false;
        var j = i - 1;
        while (j >= 0 && text[j] is ' ' or '\t') j--;
        return j < 0 || text[j] == '\n';
    }

    private static string? WordAt(string text, int i)
    {
        var j = i;
        while (j < text.Length && Lexical.IsWordPart(text[j])) j++;
        return j > i && Lexical.IsWordStart(text[i]) ? text[i..j] : null;
    }

    private static int SkipString(string text, int i)
    {
        if (string.CompareOrdinal(text, i, "\"\"\"", 0, 3) == 0)
        {
            var close = text.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
            return close < 0 ? text.Length : close + 3;
        }
        i++;
        while (i < text.Length && text[i] != '"' && text[i] != '\n')
        {
            i += text[i] == '\\' ? 2 : 1;
        }
        return Math.Min(text.Length, i + 1);
    }

    private static TermSyntax TermOf(Identifier word) =>
        word.Text == "_" ? new WildcardTermSyntax(word.Span)
        : word.Text[0] == '$' ? new VariableTermSyntax(word.Text[1..], word.Span)
        : new CodeTermSyntax(word.Text, word.Span);

    private static PeriodUnit UnitOf(string unit) => unit.TrimEnd('s') switch
    {
        "day" => PeriodUnit.Day,
        "week" => PeriodUnit.Week,
        "month" => PeriodUnit.Month,
        _ => PeriodUnit.Year,
    };
}
