using System.Collections.Immutable;

namespace AllianceRules.Evaluation;

/// <summary>
/// One assumption or reading of a sweep, by <c>NAME</c> or <c>TREATY.NAME</c>, and the values to try
/// for it: ISO 8601 durations for an assumption (<c>--sweep prompt=P7D,P30D</c>), options for a
/// reading (<c>--sweep aggressor=state,any</c>). Several axes are tried in every combination, the
/// first axis varying slowest.
/// </summary>
public sealed record SweepAxis(string Name, ImmutableArray<string> Values)
{
    /// <summary>Whether the axis is a reading; the sweep sets it from the rule set (<see cref="Sweep.Axes"/>).</summary>
    public bool IsReading { get; init; }
}
