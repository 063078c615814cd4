using AllianceRules.Diagnostics;
using AllianceRules.History;
using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.Binding;

/// <summary>
/// The names an event history writes, read from its lines' syntax (<see cref="HistorySyntax"/>):
/// each event's actor and target (party codes) and its verb. In <c>.jsonl</c> the name is the text
/// inside the quotes when it is written plainly, else the whole quoted value. Histories declare
/// nothing, and name no treaty, rule, reading or assumption.
/// </summary>
public static class HistorySymbols
{
    /// <summary>The name under <paramref name="offset"/>, reading only the line that holds it; null off an event's actor, verb or target.</summary>
    public static SymbolReference? Find(SourceFile history, int offset)
    {
        var line = history.GetPosition(offset).Line;
        return HistorySyntax.ReadLine(history, line, new DiagnosticBag()) is { } syntax
            ? Names(history, syntax).FirstOrDefault(s => offset >= s.Span.Start && offset <= s.Span.End)
            : null;
    }

    /// <summary>Every name the history's event lines write, line by line; lines that do not parse give none.</summary>
    public static IReadOnlyList<SymbolReference> All(SourceFile history) =>
        [.. HistorySyntax.Read(history, new DiagnosticBag()).SelectMany(line => Names(history, line))];

    /// <summary>Every place the history names what <paramref name="symbol"/> names.</summary>
    public static IEnumerable<SymbolReference> Occurrences(SourceFile history, SymbolReference symbol) =>
        symbol.Kind is SymbolKind.Verb or SymbolKind.Party ? All(history).Where(symbol.Names) : [];

    private static IEnumerable<SymbolReference> Names(SourceFile history, HistoryLineSyntax line)
    {
        switch (line)
        {
            case EventLineSyntax e:
                yield return Name(history, SymbolKind.Party, e.Actor);
                yield return Name(history, SymbolKind.Verb, e.Verb);
                yield return Name(history, SymbolKind.Party, e.Target);
                break;
            case CodedEventSyntax { Event: var e }:
                // The verb of coded data comes from its CAMEO code: it is not written.
                yield return Name(history, SymbolKind.Party, e.Actor);
                yield return Name(history, SymbolKind.Party, e.Target);
                break;
        }
    }

    private static SymbolReference Name(SourceFile history, SymbolKind kind, Identifier name)
    {
        var span = name.Span;
        // A JSON string's span covers its quotes; the name is what lies between them when written without escapes.
        if (span.Length == name.Text.Length + 2 && span.End <= history.Text.Length && history.Text[span.Start] == '"'
            && history.Text.AsSpan(span.Start + 1, name.Text.Length).SequenceEqual(name.Text))
        {
            span = new TextSpan(span.Start + 1, name.Text.Length);
        }
        return new SymbolReference(kind, name.Text, null, span);
    }
}
