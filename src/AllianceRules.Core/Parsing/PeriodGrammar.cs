using AllianceRules.Text;
using AllianceRules.Syntax;
using Sprache;
using static AllianceRules.Parsing.TokenGrammar;

namespace AllianceRules.Parsing;

/// <summary>Periods ('30 days'), intervals ('2000-01-01..') and the windows of obligations and conditions.</summary>
internal static class PeriodGrammar
{
    private static readonly Parser<Identifier> Unit =
        Tok(Lexical.Word.Where(w => PeriodWords.Of(w.Text) is not null).Named("a unit: days, weeks, months or years"));

    public static readonly Parser<PeriodSyntax> Period =
        from start in Lexical.Position
        from amountText in Tok(Lexical.Integer.Named("a period such as '30 days'"))
        from u in Unit
        from end in End
        from text in Source
        select new PeriodSyntax(amountText, PeriodWords.Of(u.Text)!.Value, text[start..end], Span(start, end));

    public static readonly Parser<IntervalSyntax> Interval = Spanned(
        from from_ in Date
        from dots in Sym("..")
        from to in Date.XOptional()
        select (from_, to),
        (b, span) => new IntervalSyntax(b.from_, b.to.GetOrDefault(), span));

    public static readonly Parser<WindowSyntax> Window =
        Period.Select(period => (WindowSyntax)new PeriodWindowSyntax(period, period.Span))
        .Or(Name.Select(n => (WindowSyntax)new NamedWindowSyntax(n, n.Span)))
        .Named("a period such as '30 days' or the name of an 'assume'");

}
