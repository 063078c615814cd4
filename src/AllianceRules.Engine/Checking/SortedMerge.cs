using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Checking;

/// <summary>
/// Merges histories that are each in date order into one sequence in the evaluator's order (date,
/// then file, then line), holding one event per file. It stops, and says where, at the first event
/// dated before the one above it in its file, or once a horizon or observed line comes too late
/// for a stream; the caller then reads the histories whole.
/// </summary>
internal sealed class SortedMerge(HistoryReader reader, IReadOnlyList<HistorySource> sources)
{
    /// <summary>The first line found out of date order, as <c>file:line</c>; null while the histories are sorted.</summary>
    public string? Unsorted { get; private set; }

    /// <summary>
    /// Opens every history and reads up to its first event, so the horizon and observed lines at the
    /// top of the files are known before the first event is evaluated; then merges.
    /// </summary>
    public IEnumerable<Event> Events()
    {
        var open = new List<(IEnumerator<Event> Events, int Rank)>();
        var heap = new PriorityQueue<int, (LocalDate Date, int Rank)>();
        try
        {
            foreach (var (source, rank) in sources.Select((s, i) => (s, i)).OrderBy(x => x.s.Path, StringComparer.Ordinal).Select((x, rank) => (x.s, rank)))
            {
                var events = reader.Read(source).GetEnumerator();
                open.Add((events, rank));
                if (events.MoveNext()) heap.Enqueue(open.Count - 1, (events.Current.Date, rank));
            }
            foreach (var e in Merge(open, heap)) yield return e;
        }
        finally
        {
            foreach (var (events, _) in open) events.Dispose();
        }
    }

    private IEnumerable<Event> Merge(List<(IEnumerator<Event> Events, int Rank)> open, PriorityQueue<int, (LocalDate Date, int Rank)> heap)
    {
        if (open.Count == 1) return Single(open[0].Events, heap.Count > 0);
        return Heap(open, heap);
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
            var next = events.Current;
            if (next.Date < e.Date)
            {
                Unsorted = $"{next.Origin.File}:{next.Origin.Line}";
                yield break;
            }
            e = next;
        }
    }

    private IEnumerable<Event> Heap(List<(IEnumerator<Event> Events, int Rank)> open, PriorityQueue<int, (LocalDate Date, int Rank)> heap)
    {
        while (heap.TryDequeue(out var index, out _))
        {
            var (events, rank) = open[index];
            var e = events.Current;
            if (reader.DirectiveAfterEvents) yield break;
            yield return e;
            if (!events.MoveNext()) continue;
            var next = events.Current;
            if (next.Date < e.Date)
            {
                Unsorted = $"{next.Origin.File}:{next.Origin.Line}";
                yield break;
            }
            heap.Enqueue(index, (next.Date, rank));
        }
    }
}
