using AllianceRules.Syntax;
using AllianceRules.Text;
using Sprache;

namespace AllianceRules.Parsing;

/// <summary>
/// The tokens of the treaty grammar (each followed by trivia) and the shape every item shares:
/// start, keyword, body, end of its last token, span.
/// </summary>
internal static class TokenGrammar
{
    /// <summary>A token followed by trivia; remembers where the token itself ended, for spans.</summary>
    public static Parser<T> Tok<T>(Parser<T> parser) => input =>
    {
        var r = parser(input);
        if (!r.WasSuccessful) return r;
        ParseContext.Of(input).LastTokenEnd = r.Remainder.Position;
        return Result.Success(r.Value, Lexical.Trivia(r.Remainder).Remainder);
    };

    /// <summary>Where the last token ended, as a parser that consumes nothing.</summary>
    public static readonly Parser<int> End = input => Result.Success(ParseContext.Of(input).LastTokenEnd, input);

    /// <summary>The whole text being parsed, as a parser that consumes nothing.</summary>
    public static readonly Parser<string> Source = input => Result.Success(((TextInput)input).Source, input);

    public static Parser<Identifier> Keyword(string keyword) =>
        Tok(Lexical.Word.Where(w => w.Text == keyword).Named($"'{keyword}'"));

    public static Parser<string> Sym(string symbol) => Tok(Lexical.Symbol(symbol));

    public static TextSpan Span(int start, int end) => TextSpan.FromBounds(start, Math.Max(start, end));

    /// <summary><paramref name="body"/>, given the span from its start to the end of its last token.</summary>
    public static Parser<T> Spanned<TBody, T>(Parser<TBody> body, Func<TBody, TextSpan, T> make) =>
        from start in Lexical.Position
        from value in body
        from end in End
        select make(value, Span(start, end));

    /// <summary>An item: <paramref name="keyword"/>, then <paramref name="body"/>, spanning both.</summary>
    public static Parser<T> Item<TBody, T>(string keyword, Parser<TBody> body, Func<TBody, TextSpan, T> make) =>
        Spanned(Keyword(keyword).Then(_ => body), make);

    public static readonly Parser<Identifier> Code = Tok(Lexical.Word.Where(w => Lexical.IsCode(w.Text)).Named("a code such as 'RUS'"));

    public static readonly Parser<Identifier> Name = Tok(Lexical.Word.Where(w => Lexical.IsName(w.Text)).Named("a lower-case name"));

    public static readonly Parser<VariableTermSyntax> Variable =
        Tok(Lexical.Word.Where(w => Lexical.IsVariable(w.Text)).Named("a variable such as '$victim'"))
            .Select(w => new VariableTermSyntax(w.Text[1..], w.Span));

    public static readonly Parser<TermSyntax> Term = Tok(Lexical.Word
        .Where(w => w.Text == "_" || Lexical.IsVariable(w.Text) || Lexical.IsCode(w.Text))
        .Named("a party code such as 'RUS', a variable such as '$victim', or '_'")
        .Select(TermOf));

    public static readonly Parser<AttributeTermSyntax> AttributeTerm = Tok(
        from at in Lexical.Symbol("@")
        from name in Lexical.Word.Where(w => Lexical.IsName(w.Text)).Named("an attribute name such as 'territory'")
        select new AttributeTermSyntax(name.Text, TextSpan.FromBounds(name.Span.Start - 1, name.Span.End)));

    public static readonly Parser<TermSyntax> ConditionTerm = AttributeTerm.Select(a => (TermSyntax)a).Or(Term)
        .Named("a party code such as 'RUS', a variable such as '$victim', an attribute such as '@territory', or '_'");

    public static readonly Parser<StringLiteral> Quoted = Tok(Lexical.String);

    public static readonly Parser<DateSyntax> Date = Tok(Lexical.Date);

    private static TermSyntax TermOf(Identifier word) =>
        word.Text == "_" ? new WildcardTermSyntax(word.Span)
        : word.Text[0] == '$' ? new VariableTermSyntax(word.Text[1..], word.Span)
        : new CodeTermSyntax(word.Text, word.Span);
}
