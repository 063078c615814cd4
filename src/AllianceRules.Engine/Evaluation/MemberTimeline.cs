using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// A treaty's members on each date, computed once: membership changes only where an interval
/// starts or ends, so between two such dates the members (in ordinal order) are one array.
/// </summary>
internal sealed class MemberTimeline
{
    private readonly LocalDate[] _from;
    private readonly string[][] _members;

    public MemberTimeline(Treaty treaty)
    {
        var boundaries = treaty.Members.Values.SelectMany(ranges => ranges)
            .SelectMany(r => r.End is { } end ? new[] { r.Start, end } : [r.Start])
            .Distinct().Order().ToArray();
        _from = boundaries;
        _members = [.. boundaries.Select(d => treaty.MembersOn(d).ToArray())];
    }

    /// <summary>The members on <paramref name="date"/>, in ordinal order.</summary>
    public string[] On(LocalDate date)
    {
        var i = Array.BinarySearch(_from, date);
        if (i < 0) i = ~i - 1;
        return i < 0 ? [] : _members[i];
    }
}
