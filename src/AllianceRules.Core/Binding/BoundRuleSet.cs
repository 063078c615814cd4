using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.Binding;

/// <summary>The parsed rule files with their symbol tables: what validation and lowering read.</summary>
public sealed record BoundRuleSet(IReadOnlyList<RuleFileSyntax> Files, SymbolTable Symbols)
{
    public IEnumerable<BoundTreaty> Treaties =>
        Files.SelectMany(f => f.Treaties.Select(t => new BoundTreaty(t, f.File, Symbols)));

    public IEnumerable<(VocabularySyntax Vocabulary, SourceFile File)> Vocabularies =>
        Files.SelectMany(f => f.Vocabularies.Select(v => (v, f.File)));
}

/// <summary>A treaty as written, with the file it is in.</summary>
public sealed record BoundTreaty(TreatySyntax Syntax, SourceFile File, SymbolTable Symbols)
{
    public string Code => Syntax.Code.Text;

    public IEnumerable<T> Items<T>() where T : TreatyItemSyntax => Syntax.Items.OfType<T>();

    public IEnumerable<BoundRule> Rules => Items<RuleSyntax>().Select(r => new BoundRule(r, this, RuleScope.For(r)));

    /// <summary>The <c>if reading ...</c> of the member intervals, the assumptions and the rules.</summary>
    internal IEnumerable<ReadingTestSyntax> ReadingGates() =>
        Items<MembersSyntax>().SelectMany(m => m.Members).SelectMany(m => m.Intervals).Select(i => i.Gate)
            .Concat(Items<AssumeSyntax>().Select(a => a.Gate))
            .Concat(Items<RuleSyntax>().SelectMany(r => r.Items.OfType<RuleGateSyntax>()).Select(g => g.Test))
            .OfType<ReadingTestSyntax>();

    public SourceRef At(SyntaxNode node) => File.At(node.Span);
}

/// <summary>A rule as written, with its treaty and the scope of its variables.</summary>
public sealed record BoundRule(RuleSyntax Syntax, BoundTreaty Treaty, RuleScope Scope)
{
    public string Id => Syntax.Id.Text;

    public IEnumerable<T> Items<T>() where T : RuleItemSyntax => Syntax.Items.OfType<T>();

    public SourceRef At(SyntaxNode node) => Treaty.File.At(node.Span);
}
