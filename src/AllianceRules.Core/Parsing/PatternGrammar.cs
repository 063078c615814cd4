using AllianceRules.Syntax;
using AllianceRules.Text;
using Sprache;
using static AllianceRules.Parsing.TokenGrammar;

namespace AllianceRules.Parsing;

/// <summary>Event patterns ('$a attack RUS [territory=@territory, level in [high, deputy], body=_]') and their attribute lists.</summary>
internal static class PatternGrammar
{
    private static readonly Parser<string> Value =
        Quoted.Select(s => s.Value)
        .Or(Tok(Lexical.Digits))
        .Or(Tok(Lexical.Word.Where(w => Lexical.IsCode(w.Text) || Lexical.IsName(w.Text)).Select(w => w.Text)))
        .Named("a value: a string, a code, a name or a number");

    /// <summary>A value of an <c>in [...]</c> list; '@name' is read so that validation can refuse it where it was written (AR3036).</summary>
    private static readonly Parser<AttributeValueSyntax> ListValue =
        AttributeTerm.Select(a => new AttributeValueSyntax(a.Name, true, a.Span))
        .Or(Spanned(Value, (v, span) => new AttributeValueSyntax(v, false, span)))
        .Named("a value: a string, a code, a name or a number");

    /// <summary>What follows 'name': '=' and a value, '@name' or '_', or 'in [v, ...]'; given the name and the start.</summary>
    private static readonly Parser<Func<Identifier, TextSpan, AttributeTestSyntax>> Test =
        (from eq in Sym("=")
         // '@name' as a value is the trigger's attribute, written as in conditions; '_' is any value.
         from v in AttributeTerm.Select(a => (Text: a.Name, FromTrigger: true, Any: false))
             .Or(Tok(Lexical.Word.Where(w => w.Text == "_")).Select(_ => (Text: "_", FromTrigger: false, Any: true)))
             .Or(Value.Select(v => (Text: v, FromTrigger: false, Any: false)))
             .Named("a value (a string, a code, a name or a number), '@name' or '_'")
         select (Func<Identifier, TextSpan, AttributeTestSyntax>)((name, span) => v.Any
             ? new AttributePresentSyntax(name, span)
             : new AttributeSyntax(name, v.Text, span, v.FromTrigger)))
        .Or(from inKw in Keyword("in")
            from open in Sym("[")
            from values in ListValue.XDelimitedBy(Sym(","))
            from close in Sym("]")
            select (Func<Identifier, TextSpan, AttributeTestSyntax>)((name, span) => new AttributeInSyntax(name, values.ToList(), span)))
        .Named("'=' or 'in'");

    private static readonly Parser<AttributeTestSyntax> Attribute = Spanned(
        from name in Name
        from test in Test
        select (name, test),
        (b, span) => b.test(b.name, span));

    public static readonly Parser<IReadOnlyList<AttributeTestSyntax>> Attributes =
        (from open in Sym("[")
         from list in Attribute.XDelimitedBy(Sym(","))
         from close in Sym("]")
         select (IReadOnlyList<AttributeTestSyntax>)list.ToList())
        .XOptional().Select(o => o.GetOrElse([]));

    public static readonly Parser<PatternSyntax> Pattern = Spanned(
        from actor in Term
        from verb in Name.Named("a verb")
        from target in Term
        from attrs in Attributes
        select (actor, verb, target, attrs),
        (b, span) => new PatternSyntax(b.actor, b.verb, b.target, b.attrs, span));
}
