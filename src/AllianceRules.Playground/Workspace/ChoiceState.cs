using System.Collections.Immutable;

namespace AllianceRules.Playground.Workspace;

/// <summary>
/// The options the controls set, by <c>TREATY.NAME</c>: assumption overrides as period text
/// (<c>14 days</c>) and reading choices. Only what differs from a treaty's own default is kept, so
/// a link stays short and a rule file's new default is not masked by an old control.
/// </summary>
public sealed record ChoiceState(ImmutableSortedDictionary<string, string> Assumptions, ImmutableSortedDictionary<string, string> Readings)
{
    public static ChoiceState None { get; } = new(
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal));

    public ChoiceState WithAssumption(string key, string? period) => this with
    {
        Assumptions = period is null ? Assumptions.Remove(key) : Assumptions.SetItem(key, period),
    };

    public ChoiceState WithReading(string key, string? option) => this with
    {
        Readings = option is null ? Readings.Remove(key) : Readings.SetItem(key, option),
    };
}
