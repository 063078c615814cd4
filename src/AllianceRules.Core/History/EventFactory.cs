using System.Collections.Immutable;
using AllianceRules.Diagnostics;
using AllianceRules.Model;
using AllianceRules.Syntax;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.History;

/// <summary>
/// Makes events from what the line readers found, checked against the rule set's verbs, sharing
/// one copy of each party code, verb and short value, and keeping light the events no rule can use.
/// </summary>
internal sealed class EventFactory
{
    public static readonly ImmutableSortedDictionary<string, string> NoAttributes =
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    private const int PoolLimit = 1 << 14;

    private readonly HashSet<string>? _verbs;
    private readonly IReadOnlyCollection<string> _verbList;
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _poolLookup;

    public EventFactory(IEnumerable<string>? declaredVerbs)
    {
        _verbs = declaredVerbs?.ToHashSet(StringComparer.Ordinal);
        VerbLookup = _verbs?.GetAlternateLookup<ReadOnlySpan<char>>();
        _verbList = _verbs ?? [];
        _poolLookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The declared verbs, looked up by span; null when they are unknown.</summary>
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? VerbLookup { get; }

    /// <summary>Which events are needed whole (see <see cref="HistoryReader.NeedsDetail"/>); null keeps every event whole.</summary>
    public Func<string, LocalDate, bool>? NeedsDetail { get; set; }

    /// <summary>
    /// An event kept light: date, parties and verb only, without attributes, description or the
    /// line's text, because no rule of the run can use it (its verb is in no pattern). The evaluator
    /// walks its date and passes it by, as it passes by every event of a verb no rule names.
    /// </summary>
    public static Event Light(LocalDate date, string actor, string verb, string target, string path, int line) =>
        new(date, actor, verb, target, NoAttributes, null, new EventOrigin(path, line, string.Empty));

    /// <summary>An event from a line read by the grammar (or the JSON Lines and CSV readers); null when it breaks a rule (then reported).</summary>
    public Event? FromSyntax(SourceFile file, EventLineSyntax e, DiagnosticBag diagnostics)
    {
        var ok = CheckDate(file, e.Date, diagnostics);
        var end = End(file, e, diagnostics, ref ok);
        if (_verbs is not null && !_verbs.Contains(e.Verb.Text))
        {
            diagnostics.Add(DiagnosticCatalog.UndeclaredEventVerb(file.At(e.Verb.Span), e.Verb.Text, _verbList));
            ok = false;
        }
        var attributes = NoAttributes.ToBuilder();
        foreach (var attribute in e.Attributes)
        {
            if (!attributes.TryAdd(Pooled(attribute.Name.Text), Value(attribute.Value)))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateAttribute(file.At(attribute.Name.Span), attribute.Name.Text));
                ok = false;
            }
        }
        return ok
            ? new Event(e.Date.Value!.Value, Pooled(e.Actor.Text), Pooled(e.Verb.Text), Pooled(e.Target.Text),
                attributes.Count == 0 ? NoAttributes : attributes.ToImmutable(), e.Description?.Value,
                new EventOrigin(file.Path, e.Line, e.Text)) { End = end }
            : null;
    }

    /// <summary>
    /// The end of an interval event: <see cref="Event.OpenEnd"/> when open, null for a point event
    /// and for a one-day interval, which means exactly what the point event means (language.md §5.5).
    /// </summary>
    private static LocalDate? End(SourceFile file, EventLineSyntax e, DiagnosticBag diagnostics, ref bool ok)
    {
        if (e.Until is not { } until) return null;
        if (until.End is not { } endSyntax) return Event.OpenEnd;
        if (!CheckDate(file, endSyntax, diagnostics))
        {
            ok = false;
            return null;
        }
        var end = endSyntax.Value!.Value;
        if (e.Date.Value is not { } start) return null;
        if (end <= start)
        {
            diagnostics.Add(DiagnosticCatalog.EmptyEventInterval(file.At(until.Span), DateText.Format(start), DateText.Format(end)));
            ok = false;
            return null;
        }
        return end == start.PlusDays(1) ? null : end;
    }

    /// <summary>
    /// Party codes, verbs and attribute names repeat on every line; one copy of each serves them
    /// all. The pool stops growing at <see cref="PoolLimit"/> strings, so values that never repeat
    /// (a dataset's event ids) cannot make it hold the whole history.
    /// </summary>
    public string Pooled(ReadOnlySpan<char> s)
    {
        if (_poolLookup.TryGetValue(s, out var shared)) return shared;
        var copy = s.ToString();
        if (_pool.Count < PoolLimit) _pool[copy] = copy;
        return copy;
    }

    /// <summary>Short attribute values (articles, codes) repeat; long ones (sources) rarely do, and are not pooled.</summary>
    public string Value(ReadOnlySpan<char> s) => s.Length <= 16 ? Pooled(s) : s.ToString();

    public static bool CheckDate(SourceFile file, DateSyntax date, DiagnosticBag diagnostics)
    {
        if (date.Value is not null) return true;
        diagnostics.Add(DiagnosticCatalog.ImpossibleDate(file.At(date.Span), date.Text, date.Problem ?? "no such day"));
        return false;
    }
}
