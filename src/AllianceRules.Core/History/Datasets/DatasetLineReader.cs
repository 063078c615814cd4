using System.Text;
using AllianceRules.Diagnostics;
using AllianceRules.Model;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.History.Datasets;

/// <summary>
/// Rows of GDELT or ICEWS data, a line each: an event when its countries and CAMEO code map to
/// the vocabulary, else a counted skip. Rows are read as their publishers wrote them.
/// </summary>
internal sealed class DatasetLineReader(EventFactory events, CameoMap? cameo, SkipCounter skips)
{
    private Func<string, LocalDate, bool>? _keepRow;

    public IEnumerable<Event> Read(SourceFile piece, FileState state, DiagnosticBag diagnostics)
    {
        var lines = new LineSplitter(piece.Text, piece.FirstLine);
        while (lines.MoveNext())
        {
            if (Row(piece, state, lines.Start, lines.End, lines.Number, diagnostics) is { } e)
            {
                state.SawEvent = true;
                yield return e;
            }
        }
    }

    private Event? Row(SourceFile piece, FileState state, int start, int end, int line, DiagnosticBag diagnostics)
    {
        var text = piece.Text.AsSpan(start, end - start);
        if (text.IsWhiteSpace()) return null;
        if (state.Format == HistoryFormat.Icews && state.Icews is null)
        {
            state.Icews = IcewsRowReader.FromHeader(text, out var error);
            if (state.Icews is null)
            {
                diagnostics.Add(DiagnosticCatalog.DatasetHeader(piece.At(new TextSpan(start, Math.Max(1, end - start))), error ?? "this is not an ICEWS header"));
                state.Format = HistoryFormat.Dataset;
            }
            return null;
        }
        var keep = _keepRow ??= KeepRow;
        var outcome = state.Icews is { } icews ? icews.Read(text, keep) : GdeltRowReader.Read(text, state.Format == HistoryFormat.Gdelt1 ? DatasetFormat.Gdelt1 : DatasetFormat.Gdelt2, keep);
        if (outcome.Row is not { } row)
        {
            if (outcome.Skip is { } reason) skips.Skip(piece.Path, line, reason.Describe(), outcome.Detail ?? string.Empty);
            return null;
        }
        if (cameo?.VerbFor(row.Cameo) is not { } verb)
        {
            skips.Skip(piece.Path, line, "no verb for its CAMEO code", row.Cameo);
            return null;
        }
        if (!KeepRow(row.Cameo, row.Date)) return EventFactory.Light(row.Date, row.Actor, verb, row.Target, piece.Path, line);
        return Whole(row, verb, new EventOrigin(piece.Path, line, text.ToString()));
    }

    /// <summary>
    /// The rows of a dataset file as bytes. A row kept whole keeps where it is (<paramref name="rows"/>),
    /// to be read again if a report prints it, or, when the file cannot be read again, its text.
    /// </summary>
    public IEnumerable<Event> Read(string path, BytePieces pieces, FileState state, SeekableRows? rows, DiagnosticBag diagnostics)
    {
        while (pieces.Next(out var piece, out var line, out var offset))
        {
            var at = 0;
            while (at < piece.Length)
            {
                if (Row(path, piece.Span, ref at, line++, offset, state, rows, diagnostics) is { } e)
                {
                    state.SawEvent = true;
                    yield return e;
                }
            }
        }
    }

    /// <summary>The line of <paramref name="piece"/> at <paramref name="at"/>, which moves past it, as <see cref="Row(SourceFile, FileState, int, int, int, DiagnosticBag)"/> reads one of text.</summary>
    private Event? Row(string path, ReadOnlySpan<byte> piece, ref int at, int line, long pieceOffset, FileState state, SeekableRows? rows, DiagnosticBag diagnostics)
    {
        var start = at;
        var rest = piece[start..];
        var newline = rest.IndexOf((byte)'\n');
        var text = newline < 0 ? rest : rest[..newline];
        at = newline < 0 ? piece.Length : start + newline + 1;
        if (text.Length > 0 && text[^1] == '\r') text = text[..^1];
        if (DatasetBytes.IsWhiteSpace(text)) return null;
        if (state.Format == HistoryFormat.Icews && state.Icews is null)
        {
            // The header, once a file: decoded as text, as a diagnostic shows it.
            var header = new SourceFile(path, Encoding.UTF8.GetString(text), line, pieceOffset + start);
            state.Icews = IcewsRowReader.FromHeader(header.Text, out var error);
            if (state.Icews is null)
            {
                diagnostics.Add(DiagnosticCatalog.DatasetHeader(header.At(new TextSpan(0, Math.Max(1, header.Text.Length))), error ?? "this is not an ICEWS header"));
                state.Format = HistoryFormat.Dataset;
            }
            return null;
        }
        if (state.Format == HistoryFormat.Dataset) return null;
        var keep = _keepRow ??= KeepRow;
        var outcome = state.Icews is { } icews ? icews.Read(text, keep) : GdeltRowReader.Read(text, state.Format == HistoryFormat.Gdelt1 ? DatasetFormat.Gdelt1 : DatasetFormat.Gdelt2, keep);
        if (outcome.Row is not { } row)
        {
            if (outcome.Skip is { } reason) skips.Skip(path, line, reason.Describe(), outcome.Detail ?? string.Empty);
            return null;
        }
        if (cameo?.VerbFor(row.Cameo) is not { } verb)
        {
            skips.Skip(path, line, "no verb for its CAMEO code", row.Cameo);
            return null;
        }
        if (!KeepRow(row.Cameo, row.Date)) return EventFactory.Light(row.Date, row.Actor, verb, row.Target, path, line);
        var origin = rows is null
            ? new EventOrigin(path, line, Encoding.UTF8.GetString(text))
            : new EventOrigin(path, line, new EvidenceRow(rows, pieceOffset + start, text.Length, SeekableRows.Hash(text), line));
        return Whole(row, verb, origin);
    }

    private Event Whole(DatasetRow row, string verb, EventOrigin origin)
    {
        var attributes = EventFactory.NoAttributes.ToBuilder();
        foreach (var (name, value) in row.Attributes) attributes[events.Pooled(name)] = events.Value(value);
        attributes["cameo"] = row.Cameo;
        return new Event(row.Date, row.Actor, verb, row.Target, attributes.ToImmutable(), row.Description, origin);
    }

    /// <summary>Whether a dataset row is kept whole: its code maps to a verb (else it is skipped anyway) that the caller needs in detail.</summary>
    private bool KeepRow(string code, LocalDate date) =>
        events.NeedsDetail is not { } needs || (cameo?.VerbFor(code) is { } verb && needs(verb, date));
}
