using System.Collections.Immutable;
using AllianceRules.Diagnostics;
using AllianceRules.Model;
using AllianceRules.Syntax;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.History;

/// <summary>
/// What the histories of a run state besides events: the horizon (<c>as of</c>, language.md §4),
/// which all files must agree on, and the intervals they claim to record completely (<c>observed</c>).
/// </summary>
internal sealed class HistoryHeader
{
    private readonly List<DateRange> _observed = [];

    /// <summary>
    /// When set, lines are kept here, unchecked, instead of taken: a file read on a thread of its own
    /// keeps them for the merge to take in the order the files were given (<see cref="Replay"/>).
    /// </summary>
    internal List<(SourceFile Piece, HistoryLineSyntax Line)>? Recorded { get; init; }
    private (LocalDate Date, string Text, string Where)? _asOf;

    /// <summary>The horizon the histories state, if any.</summary>
    public LocalDate? AsOf => _asOf?.Date;

    public ImmutableArray<DateRange> Observed => [.. _observed];

    /// <summary>Takes an <c>as of</c> line: the first one stands, a later one with another date is an error.</summary>
    internal void Add(SourceFile piece, AsOfSyntax line, DiagnosticBag diagnostics)
    {
        if (Recorded is not null)
        {
            Recorded.Add((piece, line));
            return;
        }
        if (!EventFactory.CheckDate(piece, line.Date, diagnostics)) return;
        var date = line.Date.Value!.Value;
        if (_asOf is { } earlier && earlier.Date != date)
        {
            diagnostics.Add(DiagnosticCatalog.ConflictingAsOf(piece.At(line.Date.Span), line.Date.Text, earlier.Text, earlier.Where));
        }
        _asOf ??= (date, line.Date.Text, $"{piece.Path}:{piece.GetPosition(line.Span.Start).Line}");
    }

    /// <summary>Takes an <c>observed</c> line; an interval that ends before it starts is an error.</summary>
    internal void Add(SourceFile piece, ObservedSyntax line, DiagnosticBag diagnostics)
    {
        if (Recorded is not null)
        {
            Recorded.Add((piece, line));
            return;
        }
        if (!EventFactory.CheckDate(piece, line.Interval.From, diagnostics) | (line.Interval.To is { } to && !EventFactory.CheckDate(piece, to, diagnostics))) return;
        var range = new DateRange(line.Interval.From.Value!.Value, line.Interval.To?.Value);
        if (range.End is { } end && end <= range.Start) diagnostics.Add(DiagnosticCatalog.EmptyObserved(piece.At(line.Interval.Span)));
        else _observed.Add(range);
    }

    /// <summary>Takes lines another header recorded, as if they had been read here.</summary>
    internal void Replay(IEnumerable<(SourceFile Piece, HistoryLineSyntax Line)> lines, DiagnosticBag diagnostics)
    {
        foreach (var (piece, line) in lines)
        {
            if (line is AsOfSyntax asOf) Add(piece, asOf, diagnostics);
            else if (line is ObservedSyntax observed) Add(piece, observed, diagnostics);
        }
    }
}
