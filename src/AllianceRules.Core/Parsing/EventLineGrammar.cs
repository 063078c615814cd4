using AllianceRules.Syntax;
using AllianceRules.Text;
using Sprache;

namespace AllianceRules.Parsing;

/// <summary>The grammar of one <c>.events</c> line (language.md §4).</summary>
internal static class EventLineGrammar
{
    private static Parser<T> Tok<T>(Parser<T> parser) => Lexical.LineToken(parser);

    private static Parser<Identifier> Keyword(string keyword) => Lexical.LineKeyword(keyword);

    private static readonly Parser<Identifier> Code =
        Tok(Lexical.Word.Where(w => Lexical.IsCode(w.Text)).Named("a party code such as 'RUS'"));

    private static readonly Parser<Identifier> Name =
        Tok(Lexical.Word.Where(w => Lexical.IsName(w.Text)).Named("a lower-case name"));

    private static readonly Parser<string> Value =
        Tok(Lexical.String).Select(s => s.Value)
        .Or(Tok(Lexical.Digits))
        .Or(Tok(Lexical.Word.Where(w => Lexical.IsCode(w.Text) || Lexical.IsName(w.Text)).Select(w => w.Text)))
        .Named("a value: a quoted string, a code, a name or a number");

    private static readonly Parser<AttributeSyntax> Attribute =
        from name in Tok(Lexical.Word.Where(w => Lexical.IsName(w.Text)).Named("an attribute such as article=\"4\""))
        from eq in Tok(Lexical.Symbol("="))
        from value in Value
        select new AttributeSyntax(name, value, TextSpan.FromBounds(name.Span.Start, name.Span.End));

    private static readonly Parser<HistoryLineSyntax> AsOf =
        from start in Lexical.Position
        from a in Keyword("as")
        from of in Keyword("of")
        from date in Tok(Lexical.Date)
        select (HistoryLineSyntax)new AsOfSyntax(date, 0, TextSpan.FromBounds(start, date.Span.End));

    private static readonly Parser<HistoryLineSyntax> Observed =
        from start in Lexical.Position
        from kw in Keyword("observed")
        from from_ in Tok(Lexical.Date)
        from dots in Lexical.Symbol("..")
        from dotsEnd in Lexical.Position
        from trivia in Lexical.Trivia
        from to in Tok(Lexical.Date).XOptional()
        let end = to.IsDefined ? to.Get().Span.End : dotsEnd
        select (HistoryLineSyntax)new ObservedSyntax(new IntervalSyntax(from_, to.GetOrDefault(), TextSpan.FromBounds(from_.Span.Start, end)), 0, TextSpan.FromBounds(start, end));

    /// <summary>The <c>.. [END]</c> of an interval event (language.md §5.5).</summary>
    private static readonly Parser<EventEndSyntax> Until =
        from start in Lexical.Position
        from dots in Lexical.Symbol("..")
        from dotsEnd in Lexical.Position
        from trivia in Lexical.Trivia
        from end in Tok(Lexical.Date).XOptional()
        select new EventEndSyntax(end.GetOrDefault(), TextSpan.FromBounds(start, end.IsDefined ? end.Get().Span.End : dotsEnd));

    private static readonly Parser<HistoryLineSyntax> Event =
        from start in Lexical.Position
        from date in Tok(Lexical.Date)
        from until in Until.XOptional()
        from actor in Code.Named("the actor, a party code such as 'AZE'")
        from verb in Name.Named("a verb such as 'attack'")
        from target in Code.Named("the target, a party code such as 'ARM'")
        from attrs in Attribute.XMany()
        from description in Tok(Lexical.String).XOptional()
        select (HistoryLineSyntax)new EventLineSyntax(date, actor, verb, target, attrs.ToList(), description.GetOrDefault(),
            string.Empty, 0, TextSpan.FromBounds(start, date.Span.End), until.GetOrDefault());

    private static readonly Parser<HistoryLineSyntax> Line =
        from line in AsOf.Or(Observed).Or(Event)
        from end in Parse.Return<int>(0).End()
            .Named("end of line (a description goes last, in quotes)")
        select line;

    /// <summary>Parses the line <c>[start, end)</c> of <paramref name="text"/>; null with a failure when it is broken.</summary>
    public static IResult<HistoryLineSyntax> ParseLine(string text, int start, int end) =>
        Line(new TextInput(text, start, end));
}
