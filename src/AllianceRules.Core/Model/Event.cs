using System.Collections.Immutable;
using AllianceRules.Diagnostics;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Model;

/// <summary>
/// Where an event was written: the path as given, the 1-based line, and the line's text. A value, not
/// an object: a dataset has millions of events. The text is held, or, for a dataset row read from a
/// file that can be read again at an offset, found there when it is asked for (<see cref="EvidenceRow"/>):
/// a GDELT row is 540 characters, and a report prints few of the rows a run keeps.
/// </summary>
public readonly record struct EventOrigin
{
    // The text itself, or the row to read it from: one field, so an origin is no larger than when it held only text.
    private readonly object? _text;

    public EventOrigin(string File, int Line, string Text)
    {
        this.File = File;
        this.Line = Line;
        _text = Text;
    }

    /// <summary>An origin whose text is read back from its file when asked for.</summary>
    public EventOrigin(string file, int line, EvidenceRow row)
    {
        File = file;
        Line = line;
        _text = row;
    }

    public string File { get; init; }

    public int Line { get; init; }

    /// <summary>The line's text, without its line break; reading a row back fails with <see cref="HistoryChangedException"/> if its file no longer holds it.</summary>
    public string Text => _text as string ?? (_text as EvidenceRow)?.Text ?? string.Empty;

    /// <summary>Where the text is to be read, when it is not held; null when it is.</summary>
    public EvidenceRow? Row => _text as EvidenceRow;
}

/// <summary>
/// One event of a history: <c>actor verb target</c> with attributes, dated by the day it begins.
/// A point event holds on <see cref="Date"/> alone; an interval event holds from <see cref="Date"/>
/// up to, not including, <see cref="End"/> (the membership convention, language.md §5.5).
/// </summary>
public sealed record Event(
    LocalDate Date,
    string Actor,
    string Verb,
    string Target,
    ImmutableSortedDictionary<string, string> Attributes,
    string? Description,
    EventOrigin Origin)
{
    /// <summary>The end of an interval that lasts to the horizon.</summary>
    public static readonly LocalDate OpenEnd = LocalDate.MaxIsoValue;

    /// <summary>
    /// The first day on which an interval event no longer holds (<see cref="OpenEnd"/> when it lasts to
    /// the horizon); null for a point event. A one-day interval is read as a point event, so the two
    /// never differ but in their text.
    /// </summary>
    public LocalDate? End { get; init; }

    /// <summary>Whether the event holds on more than its first day.</summary>
    public bool IsInterval => End is not null;

    /// <summary>The last day on which the event holds.</summary>
    public LocalDate LastDay => End is { } end ? (end == OpenEnd ? OpenEnd : end.PlusDays(-1)) : Date;

    /// <summary>Whether the event holds on some day of <c>[from, to]</c> (both included): it begins by <paramref name="to"/> and ends after <paramref name="from"/>.</summary>
    public bool Meets(LocalDate from, LocalDate to) => Date <= to && LastDay >= from;

    /// <summary>When the event holds, as written: <c>DATE</c>, <c>DATE .. END</c> or <c>DATE ..</c>.</summary>
    public string When() => End switch
    {
        null => DateText.Format(Date),
        { } end when end == OpenEnd => DateText.Format(Date) + " ..",
        { } end => DateText.Format(Date) + " .. " + DateText.Format(end),
    };

    /// <summary>What the event says (actor, verb, target, attributes), not where it was written: a key that does not depend on line order.</summary>
    public string Content() => $"{Actor} {Verb} {Target} {string.Join(",", Attributes)}{(End is { } end ? " .. " + DateText.Format(end) : string.Empty)}";
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
