using AllianceRules.Diagnostics;
using AllianceRules.Syntax;
using AllianceRules.Text;
using Sprache;
using static AllianceRules.Parsing.BlockGrammar;

namespace AllianceRules.Parsing;

/// <summary>
/// The grammar of <c>.treaty</c> files (language.md §3): the file level, which reads vocabularies
/// and treaties and skips what is neither. The item grammars are static and shared; all that one
/// parse writes lives in its <see cref="ParseContext"/>, so files may be parsed in parallel.
/// Block bodies are parsed item by item and a broken item is reported and skipped, so one run
/// reports every error. Everything here succeeds or fails without throwing.
/// </summary>
internal static class TreatyGrammar
{
    /// <inheritdoc cref="ConditionGrammar.MaxNesting"/>
    internal const int MaxConditionNesting = ConditionGrammar.MaxNesting;

    /// <inheritdoc cref="ConditionGrammar.MaxParts"/>
    internal const int MaxConditionParts = ConditionGrammar.MaxParts;

    public static RuleFileSyntax ParseFile(SourceFile file, DiagnosticBag diagnostics)
    {
        var context = new ParseContext(file, diagnostics);
        var vocabularies = new List<VocabularySyntax>();
        var treaties = new List<TreatySyntax>();
        var input = Lexical.Trivia(new TextInput(file.Text, 0, file.Text.Length, context)).Remainder;
        var errorsBefore = diagnostics.Count;
        var recovered = false;
        while (!input.AtEnd)
        {
            if (input.Current == '}')
            {
                diagnostics.Add(DiagnosticCatalog.UnexpectedClosingBrace(file.At(new TextSpan(input.Position, 1))));
                input = Lexical.Trivia(input.Advance()).Remainder;
                continue;
            }
            var word = PeekWord(input);
            if (word is not ("vocabulary" or "treaty"))
            {
                ReportUnknownItem(context, input, word, "a rule file", Keywords.TopLevel);
                input = Recover(input, Keywords.TopLevel);
                recovered = true;
                continue;
            }
            input = word == "vocabulary"
                ? ParseItem(context, input, VocabularyGrammar.Vocabulary, vocabularies, ref recovered)
                : ParseItem(context, input, TreatyItemsGrammar.Treaty, treaties, ref recovered);
        }
        return new RuleFileSyntax(file, vocabularies, treaties, recovered || diagnostics.Count > errorsBefore && context.UnterminatedLongString);
    }

    /// <summary>One top-level item into <paramref name="into"/>, or its error reported and the item skipped.</summary>
    private static IInput ParseItem<T>(ParseContext context, IInput input, Parser<T> parser, List<T> into, ref bool recovered)
    {
        var result = parser(input);
        if (result.WasSuccessful)
        {
            into.Add(result.Value);
            return result.Remainder;
        }
        context.Report(ParseFailureTranslator.Translate(context.File, result, input.Position));
        recovered = true;
        return Recover(input, Keywords.TopLevel);
    }
}
