using AllianceRules.Syntax;
using Sprache;
using static AllianceRules.Parsing.BlockGrammar;
using static AllianceRules.Parsing.TokenGrammar;

namespace AllianceRules.Parsing;

/// <summary>A treaty block and its items: 'signed', 'source', 'members', 'assume', 'reading', 'rule'.</summary>
internal static class TreatyItemsGrammar
{
    /// <summary>What ends an item block inside a treaty when its '}' is lost.</summary>
    private static readonly string[] InsideTreaty = [.. Keywords.TreatyItems, .. Keywords.TopLevel];

    private static readonly Parser<TreatyItemSyntax> Signed = Item("signed", Date, (date, span) => (TreatyItemSyntax)new SignedSyntax(date, span));

    private static readonly Parser<TreatyItemSyntax> SourceItem = Item("source", Quoted, (s, span) => (TreatyItemSyntax)new SourceSyntax(s, span));

    private static readonly Parser<IntervalSyntax> MemberInterval =
        from interval in PeriodGrammar.Interval
        from frozen in Keyword("frozen").XOptional()
        from gate in ConditionGrammar.Gate.XOptional()
        from end in End
        select interval with { Frozen = frozen.IsDefined, Gate = gate.GetOrDefault(), Span = Span(interval.Span.Start, end) };

    private static readonly Parser<MemberSyntax> Member = Spanned(
        from party in Code
        from intervals in MemberInterval.XDelimitedBy(Sym(","))
        select (party, intervals),
        (b, span) => new MemberSyntax(b.party, b.intervals.ToList(), span));

    private static readonly Parser<TreatyItemSyntax> Members = Item("members",
        Sym("{").Then(_ => Block(Member, "the members block", null, InsideTreaty)),
        (list, span) => (TreatyItemSyntax)new MembersSyntax(list, span));

    private static readonly Parser<TreatyItemSyntax> Assume = Item("assume",
        from name in Name
        from eq in Sym("=")
        from period in PeriodGrammar.Period
        from note in Quoted.XOptional()
        from gate in ConditionGrammar.Gate.XOptional()
        select (name, period, note, gate),
        (b, span) => (TreatyItemSyntax)new AssumeSyntax(b.name, b.period, b.note.GetOrDefault(), span, b.gate.GetOrDefault()));

    private static readonly Parser<ReadingOptionSyntax> ReadingOption = Spanned(
        from name in Name.Named("an option such as 'state'")
        from description in Quoted.Named("the option's description in quotes")
        select (name, description),
        (b, span) => new ReadingOptionSyntax(b.name, b.description, span));

    private static readonly Parser<TreatyItemSyntax> Reading = Item("reading",
        from name in Name.Named("a reading name such as 'aggressor'")
        from title in Quoted
        from open in Sym("{")
        from options in Block(ReadingOption, $"reading '{name.Text}'", null, InsideTreaty)
        select (name, title, options),
        (b, span) => (TreatyItemSyntax)new ReadingSyntax(b.name, b.title, b.options, span));

    private static readonly Parser<TreatyItemSyntax> Rule = Item("rule",
        from id in Name.Named("a rule id such as 'art4'")
        from title in Quoted
        from open in Sym("{")
        from before in SkipCount
        from items in Block(RuleItemsGrammar.RuleItem, $"rule '{id.Text}'", Keywords.RuleItems, InsideTreaty)
        from skipped in SkippedHere(before)
        select (id, title, items, skipped),
        (b, span) => (TreatyItemSyntax)new RuleSyntax(b.id, b.title, b.items, b.skipped, span));

    private static readonly Parser<TreatyItemSyntax> TreatyItem = Signed.Or(SourceItem).Or(Members).Or(Assume).Or(Reading).Or(Rule);

    public static readonly Parser<TreatySyntax> Treaty = Item("treaty",
        from code in Code.Named("a treaty code such as 'CST'")
        from title in Quoted
        from open in Sym("{")
        from before in SkipCount
        from items in Block(TreatyItem, $"treaty '{code.Text}'", Keywords.TreatyItems, Keywords.TopLevel)
        from skipped in SkippedHere(before)
        select (code, title, items, skipped),
        (b, span) => new TreatySyntax(b.code, b.title, b.items, b.skipped, span));
}
