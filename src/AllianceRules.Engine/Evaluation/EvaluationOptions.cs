using System.Collections.Immutable;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// What the caller decides: the horizon (which wins over the history's <c>as of</c>) and
/// overrides of assumptions by name. The engine reads no clock: without a horizon anywhere it
/// uses the date of the last event, or the end of the observed intervals if later. <see cref="Observed"/> adds to the intervals the histories
/// claim to record completely.
/// </summary>
public sealed record EvaluationOptions(LocalDate? AsOf = null, IReadOnlyDictionary<string, Period>? AssumptionOverrides = null, ImmutableArray<DateRange> Observed = default)
{
    /// <summary>
    /// The assumptions to sweep, each with the values to try; the report then says which verdicts
    /// change across their combinations. Empty: no sweep (a default array reads as empty).
    /// </summary>
    public ImmutableArray<SweepAxis> Sweeps { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>
    /// The most instances one rule may open (docs/robustness.md, limits): a rule that matches far
    /// more than any history of treaties can mean is stopped with AR8001, not by running out of memory.
    /// </summary>
    public int MaxInstancesPerRule { get; init; } = DefaultMaxInstancesPerRule;

    public const int DefaultMaxInstancesPerRule = 2_000_000;

    public ImmutableArray<DateRange> ObservedOrEmpty => Observed.IsDefault ? [] : Observed;

    private static readonly IReadOnlyDictionary<string, Period> None = new Dictionary<string, Period>();

    public IReadOnlyDictionary<string, Period> Overrides => AssumptionOverrides ?? None;
}
