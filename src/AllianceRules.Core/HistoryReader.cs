using System.Collections.Immutable;
using AllianceRules.Diagnostics;
using AllianceRules.Model;
using AllianceRules.Parsing;
using AllianceRules.Parsing.Datasets;
using AllianceRules.Syntax;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules;

/// <summary>How a history file is written.</summary>
public enum HistoryFormat
{
    /// <summary><c>.events</c> lines (language.md §4).</summary>
    Events,

    /// <summary>JSON Lines, one object per line.</summary>
    JsonLines,

    /// <summary>CSV with a header row; or, when its first line shows it, a dataset file (GDELT's are named <c>.CSV</c>).</summary>
    Csv,

    /// <summary>GDELT 1.0 event files (57 or 58 tab-separated columns).</summary>
    Gdelt1,

    /// <summary>GDELT 2.0 event files (61 tab-separated columns).</summary>
    Gdelt2,

    /// <summary>ICEWS event files (tab-separated, with a header).</summary>
    Icews,

    /// <summary>A dataset file (<c>.tsv</c>, <c>.tab</c>) whose layout its first line tells.</summary>
    Dataset,
}

/// <summary>A history to read: the path shown to the user, its format, and how to open its text (the caller does the I/O).</summary>
public sealed record HistorySource(string Path, HistoryFormat Format, Func<TextReader> Open);

/// <summary>
/// Reads histories into events, a piece of a file at a time, so a history of any length is never
/// held whole: the engine can evaluate it as it is read. One reader serves all the files of a run
/// and gathers what they state besides events (the horizon, the observed intervals, skipped rows)
/// and the diagnostics.
/// </summary>
public sealed class HistoryReader
{
    /// <summary>Pieces of about this many characters, each ending at a line break; small enough (64 KB) to stay off the large object heap, which only a full collection frees.</summary>
    internal const int PieceSize = 1 << 15;

    /// <summary>The longest line (or CSV row) a history may hold: 16 Mi characters (docs/robustness.md, limits).</summary>
    internal const int MaxLineLength = 1 << 24;

    private static readonly ImmutableSortedDictionary<string, string> NoAttributes =
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    private readonly HashSet<string>? _verbs;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? _verbLookup;
    private readonly IReadOnlyCollection<string> _verbList;
    private readonly CameoMap? _cameo;
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _poolLookup;
    private readonly bool _keepSkippedRows;
    private readonly Dictionary<string, long> _skipCounts = new(StringComparer.Ordinal);
    private readonly List<SkippedRow> _skippedRows = [];
    private readonly List<DateRange> _observed = [];
    private readonly List<FastAttribute> _attributes = [];
    private (LocalDate Date, string Text, string Where)? _asOf;

    /// <param name="declaredVerbs">The verbs of the rule set; null when they are unknown (a broken vocabulary), which skips that check.</param>
    /// <param name="vocabulary">The verbs with their CAMEO codes, to map rows of coded data; null when unknown.</param>
    /// <param name="keepSkippedRows">Keep every skipped row, not only the counts (<c>--verbose</c>).</param>
    public HistoryReader(IEnumerable<string>? declaredVerbs, IReadOnlyList<Verb>? vocabulary = null, bool keepSkippedRows = false)
    {
        _verbs = declaredVerbs?.ToHashSet(StringComparer.Ordinal);
        _verbLookup = _verbs?.GetAlternateLookup<ReadOnlySpan<char>>();
        _verbList = _verbs ?? [];
        _cameo = vocabulary is null ? null : new CameoMap(vocabulary);
        _poolLookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
        _keepSkippedRows = keepSkippedRows;
    }

    public DiagnosticBag Diagnostics { get; } = new();

    /// <summary>Read the usual event lines by hand (the default); off, every line goes to the grammar, as the tests compare.</summary>
    internal bool UseFastPath { get; init; } = true;

    /// <summary>The horizon the histories state, if any.</summary>
    public LocalDate? AsOf => _asOf?.Date;

    public ImmutableArray<DateRange> Observed => [.. _observed];

    /// <summary>True once an <c>as of</c> or <c>observed</c> line came after an event of its file: a stream cannot take it into account any more.</summary>
    public bool DirectiveAfterEvents { get; private set; }

    public SkippedRows Skipped => _skipCounts.Count == 0
        ? SkippedRows.None
        : new SkippedRows([.. _skipCounts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value))], [.. _skippedRows]);

    /// <summary>The events of one history in the order written, reading it a piece at a time.</summary>
    public IEnumerable<Event> Read(HistorySource source) => Read(source, PieceSize);

    /// <summary>As <see cref="Read(HistorySource)"/>, in pieces of about <paramref name="pieceSize"/> characters (tests use small ones).</summary>
    internal IEnumerable<Event> Read(HistorySource source, int pieceSize)
    {
        using var reader = source.Open();
        var state = new FileState(source.Format);
        foreach (var piece in Pieces(source.Path, reader, source.Format == HistoryFormat.Csv, Diagnostics.Add, pieceSize))
        {
            foreach (var e in ReadPiece(piece, state)) yield return e;
        }
    }

    /// <summary>The events of a history already in memory, in the order written.</summary>
    public IEnumerable<Event> Read(SourceFile file, HistoryFormat format) => ReadPiece(file, new FileState(format));

    /// <summary>A history's format by its extension, looking through a final <c>.gz</c>.</summary>
    public static HistoryFormat FormatOf(string path) => HistoryParser.Format(path).ToLowerInvariant() switch
    {
        ".jsonl" => HistoryFormat.JsonLines,
        ".csv" => HistoryFormat.Csv,
        ".tsv" or ".tab" => HistoryFormat.Dataset,
        _ => HistoryFormat.Events,
    };

    /// <summary>
    /// Which events the caller needs whole (attributes, description, the line's text); the others
    /// are <see cref="Event.Light"/>: date, parties and verb, which is all that an event no rule
    /// can use needs. The caller must answer yes for every verb a rule names. Null keeps every event whole.
    /// </summary>
    public Func<string, LocalDate, bool>? NeedsDetail { get; init; }

    /// <summary>What one file has shown so far: its format (once its first line told it), CSV or ICEWS header, and whether an event has come yet.</summary>
    private sealed class FileState(HistoryFormat format)
    {
        public HistoryFormat Format { get; set; } = format;

        public bool Sniffed { get; set; }

        public CsvHeader Csv { get; } = new();

        public IcewsRowReader? Icews { get; set; }

        public bool SawEvent { get; set; }
    }

    /// <summary>
    /// Cuts a text into pieces of whole lines (of whole rows, for CSV, whose quoted fields may hold
    /// line breaks), each knowing the line and offset it starts at, so diagnostics read as in the whole file.
    /// </summary>
    internal static IEnumerable<SourceFile> Pieces(string path, TextReader reader, bool csvQuotes, Action<Diagnostic> report, int pieceSize = PieceSize, int maxLine = MaxLineLength)
    {
        var buffer = new char[pieceSize];
        var filled = 0;
        var line = 1;
        var offset = 0L;
        while (true)
        {
            var read = reader.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            if (read == 0)
            {
                if (filled > 0) yield return new SourceFile(path, new string(buffer, 0, filled), line, offset);
                yield break;
            }
            if (filled < buffer.Length) continue;
            var cut = Cut(buffer, filled, csvQuotes);
            if (cut == 0)
            {
                if (buffer.Length >= maxLine)
                {
                    // A line this long is no event (an unclosed quote, or not a history at all): stop
                    // here rather than hold the rest of the file in memory.
                    var shown = new SourceFile(path, new string(buffer, 0, Math.Min(filled, 200)), line, offset);
                    report(DiagnosticCatalog.LineTooLong(shown.At(new TextSpan(0, 1)), maxLine, csvQuotes));
                    yield break;
                }
                // One line longer than a piece: make room for it.
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxLine));
                continue;
            }
            var text = new string(buffer, 0, cut);
            yield return new SourceFile(path, text, line, offset);
            line += text.AsSpan().Count('\n');
            offset += cut;
            Array.Copy(buffer, cut, buffer, 0, filled - cut);
            filled -= cut;
        }
    }

    /// <summary>Where to end a piece: after its last line break (outside quoted fields, for CSV); 0 when there is none.</summary>
    private static int Cut(char[] buffer, int filled, bool csvQuotes)
    {
        if (!csvQuotes) return buffer.AsSpan(0, filled).LastIndexOf('\n') + 1;
        // Follows the CSV reader: a quote opens a field only at its start, "" inside is a quote,
        // and after the closing quote anything but a comma runs to the end of the line.
        var (cut, fieldStart, quoted, stray) = (0, true, false, false);
        for (var i = 0; i < filled; i++)
        {
            var c = buffer[i];
            if (quoted)
            {
                if (c != '"') continue;
                if (i + 1 >= filled) break;
                if (buffer[i + 1] == '"')
                {
                    i++;
                    continue;
                }
                quoted = false;
                stray = buffer[i + 1] != ',';
                continue;
            }
            if (c == '\n')
            {
                (cut, fieldStart, stray) = (i + 1, true, false);
            }
            else if (stray)
            {
                continue;
            }
            else if (c == '"' && fieldStart)
            {
                (quoted, fieldStart) = (true, false);
            }
            else
            {
                fieldStart = c == ',';
            }
        }
        return cut;
    }

    private IEnumerable<Event> ReadPiece(SourceFile piece, FileState state)
    {
        if (!state.Sniffed) Sniff(piece, state);
        if (state.Format is HistoryFormat.Gdelt1 or HistoryFormat.Gdelt2 or HistoryFormat.Icews) return ReadDatasetLines(piece, state);
        if (state.Format == HistoryFormat.Dataset) return [];
        // Dataset files are read as their publishers wrote them (a stray byte in a free-text field
        // must not reject a whole GDELT day); a history written by hand must be text.
        piece = UnreadableText.Check(piece, Diagnostics);
        if (state.Format == HistoryFormat.Events) return ReadEventLines(piece, state);
        var lines = state.Format == HistoryFormat.Csv
            ? CsvHistoryReader.Read(piece, Diagnostics, state.Csv)
            : HistoryParser.Read(piece, Diagnostics);
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
        if (state.Format is HistoryFormat.Gdelt1 or HistoryFormat.Gdelt2 or HistoryFormat.Icews && FormatOf(piece.Path) == HistoryFormat.Csv && IsCsvHeader(first))
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

    /// <summary>Rows of GDELT or ICEWS data, a line each: an event when its countries and CAMEO code map, else a counted skip.</summary>
    private IEnumerable<Event> ReadDatasetLines(SourceFile piece, FileState state)
    {
        var text = piece.Text;
        var start = 0;
        var number = piece.FirstLine;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var lineEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            if (DatasetLine(piece, state, start, lineEnd, number) is { } e)
            {
                state.SawEvent = true;
                yield return e;
            }
            if (newline < 0) break;
            start = newline + 1;
            number++;
        }
    }

    private Event? DatasetLine(SourceFile piece, FileState state, int start, int end, int line)
    {
        var text = piece.Text.AsSpan(start, end - start);
        if (text.IsWhiteSpace()) return null;
        if (state.Format == HistoryFormat.Icews && state.Icews is null)
        {
            state.Icews = IcewsRowReader.FromHeader(text, out var error);
            if (state.Icews is null)
            {
                Diagnostics.Add(DiagnosticCatalog.DatasetHeader(piece.At(new TextSpan(start, Math.Max(1, end - start))), error ?? "this is not an ICEWS header"));
                state.Format = HistoryFormat.Dataset;
            }
            return null;
        }
        var keep = _keepRow ??= KeepRow;
        var outcome = state.Icews is { } icews ? icews.Read(text, keep) : GdeltRowReader.Read(text, state.Format == HistoryFormat.Gdelt1 ? DatasetFormat.Gdelt1 : DatasetFormat.Gdelt2, keep);
        if (outcome.Row is not { } row)
        {
            if (outcome.Skip is { } reason) Skip(piece.Path, line, reason.Describe(), outcome.Detail ?? string.Empty);
            return null;
        }
        if (_cameo?.VerbFor(row.Cameo) is not { } verb)
        {
            Skip(piece.Path, line, "no verb for its CAMEO code", row.Cameo);
            return null;
        }
        if (!KeepRow(row.Cameo, row.Date))
        {
            return new Event(row.Date, row.Actor, verb, row.Target, NoAttributes, null, new EventOrigin(piece.Path, line, string.Empty)) { Light = true };
        }
        var attributes = NoAttributes.ToBuilder();
        foreach (var (name, value) in row.Attributes) attributes[Pooled(name)] = Value(value);
        attributes["cameo"] = row.Cameo;
        return new Event(row.Date, row.Actor, verb, row.Target, attributes.ToImmutable(), row.Description, new EventOrigin(piece.Path, line, text.ToString()));
    }

    private Func<string, LocalDate, bool>? _keepRow;

    /// <summary>Whether a dataset row is kept whole: its code maps to a verb (else it is skipped anyway) that the caller needs in detail.</summary>
    private bool KeepRow(string cameo, LocalDate date) =>
        NeedsDetail is not { } needs || (_cameo?.VerbFor(cameo) is { } verb && needs(verb, date));

    private IEnumerable<Event> ReadSyntax(SourceFile piece, IEnumerable<HistoryLineSyntax> lines, FileState state)
    {
        foreach (var line in lines)
        {
            if (Accept(piece, line, state) is { } e) yield return e;
        }
    }

    /// <summary><c>.events</c> lines: the usual ones read by hand, the rest by the grammar.</summary>
    private IEnumerable<Event> ReadEventLines(SourceFile piece, FileState state)
    {
        var text = piece.Text;
        var start = 0;
        var number = piece.FirstLine;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var lineEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            if (UseFastPath && FastEventLine.TryRead(text, start, lineEnd, _attributes, out var parts) && FromParts(piece, start, number, parts) is { } fast)
            {
                state.SawEvent = true;
                yield return fast;
            }
            else if (HistoryParser.ParseEventsLine(piece, start, lineEnd, number, Diagnostics) is { } syntax && Accept(piece, syntax, state) is { } e)
            {
                yield return e;
            }
            if (newline < 0) break;
            start = newline + 1;
            number++;
        }
    }

    /// <summary>An event from a line read by hand; null when the line needs the grammar's words (an unknown verb, a repeated attribute).</summary>
    private Event? FromParts(SourceFile piece, int lineStart, int line, in FastEventParts parts)
    {
        var text = piece.Text.AsSpan();
        var verbText = text[parts.VerbStart..parts.VerbEnd];
        if (_verbLookup is { } verbs && !verbs.Contains(verbText)) return null;
        var verb = Pooled(verbText);
        if (NeedsDetail is { } needs && !needs(verb, parts.Date) && !RepeatsAnAttribute(text))
        {
            return new Event(parts.Date, Pooled(text[parts.ActorStart..parts.ActorEnd]), verb, Pooled(text[parts.TargetStart..parts.TargetEnd]),
                NoAttributes, null, new EventOrigin(piece.Path, line, string.Empty)) { Light = true };
        }
        var attributes = NoAttributes;
        if (_attributes.Count > 0)
        {
            var builder = NoAttributes.ToBuilder();
            foreach (var a in _attributes)
            {
                var value = a.Unescaped ?? Value(text[a.ValueStart..a.ValueEnd]);
                if (!builder.TryAdd(Pooled(text[a.NameStart..a.NameEnd]), value)) return null;
            }
            attributes = builder.ToImmutable();
        }
        return new Event(parts.Date, Pooled(text[parts.ActorStart..parts.ActorEnd]), verb, Pooled(text[parts.TargetStart..parts.TargetEnd]),
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

    private Event? Accept(SourceFile piece, HistoryLineSyntax line, FileState state)
    {
        switch (line)
        {
            case AsOfSyntax a:
                if (state.SawEvent) DirectiveAfterEvents = true;
                if (!CheckDate(piece, a.Date)) return null;
                var date = a.Date.Value!.Value;
                if (_asOf is { } earlier && earlier.Date != date)
                {
                    Diagnostics.Add(DiagnosticCatalog.ConflictingAsOf(piece.At(a.Date.Span), a.Date.Text, earlier.Text, earlier.Where));
                }
                _asOf ??= (date, a.Date.Text, $"{piece.Path}:{piece.GetPosition(a.Span.Start).Line}");
                return null;
            case ObservedSyntax o:
                if (state.SawEvent) DirectiveAfterEvents = true;
                if (!CheckDate(piece, o.Interval.From) | (o.Interval.To is { } to && !CheckDate(piece, to))) return null;
                var range = new DateRange(o.Interval.From.Value!.Value, o.Interval.To?.Value);
                if (range.End is { } end && end <= range.Start) Diagnostics.Add(DiagnosticCatalog.EmptyObserved(piece.At(o.Interval.Span)));
                else _observed.Add(range);
                return null;
            case EventLineSyntax e:
                state.SawEvent = true;
                return ToEvent(piece, e);
            case CodedEventSyntax c:
                state.SawEvent = true;
                if (_cameo?.VerbFor(c.Cameo) is not { } mapped)
                {
                    Skip(piece.Path, c.Line, "no verb for its CAMEO code", c.Cameo.Length == 0 ? "(empty)" : c.Cameo);
                    return null;
                }
                var withVerb = c.Event with { Verb = new Identifier(mapped, c.CameoSpan), Attributes = [.. c.Event.Attributes, new AttributeSyntax(new Identifier("cameo", c.CameoSpan), c.Cameo, c.CameoSpan)] };
                return ToEvent(piece, withVerb);
            default:
                return null;
        }
    }

    /// <summary>Counts a row of imported data that cannot be an event (and keeps it, when asked to).</summary>
    internal void Skip(string path, int line, string reason, string detail)
    {
        _skipCounts[reason] = _skipCounts.GetValueOrDefault(reason) + 1;
        if (_keepSkippedRows) _skippedRows.Add(new SkippedRow(path, line, reason, detail));
    }

    private Event? ToEvent(SourceFile file, EventLineSyntax e)
    {
        var ok = CheckDate(file, e.Date);
        if (_verbs is not null && !_verbs.Contains(e.Verb.Text))
        {
            Diagnostics.Add(DiagnosticCatalog.UndeclaredEventVerb(file.At(e.Verb.Span), e.Verb.Text, _verbList));
            ok = false;
        }
        var attributes = NoAttributes.ToBuilder();
        foreach (var attribute in e.Attributes)
        {
            if (!attributes.TryAdd(Pooled(attribute.Name.Text), Value(attribute.Value)))
            {
                Diagnostics.Add(DiagnosticCatalog.DuplicateAttribute(file.At(attribute.Name.Span), attribute.Name.Text));
                ok = false;
            }
        }
        return ok
            ? new Event(e.Date.Value!.Value, Pooled(e.Actor.Text), Pooled(e.Verb.Text), Pooled(e.Target.Text),
                attributes.Count == 0 ? NoAttributes : attributes.ToImmutable(), e.Description?.Value,
                new EventOrigin(file.Path, e.Line, e.Text))
            : null;
    }

    /// <summary>
    /// Party codes, verbs and attribute names repeat on every line; one copy of each serves them
    /// all. The pool stops growing at <see cref="PoolLimit"/> strings, so values that never repeat
    /// (a dataset's event ids) cannot make it hold the whole history.
    /// </summary>
    private string Pooled(ReadOnlySpan<char> s)
    {
        if (_poolLookup.TryGetValue(s, out var shared)) return shared;
        var copy = s.ToString();
        if (_pool.Count < PoolLimit) _pool[copy] = copy;
        return copy;
    }

    private const int PoolLimit = 1 << 14;

    /// <summary>Short attribute values (articles, codes) repeat; long ones (sources) rarely do, and are not pooled.</summary>
    private string Value(ReadOnlySpan<char> s) => s.Length <= 16 ? Pooled(s) : s.ToString();

    private bool CheckDate(SourceFile file, DateSyntax date)
    {
        if (date.Value is not null) return true;
        Diagnostics.Add(DiagnosticCatalog.ImpossibleDate(file.At(date.Span), date.Text, date.Problem ?? "no such day"));
        return false;
    }
}
