using AllianceRules.Parsing;
using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.Binding;

/// <summary>
/// The names a rule test (<c>.test</c>) writes, read from its syntax: the rule ids, treaty and
/// party codes of its expectations, the names its <c>assume</c> and <c>reading</c> lines set, and
/// the actors, verbs and targets of its inline histories. Tests set assumptions and readings by
/// name alone, so those occurrences belong to every treaty's name.
/// </summary>
public static class TestSymbols
{
    /// <summary>Every place the test file names what <paramref name="symbol"/> names.</summary>
    public static IEnumerable<SymbolReference> Occurrences(SourceFile file, SymbolReference symbol)
    {
        var (syntax, _) = TestFileParser.Parse(file);
        return syntax.Tests.SelectMany(test => Names(file, test)).Where(s => s.Kind == symbol.Kind && s.Name == symbol.Name && (s.Treaty is null || s.Treaty == symbol.Treaty));
    }

    private static IEnumerable<SymbolReference> Names(SourceFile file, RuleTestSyntax test)
    {
        foreach (var a in test.Assumptions) yield return new SymbolReference(SymbolKind.Assumption, a.Name.Text, null, a.Name.Span);
        foreach (var r in test.Readings) yield return new SymbolReference(SymbolKind.Reading, r.Name.Text, null, r.Name.Span);
        foreach (var e in test.Expectations)
        {
            if (e.RuleName is { } rule && rule.Text.Split('.', 2) is [var treaty, var id])
            {
                yield return new SymbolReference(SymbolKind.Treaty, treaty, null, new TextSpan(rule.Span.Start, treaty.Length));
                yield return new SymbolReference(SymbolKind.Rule, id, treaty, new TextSpan(rule.Span.Start + treaty.Length + 1, id.Length));
            }
            if (e.TreatyName is { } code) yield return new SymbolReference(SymbolKind.Treaty, code.Text, null, code.Span);
            if (e.PartyName is { } party) yield return new SymbolReference(SymbolKind.Party, party.Text, null, party.Span);
        }
        if (test.InlineHistory is not { } inline) yield break;
        // The inline history keeps the test file's lines and columns, not its offsets.
        foreach (var name in HistorySymbols.All(inline))
        {
            var at = inline.GetPosition(name.Span.Start);
            yield return name with { Span = new TextSpan(file.LineStart(at.Line) + at.Column - 1, name.Span.Length) };
        }
    }
}
