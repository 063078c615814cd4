using System.Collections.Immutable;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// What the caller decides: the horizon (which wins over the history's <c>as of</c>), overrides
/// of assumptions and choices of readings, each by <c>NAME</c> or <c>TREATY.NAME</c> (<see cref="RuleSet.WithChoices"/>). The engine reads no clock: without a horizon anywhere it
/// uses the date of the last event, or the end of the observed intervals if later. <see cref="Observed"/> adds to the intervals the histories
/// claim to record completely.
/// </summary>
public sealed record EvaluationOptions(LocalDate? AsOf = null, IReadOnlyDictionary<string, Period>? AssumptionOverrides = null, ImmutableArray<DateRange> Observed = default)
{
    /// <summary>
    /// The assumptions and readings to sweep, each with the values to try; the report then says which verdicts
    /// change across their combinations. Empty: no sweep (a default array reads as empty).
    /// </summary>
    /// <summary>The option to read each named reading by (<c>--reading NAME=OPTION</c>); others keep their default.</summary>
    public IReadOnlyDictionary<string, string> ReadingChoices { get; init; } = NoReadings;

    private static readonly IReadOnlyDictionary<string, string> NoReadings = new Dictionary<string, string>();

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
