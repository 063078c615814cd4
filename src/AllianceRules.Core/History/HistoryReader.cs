using System.Collections.Immutable;
using AllianceRules.Diagnostics;
using AllianceRules.History.Datasets;
using AllianceRules.Model;
using AllianceRules.Parsing;
using AllianceRules.Syntax;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.History;

/// <summary>
/// Reads histories into events, a piece of a file at a time, so a history of any length is never
/// held whole: the engine can evaluate it as it is read. One reader serves all the files of a run
/// and gathers what they state besides events (the horizon, the observed intervals, skipped rows)
/// and the diagnostics. Each format has its line reader; this class cuts the pieces, tells the
/// format of a file from its first line, and accepts what the grammar read.
/// </summary>
public sealed class HistoryReader
{
    private readonly EventFactory _events;
    private readonly CameoMap? _cameo;
    private readonly SkipCounter _skips;
    private readonly DatasetLineReader _datasets;
    private readonly (IEnumerable<string>? Verbs, IReadOnlyList<Verb>? Vocabulary, bool KeepRows) _made;
    private readonly List<SkippedRows> _absorbed = [];
    private EventsLineReader? _eventLines;

    /// <param name="declaredVerbs">The verbs of the rule set; null when they are unknown (a broken vocabulary), which skips that check.</param>
    /// <param name="vocabulary">The verbs with their CAMEO codes, to map rows of coded data; null when unknown.</param>
    /// <param name="keepSkippedRows">Keep every skipped row, not only the counts (<c>--verbose</c>).</param>
    public HistoryReader(IEnumerable<string>? declaredVerbs, IReadOnlyList<Verb>? vocabulary = null, bool keepSkippedRows = false)
    {
        _events = new EventFactory(declaredVerbs);
        _cameo = vocabulary is null ? null : new CameoMap(vocabulary);
        _skips = new SkipCounter(keepSkippedRows);
        _datasets = new DatasetLineReader(_events, _cameo, _skips);
        _made = (declaredVerbs, vocabulary, keepSkippedRows);
    }

    public DiagnosticBag Diagnostics { get; } = new();

    /// <summary>Read the usual event lines by hand (the default); off, every line goes to the grammar, as the tests compare.</summary>
    internal bool UseFastPath { get; init; } = true;

    /// <summary>Histories are read in pieces of about this many characters, each ending at a line break (tests use small ones).</summary>
    public int PieceSize { get; init; } = DefaultPieceSize;

    public const int DefaultPieceSize = HistoryPieces.PieceSize;

    /// <summary>The horizon and observed intervals the histories state.</summary>
    internal HistoryHeader Header { get; private init; } = new();

    /// <summary>Keeps every skipped row, in the order read (<c>--verbose</c>).</summary>
    internal bool KeepsSkippedRows => _made.KeepRows;

    /// <summary>The horizon the histories state, if any.</summary>
    public LocalDate? AsOf => Header.AsOf;

    public ImmutableArray<DateRange> Observed => Header.Observed;

    /// <summary>True once an <c>as of</c> or <c>observed</c> line came after an event of its file: a stream cannot take it into account any more.</summary>
    public bool DirectiveAfterEvents { get; private set; }

    public SkippedRows Skipped => _absorbed.Count == 0 ? _skips.Skipped : Combined([_skips.Skipped, .. _absorbed]);

    /// <summary>
    /// Which events the caller needs whole (attributes, description, the line's text); the others
    /// are light: date, parties and verb, which is all that an event no rule can use needs. The
    /// caller must answer yes for every verb a rule names. Null keeps every event whole.
    /// </summary>
    public Func<string, LocalDate, bool>? NeedsDetail
    {
        get => _events.NeedsDetail;
        init => _events.NeedsDetail = value;
    }

    /// <summary>The events of one history in the order written, reading it a piece at a time.</summary>
    public IEnumerable<Event> Read(HistorySource source) => Read(source, PieceSize);

    /// <summary>As <see cref="Read(HistorySource)"/>, in pieces of about <paramref name="pieceSize"/> characters (tests use small ones).</summary>
    internal IEnumerable<Event> Read(HistorySource source, int pieceSize)
    {
        if (source.Whole is { } whole)
        {
            foreach (var e in ReadPiece(whole, new FileState(source.Format))) yield return e;
            yield break;
        }
        var state = new FileState(source.Format);
        if (source.Format is not (HistoryFormat.Csv or HistoryFormat.Dataset) && !source.Format.IsDataset())
        {
            using var reader = source.OpenText();
            foreach (var e in ReadText(source, reader, state, pieceSize)) yield return e;
            yield break;
        }
        // A file that may be a dataset's is read as bytes until its first line tells otherwise.
        using var stream = source.Open();
        var bytes = new BytePieces(stream, source.Path, Diagnostics.Add, Math.Max(pieceSize * 2, 4));
        if (bytes.FirstLine() is { } first) Sniff(new SourceFile(source.Path, first), state);
        if (!state.Sniffed || !(state.Format.IsDataset() || state.Format == HistoryFormat.Dataset))
        {
            // Text after all (a CSV history), or not UTF-8 (a UTF-16 byte order mark): the text reader, from the first byte.
            using var reader = new StreamReader(bytes.Rest(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
            foreach (var e in ReadText(source, reader, state, pieceSize)) yield return e;
            yield break;
        }
        var rows = source.OpenSeekable is { } reopen && source.CanReopen() ? new SeekableRows(source.Path, reopen) : null;
        foreach (var e in _datasets.Read(source.Path, bytes, state, rows, Diagnostics)) yield return e;
    }

    private IEnumerable<Event> ReadText(HistorySource source, TextReader reader, FileState state, int pieceSize)
    {
        foreach (var piece in HistoryPieces.Cut(source.Path, reader, source.Format == HistoryFormat.Csv, Diagnostics.Add, pieceSize))
        {
            foreach (var e in ReadPiece(piece, state)) yield return e;
        }
    }

    /// <summary>The events of a history already in memory, in the order written.</summary>
    public IEnumerable<Event> Read(SourceFile file, HistoryFormat format) => ReadPiece(file, new FileState(format));

    /// <summary>
    /// A reader like this one for one file read on a thread of its own: its diagnostics, skipped
    /// rows and string pool are its own, and it records its header lines unchecked; the merge
    /// replays them here and then <see cref="Absorb"/>s the rest.
    /// </summary>
    internal HistoryReader ForFile() => new(_made.Verbs, _made.Vocabulary, _made.KeepRows)
    {
        NeedsDetail = NeedsDetail,
        UseFastPath = UseFastPath,
        PieceSize = PieceSize,
        Header = new HistoryHeader { Recorded = [] },
    };

    /// <summary>Takes what a reader of <see cref="ForFile"/> found besides its events and its header lines.</summary>
    internal void Absorb(HistoryReader file)
    {
        Diagnostics.AddRange(file.Diagnostics.ToSortedArray());
        _absorbed.Add(file.Skipped);
        DirectiveAfterEvents |= file.DirectiveAfterEvents;
    }

    /// <summary>Counts added up by reason, in ordinal order as one counter gives them; rows in the order given.</summary>
    private static SkippedRows Combined(IReadOnlyList<SkippedRows> parts)
    {
        var counts = parts.SelectMany(p => p.Counts).GroupBy(c => c.Reason, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(c => c.Count))).OrderBy(c => c.Key, StringComparer.Ordinal).ToImmutableArray();
        return counts.IsEmpty ? SkippedRows.None : new SkippedRows(counts, [.. parts.SelectMany(p => p.Rows)]);
    }

    /// <summary>A history's format by its extension, looking through a final <c>.gz</c>.</summary>
    public static HistoryFormat FormatOf(string path) => HistoryFormats.Of(path);

    private IEnumerable<Event> ReadPiece(SourceFile piece, FileState state)
    {
        if (!state.Sniffed) Sniff(piece, state);
        if (state.Format.IsDataset()) return _datasets.Read(piece, state, Diagnostics);
        if (state.Format == HistoryFormat.Dataset) return [];
        // Dataset files are read as their publishers wrote them (a stray byte in a free-text field
        // must not reject a whole GDELT day); a history written by hand must be text.
        piece = UnreadableText.Check(piece, Diagnostics);
        if (state.Format == HistoryFormat.Events)
        {
            _eventLines ??= new EventsLineReader(_events, UseFastPath);
            return _eventLines.Read(piece, Diagnostics, (p, line) => Accept(p, line, state), () => state.SawEvent = true);
        }
        var lines = state.Format == HistoryFormat.Csv
            ? CsvHistoryReader.Read(piece, Diagnostics, state.Csv)
            : HistorySyntax.JsonLines(piece, Diagnostics);
        return ReadSyntax(piece, lines, state);
    }

    /// <summary>
    /// A <c>.csv</c> file may be a dataset's (GDELT names its tab-separated files <c>.CSV</c>), and a
    /// <c>.tsv</c> or <c>.tab</c> file must say which dataset it is: its first line tells.
    /// </summary>
    private void Sniff(SourceFile piece, FileState state)
    {
        state.Sniffed = true;
        var text = piece.Text.AsSpan();
        var newline = text.IndexOf('\n');
        var first = (newline < 0 ? text : text[..newline]).TrimEnd('\r');
        // --events-format names the datasets' layout; a CSV history beside them keeps its own.
        if (state.Format.IsDataset() && HistoryFormats.Of(piece.Path) == HistoryFormat.Csv && IsCsvHeader(first))
        {
            state.Format = HistoryFormat.Csv;
            return;
        }
        if (state.Format is not (HistoryFormat.Csv or HistoryFormat.Dataset)) return;
        if (DatasetFormats.Detect(first) is { } detected)
        {
            state.Format = detected switch
            {
                DatasetFormat.Gdelt1 => HistoryFormat.Gdelt1,
                DatasetFormat.Gdelt2 => HistoryFormat.Gdelt2,
                _ => HistoryFormat.Icews,
            };
        }
        else if (state.Format == HistoryFormat.Dataset)
        {
            Diagnostics.Add(DiagnosticCatalog.UnknownDatasetLayout(piece.At(new TextSpan(0, Math.Max(1, Math.Min(first.Length, 40))))));
        }
    }

    /// <summary>A CSV history's header: comma-separated, naming at least date, actor and target.</summary>
    private static bool IsCsvHeader(ReadOnlySpan<char> line)
    {
        var names = line.ToString().Split(',').Select(n => n.Trim().Trim('"').ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return names.Contains("date") && names.Contains("actor") && names.Contains("target");
    }

    private IEnumerable<Event> ReadSyntax(SourceFile piece, IEnumerable<HistoryLineSyntax> lines, FileState state)
    {
        foreach (var line in lines)
        {
            if (Accept(piece, line, state) is { } e) yield return e;
        }
    }

    /// <summary>A line the grammar (or the JSON Lines or CSV reader) read: a directive for the header, an event, or a coded event to map.</summary>
    private Event? Accept(SourceFile piece, HistoryLineSyntax line, FileState state)
    {
        switch (line)
        {
            case AsOfSyntax a:
                if (state.SawEvent) DirectiveAfterEvents = true;
                Header.Add(piece, a, Diagnostics);
                return null;
            case ObservedSyntax o:
                if (state.SawEvent) DirectiveAfterEvents = true;
                Header.Add(piece, o, Diagnostics);
                return null;
            case EventLineSyntax e:
                state.SawEvent = true;
                return _events.FromSyntax(piece, e, Diagnostics);
            case CodedEventSyntax c:
                state.SawEvent = true;
                if (_cameo?.VerbFor(c.Cameo) is not { } mapped)
                {
                    _skips.Skip(piece.Path, c.Line, "no verb for its CAMEO code", c.Cameo.Length == 0 ? "(empty)" : c.Cameo);
                    return null;
                }
                var withVerb = c.Event with { Verb = new Identifier(mapped, c.CameoSpan), Attributes = [.. c.Event.Attributes, new AttributeSyntax(new Identifier("cameo", c.CameoSpan), c.Cameo, c.CameoSpan)] };
                return _events.FromSyntax(piece, withVerb, Diagnostics);
            default:
                return null;
        }
    }
}
