using AllianceRules.Syntax;
using Sprache;
using static AllianceRules.Parsing.TokenGrammar;

namespace AllianceRules.Parsing;

/// <summary>Event patterns ('$a attack RUS [territory=@territory]') and their attribute lists.</summary>
internal static class PatternGrammar
{
    private static readonly Parser<string> Value =
        Quoted.Select(s => s.Value)
        .Or(Tok(Lexical.Digits))
        .Or(Tok(Lexical.Word.Where(w => Lexical.IsCode(w.Text) || Lexical.IsName(w.Text)).Select(w => w.Text)))
        .Named("a value: a string, a code, a name or a number");

    private static readonly Parser<AttributeSyntax> Attribute = Spanned(
        from name in Name
        from eq in Sym("=")
        // '@name' as a value is the trigger's attribute, written as in conditions.
        from v in AttributeTerm.Select(a => (Text: a.Name, FromTrigger: true)).Or(Value.Select(v => (Text: v, FromTrigger: false)))
        select (name, v),
        (b, span) => new AttributeSyntax(b.name, b.v.Text, span, b.v.FromTrigger));

    public static readonly Parser<IReadOnlyList<AttributeSyntax>> Attributes =
        (from open in Sym("[")
         from list in Attribute.XDelimitedBy(Sym(","))
         from close in Sym("]")
         select (IReadOnlyList<AttributeSyntax>)list.ToList())
        .XOptional().Select(o => o.GetOrElse([]));

    public static readonly Parser<PatternSyntax> Pattern = Spanned(
        from actor in Term
        from verb in Name.Named("a verb")
        from target in Term
        from attrs in Attributes
        select (actor, verb, target, attrs),
        (b, span) => new PatternSyntax(b.actor, b.verb, b.target, b.attrs, span));
}
