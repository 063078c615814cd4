using AllianceRules.Syntax;
using Sprache;
using static AllianceRules.Parsing.TokenGrammar;

namespace AllianceRules.Parsing;

/// <summary>Conditions ('where', 'unless'): 'or' of 'and' of 'not', parentheses, 'there was' and term tests.</summary>
internal static class ConditionGrammar
{
    /// <summary>
    /// The parser and every pass over a condition recurse, so 10,000 nested parentheses or 100,000
    /// 'or's once overflowed the stack and killed the process (bad-input corpus, issue #8). These
    /// bounds turn such a condition into an error; no real treaty comes near them.
    /// </summary>
    public const int MaxNesting = 100;

    /// <inheritdoc cref="MaxNesting"/>
    public const int MaxParts = 1000;

    /// <summary><c>reading NAME is [not] OPTION</c>: a condition atom, and the gate of a member interval or an assumption.</summary>
    public static readonly Parser<ReadingTestSyntax> ReadingTest = Spanned(
        from kw in Keyword("reading")
        from name in Name.Named("the name of a 'reading'")
        from isKw in Keyword("is")
        from not in Keyword("not").XOptional()
        from option in Name.Named("an option of the reading")
        select (name, not, option),
        (b, span) => new ReadingTestSyntax(b.name, b.not.IsDefined, b.option, span));

    /// <summary><c>if reading NAME is [not] OPTION</c> after a member interval or an assumption.</summary>
    public static readonly Parser<ReadingTestSyntax> Gate = Keyword("if").Then(_ => ReadingTest);

    /// <summary>A condition as written, of any size.</summary>
    public static readonly Parser<ConditionSyntax> Condition = BuildCondition();

    /// <summary>A whole condition ('where', 'unless'), refused when it has more than <see cref="MaxParts"/> parts.</summary>
    public static readonly Parser<ConditionSyntax> Bounded = input =>
    {
        var result = Condition(input);
        if (!result.WasSuccessful || Parts(result.Value) is var parts && parts <= MaxParts) return result;
        return CustomFailure.Create<ConditionSyntax>(result.Remainder, result.Value.Span.Start, "AR2001", 1,
            $"this condition joins {parts} conditions with 'and' and 'or', more than {MaxParts}; split the rule, or list values with 'in [...]'");
    };

    /// <summary>What follows a term: a test of it, given the term and the span of the whole.</summary>
    private delegate ConditionSyntax TermTest(TermSyntax term, int start, int end);

    private static Parser<ConditionSyntax> BuildCondition()
    {
        var membership =
            from isKw in Keyword("is")
            from not in Keyword("not").XOptional()
            from which in Keyword("member").Or(Keyword("frozen"))
            from of in (from o in Keyword("of") from code in Code select code).XOptional()
            select (TermTest)((t, s, e) => new MembershipConditionSyntax(t, not.IsDefined, of.GetOrDefault(), Span(s, e), which.Text == "frozen"));
        var equality =
            from op in Sym("!=").Or(Sym("="))
            from right in ConditionTerm
            select (TermTest)((t, s, e) => new EqualityConditionSyntax(t, right, op == "!=", Span(s, e)));
        var inList =
            from not in Keyword("not").XOptional()
            from inKw in Keyword("in")
            from open in Sym("[")
            from items in ConditionTerm.XDelimitedBy(Sym(","))
            from close in Sym("]")
            select (TermTest)((t, s, e) => new InConditionSyntax(t, not.IsDefined, items.ToList(), Span(s, e)));
        var termAtom =
            from start in Lexical.Position
            from term in ConditionTerm
            from rest in membership.Or(equality).Or(inList)
                .Named("'is member', '=', '!=' or 'in'")
            from end in End
            select rest(term, start, end);
        var thereWas = Spanned(
            from there in Keyword("there")
            from was in Keyword("was")
            from pattern in PatternGrammar.Pattern
            from within in Keyword("within")
            from window in PeriodGrammar.Window
            from strictly in Keyword("strictly").XOptional()
            from before in Keyword("before")
            select (pattern, window, strictly),
            (b, span) => (ConditionSyntax)new ThereWasConditionSyntax(b.pattern, b.window, b.strictly.IsDefined, span));
        Parser<ConditionSyntax>? condition = null;
        Parser<ConditionSyntax>? unary = null;
        var parenthesised = Nested(
            from open in Sym("(")
            from inner in Parse.Ref(() => condition!)
            from close in Sym(")")
            select inner);
        var not_ = Nested(Item("not", Parse.Ref(() => unary!), (operand, span) => (ConditionSyntax)new NotConditionSyntax(operand, span)));
        var reading = ReadingTest.Select(t => (ConditionSyntax)new ReadingConditionSyntax(t, t.Span));
        unary = not_.Or(parenthesised).Or(thereWas).Or(reading).Or(termAtom)
            .Named("a condition");
        var conjunction =
            from start in Lexical.Position
            from first in unary
            from rest in Keyword("and").Then(_ => unary).XMany()
            from end in End
            select rest.Aggregate(first, (l, r) => new AndConditionSyntax(l, r, Span(start, r.Span.End)));
        condition =
            from start in Lexical.Position
            from first in conjunction
            from rest in Keyword("or").Then(_ => conjunction).XMany()
            select rest.Aggregate(first, (l, r) => new OrConditionSyntax(l, r, Span(start, r.Span.End)));
        return condition;
    }

    /// <summary>A parenthesis or 'not': one level deeper, and an error past <see cref="MaxNesting"/>.</summary>
    private static Parser<ConditionSyntax> Nested(Parser<ConditionSyntax> parser) => input =>
    {
        var context = ParseContext.Of(input);
        if (context.ConditionNesting >= MaxNesting)
        {
            // Reported past its position, so that no alternative's "expected" replaces it.
            return CustomFailure.Create<ConditionSyntax>(input.AtEnd ? input : input.Advance(), input.Position, "AR2001", 1,
                $"this condition nests more than {MaxNesting} parentheses and 'not's deep; write it more simply");
        }
        context.ConditionNesting++;
        try
        {
            return parser(input);
        }
        finally
        {
            context.ConditionNesting--;
        }
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
}
