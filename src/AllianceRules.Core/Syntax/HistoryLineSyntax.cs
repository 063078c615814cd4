using AllianceRules.Text;

namespace AllianceRules.Syntax;

/// <summary>One meaningful line of an event history.</summary>
public abstract record HistoryLineSyntax(int Line, TextSpan Span) : SyntaxNode(Span);

/// <summary><c>as of DATE</c>: the evaluation horizon.</summary>
internal sealed record AsOfSyntax(DateSyntax Date, int Line, TextSpan Span) : HistoryLineSyntax(Line, Span);

/// <summary>
/// <c>observed DATE .. [DATE]</c>: the history records every relevant event of that interval, so
/// calendar duties can be judged inside it.
/// </summary>
internal sealed record ObservedSyntax(IntervalSyntax Interval, int Line, TextSpan Span) : HistoryLineSyntax(Line, Span);

/// <summary>A row of coded event data whose verb comes from its CAMEO code, by the vocabulary's longest matching prefix.</summary>
internal sealed record CodedEventSyntax(EventLineSyntax Event, string Cameo, TextSpan CameoSpan, int Line) : HistoryLineSyntax(Line, Event.Span);

/// <summary>
/// <c>DATE [.. [END]] ACTOR VERB TARGET { NAME=value } [STRING]</c>; <see cref="Text"/> is the line as
/// written, without a trailing comment. <see cref="Until"/> is set for an interval event: its
/// <see cref="EventEndSyntax.End"/> is null when the interval is open.
/// </summary>
internal sealed record EventLineSyntax(
    DateSyntax Date,
    Identifier Actor,
    Identifier Verb,
    Identifier Target,
    IReadOnlyList<AttributeSyntax> Attributes,
    StringLiteral? Description,
    string Text,
    int Line,
    TextSpan Span,
    EventEndSyntax? Until = null) : HistoryLineSyntax(Line, Span);

/// <summary>The <c>.. [END]</c> of an interval event; <see cref="End"/> is null for an open end, and <see cref="Span"/> covers what was written.</summary>
internal sealed record EventEndSyntax(DateSyntax? End, TextSpan Span);
