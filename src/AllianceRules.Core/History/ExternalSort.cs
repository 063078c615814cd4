using System.Collections.Immutable;
using System.Text;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.History;

/// <summary>
/// Sorts events into the evaluator's order (date, then file, then line) within a memory budget:
/// runs that fill the budget are sorted and written to spill streams the caller provides, then
/// merged. The engine does no I/O of its own; the streams may be files, or memory in tests.
/// </summary>
public sealed class ExternalSort(long budgetBytes, Func<Stream> createSpill)
{
    /// <summary>Runs merged at once, at most.</summary>
    public const int MaxFanIn = 64;

    // The files whose rows are kept by offset, numbered as the spills name them.
    private readonly List<RowSource> _sources = [];
    private readonly Dictionary<RowSource, int> _sourceNumbers = [];

    /// <summary>How many runs were written to spill streams; 0 when everything fitted.</summary>
    public int Runs { get; private set; }

    public IEnumerable<Event> Sort(IEnumerable<Event> events)
    {
        var spills = new List<Stream>();
        try
        {
            var run = new List<Event>();
            var size = 0L;
            foreach (var e in events)
            {
                run.Add(e);
                size += EstimatedSize(e);
                if (size < budgetBytes) continue;
                spills.Add(Spill(run));
                run.Clear();
                size = 0;
            }
            if (spills.Count == 0)
            {
                run.Sort(Compare);
                foreach (var e in run) yield return e;
                yield break;
            }
            if (run.Count > 0) spills.Add(Spill(run));
            run = null;
            Runs = spills.Count;
            // Each run holds a file open while it is merged: merge in passes of at most MaxFanIn.
            while (spills.Count > MaxFanIn)
            {
                var merged = new List<Stream>();
                foreach (var group in spills.Chunk(MaxFanIn))
                {
                    merged.Add(Spill(Merge([.. group])));
                    foreach (var s in group) s.Dispose();
                }
                spills = merged;
            }
            foreach (var e in Merge(spills)) yield return e;
        }
        finally
        {
            foreach (var s in spills) s.Dispose();
        }
    }

    private int SourceNumber(RowSource source)
    {
        if (_sourceNumbers.TryGetValue(source, out var n)) return n;
        _sources.Add(source);
        return _sourceNumbers[source] = _sources.Count - 1;
    }

    private static int Compare(Event a, Event b)
    {
        var c = a.Date.CompareTo(b.Date);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Origin.File, b.Origin.File);
        return c != 0 ? c : a.Origin.Line.CompareTo(b.Origin.Line);
    }

    /// <summary>A rough count of the bytes an event holds: objects, and two bytes a character.</summary>
    private static long EstimatedSize(Event e) =>
        200 + (e.Origin.Row is null ? 2L * e.Origin.Text.Length : 48) + (2L * (e.Description?.Length ?? 0)) + e.Attributes.Sum(a => 64 + (2L * a.Value.Length));

    private Stream Spill(List<Event> run)
    {
        run.Sort(Compare);
        return Spill((IEnumerable<Event>)run);
    }

    /// <summary>Writes events, already in order, to a new spill stream, ready to be read from its start.</summary>
    private Stream Spill(IEnumerable<Event> sorted)
    {
        var stream = createSpill();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var e in sorted) Write(writer, e);
        }
        stream.Position = 0;
        return stream;
    }

    private IEnumerable<Event> Merge(List<Stream> spills)
    {
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var readers = spills.Select(s => new BinaryReader(s, Encoding.UTF8, leaveOpen: true)).ToList();
        var heap = new PriorityQueue<int, Event>(Comparer<Event>.Create(Compare));
        for (var i = 0; i < readers.Count; i++)
        {
            if (Read(readers[i], pool) is { } first) heap.Enqueue(i, first);
        }
        while (heap.TryDequeue(out var i, out var e))
        {
            yield return e;
            if (Read(readers[i], pool) is { } next) heap.Enqueue(i, next);
        }
        foreach (var r in readers) r.Dispose();
    }

    private void Write(BinaryWriter w, Event e)
    {
        w.Write(e.Date.Year);
        w.Write((byte)e.Date.Month);
        w.Write((byte)e.Date.Day);
        w.Write(e.Actor);
        w.Write(e.Verb);
        w.Write(e.Target);
        w.Write(e.Attributes.Count);
        foreach (var (name, value) in e.Attributes)
        {
            w.Write(name);
            w.Write(value);
        }
        w.Write(e.Description is not null);
        if (e.Description is not null) w.Write(e.Description);
        w.Write(e.Origin.File);
        w.Write(e.Origin.Line);
        // A row kept by its offset stays so (its file by its number in this sort), unread.
        if (e.Origin.Row is { } row)
        {
            w.Write(true);
            w.Write(SourceNumber(row.Source));
            w.Write(row.Offset);
            w.Write(row.Length);
            w.Write(row.Hash);
        }
        else
        {
            w.Write(false);
            w.Write(e.Origin.Text);
        }
        // An interval's end: most events have none, so one byte says so.
        w.Write(e.End is not null);
        if (e.End is { } end)
        {
            w.Write(end.Year);
            w.Write((byte)end.Month);
            w.Write((byte)end.Day);
        }
    }

    private Event? Read(BinaryReader r, Dictionary<string, string> pool)
    {
        if (r.BaseStream.Position >= r.BaseStream.Length) return null;
        var date = new LocalDate(r.ReadInt32(), r.ReadByte(), r.ReadByte());
        string Pooled(string s)
        {
            if (pool.TryGetValue(s, out var shared)) return shared;
            pool[s] = s;
            return s;
        }
        var actor = Pooled(r.ReadString());
        var verb = Pooled(r.ReadString());
        var target = Pooled(r.ReadString());
        var count = r.ReadInt32();
        var attributes = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++) attributes.Add(Pooled(r.ReadString()), r.ReadString());
        var description = r.ReadBoolean() ? r.ReadString() : null;
        var (file, line) = (Pooled(r.ReadString()), r.ReadInt32());
        var origin = r.ReadBoolean()
            ? new EventOrigin(file, line, new EvidenceRow(_sources[r.ReadInt32()], r.ReadInt64(), r.ReadInt32(), r.ReadInt32(), line))
            : new EventOrigin(file, line, r.ReadString());
        LocalDate? end = r.ReadBoolean() ? new LocalDate(r.ReadInt32(), r.ReadByte(), r.ReadByte()) : null;
        return new Event(date, actor, verb, target, attributes.ToImmutable(), description, origin) { End = end };
    }
}
