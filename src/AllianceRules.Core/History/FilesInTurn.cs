using AllianceRules.Model;

namespace AllianceRules.History;

/// <summary>
/// The events of histories one file after another, as <see cref="HistoryReader.Read(HistorySource)"/>
/// gives them in turn (an unsorted history is read so, then sorted). With more than one thread,
/// the next files are read ahead, each on a thread of its own by a reader of its own, and what each
/// found besides events is taken in file order as it ends: the reader ends as if it had read them.
/// </summary>
public static class FilesInTurn
{
    public static IEnumerable<Event> Events(HistoryReader reader, IReadOnlyList<HistorySource> sources, int threads, CancellationToken cancellation = default)
    {
        if (threads <= 1) return sources.SelectMany(s => reader.Read(s));
        if (sources.Count == 1) return new ReadAhead<Event>(reader.Read(sources[0]), null, cancellation);
        return Ahead(reader, sources, Math.Min(threads, SortedMerge.MaxOpen), cancellation);
    }

    private static IEnumerable<Event> Ahead(HistoryReader reader, IReadOnlyList<HistorySource> sources, int window, CancellationToken cancellation)
    {
        var reading = new Queue<(HistoryReader Reader, IEnumerator<Event> Events)>();
        var next = 0;
        try
        {
            while (true)
            {
                while (reading.Count < window && next < sources.Count)
                {
                    var file = reader.ForFile();
                    reading.Enqueue((file, new ReadAhead<Event>(file.Read(sources[next++]), null, cancellation).GetEnumerator()));
                }
                if (!reading.TryPeek(out var current)) yield break;
                while (current.Events.MoveNext()) yield return current.Events.Current;
                // Read to its end and joined: its header lines and findings come next, in file order.
                reading.Dequeue().Events.Dispose();
                reader.Header.Replay(current.Reader.Header.Recorded!, reader.Diagnostics);
                reader.Absorb(current.Reader);
            }
        }
        finally
        {
            foreach (var (_, events) in reading) events.Dispose();
        }
    }
}
