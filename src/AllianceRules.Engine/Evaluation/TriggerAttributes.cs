using System.Collections.Immutable;
using AllianceRules.Model;

namespace AllianceRules.Evaluation;

/// <summary>
/// The trigger's attributes that a rule's action, <c>until</c> or <c>before</c> read
/// (<c>[war=@war]</c>), resolved per trigger. A trigger without such an attribute gets a value no
/// event carries, so the pattern matches nothing, as <c>@name</c> makes an atom false.
/// </summary>
internal static class TriggerAttributes
{
    /// <summary>Stands for an attribute the trigger does not carry: no event's attribute has this value.</summary>
    private const string Missing = "\0";

    /// <summary>The names a rule reads from its trigger, in a fixed order; empty for most rules.</summary>
    public static ImmutableArray<string> Read(Rule rule)
    {
        if (rule.Obligation is not { } o) return [];
        var patterns = rule.Until.AsEnumerable();
        if (o.Window is BeforeWindow before) patterns = patterns.Append(before.Pattern);
        var references = patterns.SelectMany(p => p.Attributes).Concat(o.Attributes)
            .Where(t => t.Kind == AttributeTestKind.FromTrigger);
        return [.. references.Select(r => r.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The values of <paramref name="names"/> on the trigger, as one text for the instance key: triggers that differ in them oblige apart.</summary>
    public static string Context(ImmutableArray<string> names, Event? trigger)
    {
        if (names.IsEmpty || trigger is null) return string.Empty;
        return string.Join('\u001f', names.Select(n => trigger.Attributes.TryGetValue(n, out var v) ? v : Missing));
    }

    /// <summary>The tests an event must pass: those written, with each read from the trigger made an exact value.</summary>
    public static ImmutableArray<AttributeTest> Resolve(ImmutableArray<AttributeTest> tests, Event? trigger)
    {
        if (!AttributeTest.AnyFromTrigger(tests)) return tests;
        return [.. tests.Select(t => t.Kind != AttributeTestKind.FromTrigger ? t
            : AttributeTest.Equal(t.Key, trigger is not null && trigger.Attributes.TryGetValue(t.Value, out var v) ? v : Missing))];
    }

    public static Pattern Resolve(Pattern pattern, Event? trigger) =>
        pattern.UsesTrigger ? pattern with { Attributes = Resolve(pattern.Attributes, trigger) } : pattern;
}
