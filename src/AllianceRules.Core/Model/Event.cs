using System.Collections.Immutable;
using AllianceRules.Diagnostics;
using NodaTime;

namespace AllianceRules.Model;

/// <summary>Where an event was written: the path as given, the 1-based line, and the line's text. A value, not an object: a dataset has millions of events.</summary>
public readonly record struct EventOrigin(string File, int Line, string Text);

/// <summary>One dated event of a history: <c>actor verb target</c> with attributes.</summary>
public sealed record Event(
    LocalDate Date,
    string Actor,
    string Verb,
    string Target,
    ImmutableSortedDictionary<string, string> Attributes,
    string? Description,
    EventOrigin Origin)
{
    /// <summary>What the event says (actor, verb, target, attributes), not where it was written: a key that does not depend on line order.</summary>
    public string Content() => $"{Actor} {Verb} {Target} {string.Join(",", Attributes)}";
}

/// <summary>
/// All event files together, with the horizon they state (if any) and the intervals they claim to
/// record completely (<c>observed</c>), in which calendar duties are judged.
/// </summary>
public sealed record EventHistory(ImmutableArray<Event> Events, LocalDate? AsOf, ImmutableArray<DateRange> Observed = default)
{
    /// <summary>The observed intervals; empty when none was stated.</summary>
    public ImmutableArray<DateRange> ObservedOrEmpty => Observed.IsDefault ? [] : Observed;

    /// <summary>Rows of imported data left out: counted by reason and reported, never silently dropped.</summary>
    public SkippedRows Skipped { get; init; } = SkippedRows.None;
}
