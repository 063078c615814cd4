using AllianceRules.Diagnostics;
using AllianceRules.Model;
using AllianceRules.Parsing;
using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.History;

/// <summary>
/// Reads <c>.events</c> lines (language.md §4): the usual ones by hand (<see cref="FastEventLine"/>),
/// the rest (directives, comments, anything the hand reader does not follow) by the grammar in
/// Parsing, whose lines the caller accepts.
/// </summary>
internal sealed class EventsLineReader(EventFactory events, bool useFastPath)
{
    private readonly List<FastAttribute> _attributes = [];

    /// <param name="accept">Turns a line the grammar read into an event (or a directive, then null).</param>
    public IEnumerable<Event> Read(SourceFile piece, DiagnosticBag diagnostics, Func<SourceFile, HistoryLineSyntax, Event?> accept, Action sawEvent)
    {
        var text = piece.Text;
        var lines = new LineSplitter(text, piece.FirstLine);
        while (lines.MoveNext())
        {
            var (start, end, number) = (lines.Start, lines.End, lines.Number);
            if (useFastPath && FastEventLine.TryRead(text, start, end, _attributes, out var parts) && FromParts(piece, start, number, parts) is { } fast)
            {
                sawEvent();
                yield return fast;
            }
            else if (HistoryParser.ParseEventsLine(piece, start, end, number, diagnostics) is { } syntax && accept(piece, syntax) is { } e)
            {
                yield return e;
            }
        }
    }

    /// <summary>The lines of an <c>.events</c> text by the grammar alone, syntax only (as <c>fmt</c> checks them).</summary>
    public static IEnumerable<HistoryLineSyntax> Syntax(SourceFile file, DiagnosticBag diagnostics)
    {
        var lines = new LineSplitter(file.Text, file.FirstLine);
        while (lines.MoveNext())
        {
            if (HistoryParser.ParseEventsLine(file, lines.Start, lines.End, lines.Number, diagnostics) is { } parsed) yield return parsed;
        }
    }

    /// <summary>An event from a line read by hand; null when the line needs the grammar's words (an unknown verb, a repeated attribute).</summary>
    private Event? FromParts(SourceFile piece, int lineStart, int line, in FastEventParts parts)
    {
        var text = piece.Text.AsSpan();
        var verbText = text[parts.VerbStart..parts.VerbEnd];
        if (events.VerbLookup is { } verbs && !verbs.Contains(verbText)) return null;
        var verb = events.Pooled(verbText);
        if (events.NeedsDetail is { } needs && !needs(verb, parts.Date) && !RepeatsAnAttribute(text))
        {
            return EventFactory.Light(parts.Date, events.Pooled(text[parts.ActorStart..parts.ActorEnd]), verb, events.Pooled(text[parts.TargetStart..parts.TargetEnd]), piece.Path, line);
        }
        var attributes = EventFactory.NoAttributes;
        if (_attributes.Count > 0)
        {
            var builder = EventFactory.NoAttributes.ToBuilder();
            foreach (var a in _attributes)
            {
                var value = a.Unescaped ?? events.Value(text[a.ValueStart..a.ValueEnd]);
                if (!builder.TryAdd(events.Pooled(text[a.NameStart..a.NameEnd]), value)) return null;
            }
            attributes = builder.ToImmutable();
        }
        return new Event(parts.Date, events.Pooled(text[parts.ActorStart..parts.ActorEnd]), verb, events.Pooled(text[parts.TargetStart..parts.TargetEnd]),
            attributes, parts.Description, new EventOrigin(piece.Path, line, piece.Text[lineStart..parts.ContentEnd]));
    }

    /// <summary>Whether the line just read names an attribute twice, an error even on an event no rule needs.</summary>
    private bool RepeatsAnAttribute(ReadOnlySpan<char> text)
    {
        for (var i = 1; i < _attributes.Count; i++)
        {
            var name = text[_attributes[i].NameStart.._attributes[i].NameEnd];
            for (var k = 0; k < i; k++)
            {
                if (name.SequenceEqual(text[_attributes[k].NameStart.._attributes[k].NameEnd])) return true;
            }
        }
        return false;
    }
}
