using NodaTime;

namespace AllianceRules.Bench.Peer;

/// <summary>
/// Reads a generated <c>.events</c> history for the peer: <c>DATE ACTOR VERB TARGET ...</c>, split
/// on spaces; attributes and descriptions are skipped (the peer's rules use none). Comment and blank
/// lines are skipped and <c>as of DATE</c> sets the horizon. It checks nothing else: the histories
/// are generated, and our own reader, which validates every line, is measured on the same files.
/// </summary>
public static class PeerHistoryReader
{
    public sealed record History(List<PeerEvent> Events, LocalDate? AsOf)
    {
        /// <summary>The horizon as language.md §4 defines it without <c>--as-of</c>: <c>as of</c>, else the last event's date.</summary>
        public LocalDate? Horizon => AsOf ?? (Events.Count == 0 ? null : Events.Max(e => e.Date));
    }

    public static History Read(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, true, 1 << 16);
        return Read(reader);
    }

    public static History Read(TextReader reader)
    {
        var events = new List<PeerEvent>();
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        LocalDate? asOf = null;
        Span<Range> parts = stackalloc Range[5];
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var span = line.AsSpan().Trim();
            if (span.IsEmpty || span[0] == '#') continue;
            if (span.StartsWith("as of ", StringComparison.Ordinal))
            {
                asOf = Date(span[6..].Trim());
                continue;
            }
            var n = span.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
            if (n < 4) throw new FormatException($"not an event line: {line}");
            events.Add(new PeerEvent(Date(span[parts[0]]), Pooled(lookup, span[parts[1]]), Pooled(lookup, span[parts[2]]), Pooled(lookup, span[parts[3]])));
        }
        return new History(events, asOf);
    }

    private static string Pooled(Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> pool, ReadOnlySpan<char> text)
    {
        if (pool.TryGetValue(text, out var s)) return s;
        s = text.ToString();
        pool[s] = s;
        return s;
    }

    private static LocalDate Date(ReadOnlySpan<char> s)
    {
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') throw new FormatException($"not a date: {s}");
        return new LocalDate(Digits(s[..4]), Digits(s[5..7]), Digits(s[8..10]));
    }

    private static int Digits(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9') throw new FormatException($"not a number: {s}");
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
