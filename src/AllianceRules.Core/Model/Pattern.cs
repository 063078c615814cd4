using System.Collections.Immutable;

namespace AllianceRules.Model;

/// <summary>
/// <c>actor verb target [attrs]</c>: matches events; attributes must be present with equal text.
/// <see cref="FromTrigger"/> pairs an attribute with the triggering event's attribute whose value it
/// must have (<c>[war=@war]</c>); they are resolved against the trigger before the pattern is matched.
/// </summary>
public sealed record Pattern(Term Actor, string Verb, Term Target, ImmutableArray<KeyValuePair<string, string>> Attributes, ImmutableArray<KeyValuePair<string, string>> FromTrigger = default)
{
    public bool UsesTrigger => !FromTrigger.IsDefaultOrEmpty;

    public override string ToString() => $"{Actor} {Verb} {Target}{AttributeText.Print(Attributes, FromTrigger)}";
}

/// <summary>How attributes are printed, written values and trigger references alike: <c> [war=@war, side=1]</c>.</summary>
internal static class AttributeText
{
    public static string Print(ImmutableArray<KeyValuePair<string, string>> written, ImmutableArray<KeyValuePair<string, string>> fromTrigger)
    {
        var all = written.Select(a => $"{a.Key}={a.Value}")
            .Concat(fromTrigger.IsDefault ? [] : fromTrigger.Select(a => $"{a.Key}=@{a.Value}"))
            .ToList();
        return all.Count == 0 ? string.Empty : " [" + string.Join(", ", all) + "]";
    }
}
