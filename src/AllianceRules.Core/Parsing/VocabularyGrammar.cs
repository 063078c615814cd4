using AllianceRules.Syntax;
using AllianceRules.Text;
using Sprache;
using static AllianceRules.Parsing.BlockGrammar;
using static AllianceRules.Parsing.TokenGrammar;

namespace AllianceRules.Parsing;

/// <summary>A vocabulary block and its 'verb' declarations.</summary>
internal static class VocabularyGrammar
{
    /// <summary>What ends the vocabulary block when its '}' is lost.</summary>
    private static readonly string[] Enclosing = [.. Keywords.TopLevel, .. Keywords.TreatyItems];

    /// <summary>A CAMEO code as written: any run of digits; validation checks its length.</summary>
    private static readonly Parser<Identifier> CameoWord = input =>
    {
        var start = input.Position;
        var r = Lexical.Digits(input);
        return r.WasSuccessful
            ? Result.Success(new Identifier(r.Value, TextSpan.FromBounds(start, r.Remainder.Position)), r.Remainder)
            : Result.Failure<Identifier>(input, r.Message, ["a CAMEO code such as '18' or '0232'"]);
    };

    private static readonly Parser<VerbDeclarationSyntax> Verb = Item("verb",
        from name in Name.Named("a verb name such as 'assist'")
        from description in Quoted.XOptional()
        from cameo in Keyword("cameo").Then(_ => Tok(CameoWord).XDelimitedBy(Sym(","))).XOptional()
        select (name, description, cameo),
        (b, span) => new VerbDeclarationSyntax(b.name, b.description.GetOrDefault(), b.cameo.GetOrElse([]).ToList(), span));

    public static readonly Parser<VocabularySyntax> Vocabulary = Item("vocabulary",
        from open in Sym("{")
        from before in SkipCount
        from verbs in Block(Verb, "the vocabulary", Keywords.VocabularyItems, Enclosing)
        from skipped in SkippedHere(before)
        select (verbs, skipped),
        (b, span) => new VocabularySyntax(b.verbs, b.skipped, span));
}
