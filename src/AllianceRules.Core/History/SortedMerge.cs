using AllianceRules.Model;
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
/// </remarks>
public sealed class SortedMerge(HistoryReader reader, IReadOnlyList<HistorySource> sources)
{
    /// <summary>Files open at once, at most: each holds a descriptor and about 130 KB of buffers (the COW wars are 95 files).</summary>
    public const int MaxOpen = 256;

    /// <summary>Where the histories were first found out of date order, and how, as a phrase for a note; null while they are sorted.</summary>
    public string? Unsorted { get; private set; }

    /// <summary>True when a later file of a long list stated a horizon or an observed interval after the evaluation had begun.</summary>
    public bool LateDirective { get; private set; }

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
        try
        {
            for (var i = 0; i < sources.Count; i++)
            {
                var events = reader.Read(sources[i]).GetEnumerator();
                open.Add(events);
                if (events.MoveNext()) heap.Enqueue(i, (events.Current.Date, rank[i]));
            }
            var merged = open.Count == 1 ? Single(open[0], heap.Count > 0) : Heap(open, heap, rank);
            foreach (var e in merged) yield return e;
        }
        finally
        {
            foreach (var events in open) events.Dispose();
        }
    }

    /// <summary>One history needs no heap, only the check that it is in date order.</summary>
    private IEnumerable<Event> Single(IEnumerator<Event> events, bool any)
    {
        if (!any) yield break;
        var e = events.Current;
        while (true)
        {
            if (reader.DirectiveAfterEvents) yield break;
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
            if (reader.DirectiveAfterEvents) yield break;
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
}
