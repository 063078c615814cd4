using AllianceRules.Model;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.History;

/// <summary>
/// Merges histories that are each in date order into one sequence in the evaluator's order (date,
/// then file, then line), holding one event per file. It stops, and says where, at the first event
/// dated before the one above it, or once a horizon or observed line comes too late for a stream;
/// the caller then reads the histories whole.
/// </summary>
/// <remarks>
/// Up to <see cref="MaxOpen"/> files are merged open at once. More files than that (a dataset
/// published as one file a day) are read one after another in path order, which is the merge order
/// whenever each file starts no earlier than the one before it ends: the check for that is the same
/// check as within a file.
/// <para>
/// With <see cref="ParallelFiles"/> of two or more, and no more files than that, each file is read
/// ahead on a thread of its own, by a reader of its own (<see cref="HistoryReader.ForFile"/>); the
/// merge takes their header lines in the order the files were given, knows for each event whether
/// its file had stated a late directive by then, and gathers their diagnostics and skipped rows
/// when it ends, so the events, the header and everything else come out as one reader gives them.
/// </para>
/// </remarks>
public sealed class SortedMerge(HistoryReader reader, IReadOnlyList<HistorySource> sources)
{
    /// <summary>Files open at once, at most: each holds a descriptor and about 130 KB of buffers (the COW wars are 95 files).</summary>
    public const int MaxOpen = 256;

    /// <summary>Where the histories were first found out of date order, and how, as a phrase for a note; null while they are sorted.</summary>
    public string? Unsorted { get; private set; }

    /// <summary>True when a later file of a long list stated a horizon or an observed interval after the evaluation had begun.</summary>
    public bool LateDirective { get; private set; }

    /// <summary>Read each file on a thread of its own when there are at least two files and no more than this many; 1 reads them all on the merge's thread.</summary>
    public int ParallelFiles { get; init; } = 1;

    /// <summary>Stops a merge that waits for a file read ahead.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>True when <see cref="Events"/> reads its files on threads of their own (the caller need not read ahead of it).</summary>
    public bool ReadsAhead => sources.Count >= 2 && sources.Count <= Math.Min(ParallelFiles, MaxOpen) && !reader.KeepsSkippedRows;

    /// <summary>With files read ahead: whether a directive came after events in a file, as far as the merge has read each.</summary>
    private bool _late;

    private bool Late => _late || reader.DirectiveAfterEvents;

    /// <summary>
    /// Opens the histories (in the order given, so their directives are read in that order) and
    /// reads up to each one's first event, so the horizon and observed lines at the top of the
    /// files are known before the first event is evaluated; then merges.
    /// </summary>
    public IEnumerable<Event> Events() => sources.Count > MaxOpen ? OneAfterAnother() : Merged();

    private IEnumerable<Event> Merged()
    {
        var rank = sources.Select((s, i) => (s.Path, i)).OrderBy(x => x.Path, StringComparer.Ordinal).Select((x, r) => (x.i, r)).ToDictionary(x => x.i, x => x.r);
        var open = new List<IEnumerator<Event>>();
        var heap = new PriorityQueue<int, (LocalDate Date, int Rank)>();
        // Each file's reader and thread start at once; the merge then meets them in the order given.
        var ahead = ReadsAhead ? sources.Select(s => new FileAhead(this, reader.ForFile(), s)).ToList() : null;
        try
        {
            for (var i = 0; i < sources.Count; i++)
            {
                var events = ahead?[i] ?? reader.Read(sources[i]).GetEnumerator();
                open.Add(events);
                var any = events.MoveNext();
                // The lines above a file's first event are taken in the order the files were given, as when read here.
                if (ahead is not null) reader.Header.Replay(ahead[i].FirstLines, reader.Diagnostics);
                if (any) heap.Enqueue(i, (events.Current.Date, rank[i]));
            }
            var merged = open.Count == 1 ? Single(open[0], heap.Count > 0) : Heap(open, heap, rank);
            foreach (var e in merged) yield return e;
        }
        finally
        {
            foreach (var events in open) events.Dispose();
            // A file that failed stops the loop above before the later files are met: their threads
            // must stop (and close their files) too, before what their readers found is read.
            foreach (var file in ahead ?? []) file.Dispose();
            // Every thread is joined: what the files' readers found is theirs to give, in the order given.
            foreach (var file in ahead ?? []) reader.Absorb(file.Reader);
        }
    }

    /// <summary>One history needs no heap, only the check that it is in date order.</summary>
    private IEnumerable<Event> Single(IEnumerator<Event> events, bool any)
    {
        if (!any) yield break;
        var e = events.Current;
        while (true)
        {
            if (Late) yield break;
            yield return e;
            if (!events.MoveNext()) yield break;
            if (OutOfOrder(e, events.Current)) yield break;
            e = events.Current;
        }
    }

    private IEnumerable<Event> Heap(List<IEnumerator<Event>> open, PriorityQueue<int, (LocalDate Date, int Rank)> heap, Dictionary<int, int> rank)
    {
        while (heap.TryDequeue(out var index, out _))
        {
            var events = open[index];
            var e = events.Current;
            if (Late) yield break;
            yield return e;
            if (!events.MoveNext()) continue;
            if (OutOfOrder(e, events.Current)) yield break;
            heap.Enqueue(index, (events.Current.Date, rank[index]));
        }
    }

    private IEnumerable<Event> OneAfterAnother()
    {
        Event? previous = null;
        (LocalDate? AsOf, int Observed)? stated = null;
        foreach (var source in sources.OrderBy(s => s.Path, StringComparer.Ordinal))
        {
            using var events = reader.Read(source).GetEnumerator();
            var any = events.MoveNext();
            // The first file's directives are known before anything is evaluated; a later file's are not.
            var now = (reader.AsOf, reader.Observed.Length);
            if (stated is { } before && before != now)
            {
                LateDirective = true;
                yield break;
            }
            stated = now;
            while (any)
            {
                var e = events.Current;
                if (reader.DirectiveAfterEvents || (previous is not null && OutOfOrder(previous, e, across: previous.Origin.File != e.Origin.File))) yield break;
                yield return e;
                previous = e;
                any = events.MoveNext();
            }
        }
    }

    private bool OutOfOrder(Event before, Event next, bool across = false)
    {
        if (next.Date >= before.Date) return false;
        // Each file may be in order, yet files read one after another overlap in time: say which.
        Unsorted = across
            ? $"{next.Origin.File}:{next.Origin.Line} is dated before the end of {before.Origin.File}, and more than {MaxOpen} files are read one after another, not merged: together they are not in date order"
            : $"{next.Origin.File}:{next.Origin.Line} is dated before the line above it: the history is not in date order";
        return true;
    }

    /// <summary>
    /// One file read ahead on a thread of its own, by its own reader; each event comes with whether
    /// the file had stated a directive after events by the time it was read, which the merge then
    /// knows at the same point as if it had read the file itself.
    /// </summary>
    private sealed class FileAhead : IEnumerator<Event>
    {
        private readonly SortedMerge _merge;
        private readonly IEnumerator<(Event Event, bool Late)> _events;
        private (SourceFile Piece, Syntax.HistoryLineSyntax Line)[] _firstLines = [];

        public FileAhead(SortedMerge merge, HistoryReader reader, HistorySource source)
        {
            (_merge, Reader) = (merge, reader);
            var flagged = reader.Read(source).Select(e => (e, reader.DirectiveAfterEvents));
            _events = new ReadAhead<(Event, bool)>(flagged, () => _firstLines = [.. reader.Header.Recorded!], merge.Cancellation).GetEnumerator();
        }

        public HistoryReader Reader { get; }

        /// <summary>The header lines above the first event (all of them, without events); known after the first MoveNext.</summary>
        public IReadOnlyList<(SourceFile Piece, Syntax.HistoryLineSyntax Line)> FirstLines => _firstLines;

        public Event Current => _events.Current.Event;

        object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_events.MoveNext())
            {
                _merge._late |= _events.Current.Late;
                return true;
            }
            // The file is read to its end and its thread joined: its reader may be asked.
            _merge._late |= Reader.DirectiveAfterEvents;
            return false;
        }

        public void Reset() => throw new NotSupportedException();

        public void Dispose() => _events.Dispose();
    }
}
