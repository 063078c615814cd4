using System.Collections.Immutable;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// The days the histories claim to record completely (<c>observed</c>), merged: a calendar duty
/// is judged only for a period that lies wholly inside them, since a missing event outside them
/// proves nothing.
/// </summary>
internal sealed class ObservedCoverage
{
    private readonly ImmutableArray<DateRange> _merged;

    public ObservedCoverage(IEnumerable<DateRange> ranges)
    {
        var merged = new List<DateRange>();
        foreach (var r in ranges.OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && merged[^1] is var last && (last.End is not { } end || r.Start <= end))
            {
                merged[^1] = new DateRange(last.Start, last.End is null || r.End is null ? null : Max(last.End.Value, r.End.Value));
            }
            else
            {
                merged.Add(r);
            }
        }
        _merged = [.. merged];
    }

    public bool IsEmpty => _merged.IsEmpty;

    /// <summary>The merged interval that holds a date (callers ask only about covered dates).</summary>
    public DateRange Containing(LocalDate date) => _merged.First(r => r.Contains(date));

    /// <summary>The merged intervals, earliest first.</summary>
    public ImmutableArray<DateRange> Ranges => _merged;

    /// <summary>Whether every day from <paramref name="from"/> to <paramref name="to"/> (inclusive) is observed.</summary>
    public bool Covers(LocalDate from, LocalDate to)
    {
        foreach (var r in _merged)
        {
            if (r.Start > from) return false;
            if (r.Contains(from)) return r.End is not { } end || to < end;
        }
        return false;
    }

    /// <summary>The latest end of a bounded interval (the first day after it); null when no interval is bounded.</summary>
    public LocalDate? End => _merged.Where(r => r.End is not null).Select(r => r.End).LastOrDefault();

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
}
