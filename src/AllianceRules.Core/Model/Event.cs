using System.Collections.Immutable;
using NodaTime;

namespace AllianceRules.Model;

/// <summary>Where an event was written: the path as given, the 1-based line, and the line's text.</summary>
public sealed record EventOrigin(string File, int Line, string Text);

/// <summary>One dated event of a history: <c>actor verb target</c> with attributes.</summary>
public sealed record Event(
    LocalDate Date,
    string Actor,
    string Verb,
    string Target,
    ImmutableSortedDictionary<string, string> Attributes,
    string? Description,
    EventOrigin Origin);

/// <summary>
/// All event files together, with the horizon they state (if any) and the intervals they claim to
/// record completely (<c>observed</c>), in which calendar duties are judged.
/// </summary>
public sealed record EventHistory(ImmutableArray<Event> Events, LocalDate? AsOf, ImmutableArray<DateRange> Observed = default)
{
    /// <summary>The observed intervals; empty when none was stated.</summary>
    public ImmutableArray<DateRange> ObservedOrEmpty => Observed.IsDefault ? [] : Observed;

    /// <summary>Rows of coded data that no verb could stand for: counted and reported, never silently dropped.</summary>
    public ImmutableArray<SkippedRow> Skipped { get; init; } = [];
}

/// <summary>A row of imported data left out, where it was and why (for instance "no verb for CAMEO code 0211").</summary>
public sealed record SkippedRow(string File, int Line, string Reason);
