using System.Collections.Immutable;
using AllianceRules.Diagnostics;
using AllianceRules.Model;
using AllianceRules.Parsing;
using AllianceRules.Syntax;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules;

/// <summary>Reads <c>.events</c> and <c>.jsonl</c> files into one history, checked against the rule set's vocabulary.</summary>
public static class HistoryLoader
{
    /// <param name="declaredVerbs">The verbs of the rule set; null when they are unknown (a broken vocabulary), which skips that check.</param>
    /// <param name="vocabulary">The verbs with their CAMEO codes, to map rows of coded data; null when unknown.</param>
    public static LoadResult<EventHistory> Load(IEnumerable<SourceFile> files, IEnumerable<string>? declaredVerbs, IReadOnlyList<Verb>? vocabulary = null)
    {
        var cameo = vocabulary is null ? null : new CameoMap(vocabulary);
        var skipped = ImmutableArray.CreateBuilder<SkippedRow>();
        var verbs = declaredVerbs?.ToHashSet(StringComparer.Ordinal);
        var bag = new DiagnosticBag();
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var events = ImmutableArray.CreateBuilder<Event>();
        (LocalDate Date, string Text, string Where)? asOf = null;
        var observed = ImmutableArray.CreateBuilder<DateRange>();
        foreach (var file in files)
        {
            foreach (var line in HistoryParser.Read(file, bag))
            {
                switch (line)
                {
                    case AsOfSyntax a:
                        if (!CheckDate(file, a.Date, bag)) break;
                        var date = a.Date.Value!.Value;
                        if (asOf is { } earlier && earlier.Date != date)
                        {
                            bag.Add(DiagnosticCatalog.ConflictingAsOf(file.At(a.Date.Span), a.Date.Text, earlier.Text, earlier.Where));
                        }
                        asOf ??= (date, a.Date.Text, $"{file.Path}:{file.GetPosition(a.Span.Start).Line}");
                        break;
                    case ObservedSyntax o:
                        if (!CheckDate(file, o.Interval.From, bag) | (o.Interval.To is { } to && !CheckDate(file, to, bag))) break;
                        var range = new DateRange(o.Interval.From.Value!.Value, o.Interval.To?.Value);
                        if (range.End is { } end && end <= range.Start) bag.Add(DiagnosticCatalog.EmptyObserved(file.At(o.Interval.Span)));
                        else observed.Add(range);
                        break;
                    case EventLineSyntax e:
                        if (ToEvent(file, e, verbs, bag, pool) is { } ev) events.Add(ev);
                        break;
                    case CodedEventSyntax c:
                        if (cameo?.VerbFor(c.Cameo) is not { } mapped)
                        {
                            skipped.Add(new SkippedRow(file.Path, c.Line, $"no verb for CAMEO code {(c.Cameo.Length == 0 ? "(empty)" : c.Cameo)}"));
                            break;
                        }
                        var withVerb = c.Event with { Verb = new Identifier(mapped, c.CameoSpan), Attributes = [.. c.Event.Attributes, new AttributeSyntax(new Identifier("cameo", c.CameoSpan), c.Cameo, c.CameoSpan)] };
                        if (ToEvent(file, withVerb, verbs, bag, pool) is { } coded) events.Add(coded);
                        break;
                }
            }
        }
        var sorted = bag.ToSortedArray();
        return bag.HasErrors
            ? new LoadResult<EventHistory>(null, sorted)
            : new LoadResult<EventHistory>(new EventHistory(events.ToImmutable(), asOf?.Date, observed.ToImmutable()) { Skipped = skipped.ToImmutable() }, sorted);
    }

    private static readonly ImmutableSortedDictionary<string, string> NoAttributes =
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Party codes, verbs and attribute names repeat on every line; one copy of each serves them all.</summary>
    private static string Pooled(Dictionary<string, string> pool, string s)
    {
        if (pool.TryGetValue(s, out var shared)) return shared;
        pool[s] = s;
        return s;
    }

    private static Event? ToEvent(SourceFile file, EventLineSyntax e, HashSet<string>? verbs, DiagnosticBag bag, Dictionary<string, string> pool)
    {
        var ok = CheckDate(file, e.Date, bag);
        if (verbs is not null && !verbs.Contains(e.Verb.Text))
        {
            bag.Add(DiagnosticCatalog.UndeclaredEventVerb(file.At(e.Verb.Span), e.Verb.Text, verbs));
            ok = false;
        }
        var attributes = NoAttributes.ToBuilder();
        foreach (var attribute in e.Attributes)
        {
            if (!attributes.TryAdd(Pooled(pool, attribute.Name.Text), Pooled(pool, attribute.Value)))
            {
                bag.Add(DiagnosticCatalog.DuplicateAttribute(file.At(attribute.Name.Span), attribute.Name.Text));
                ok = false;
            }
        }
        return ok
            ? new Event(e.Date.Value!.Value, Pooled(pool, e.Actor.Text), Pooled(pool, e.Verb.Text), Pooled(pool, e.Target.Text),
                attributes.Count == 0 ? NoAttributes : attributes.ToImmutable(), e.Description?.Value,
                new EventOrigin(file.Path, e.Line, e.Text))
            : null;
    }

    private static bool CheckDate(SourceFile file, DateSyntax date, DiagnosticBag bag)
    {
        if (date.Value is not null) return true;
        bag.Add(DiagnosticCatalog.ImpossibleDate(file.At(date.Span), date.Text, date.Problem ?? "no such day"));
        return false;
    }
}
