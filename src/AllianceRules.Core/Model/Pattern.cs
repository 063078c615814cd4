using System.Collections.Immutable;

namespace AllianceRules.Model;

/// <summary><c>actor verb target [attrs]</c>: matches events; attributes must be present with equal text.</summary>
public sealed record Pattern(Term Actor, string Verb, Term Target, ImmutableArray<KeyValuePair<string, string>> Attributes)
{
    public override string ToString() =>
        $"{Actor} {Verb} {Target}{(Attributes.IsEmpty ? string.Empty : " [" + string.Join(", ", Attributes.Select(a => $"{a.Key}={a.Value}")) + "]")}";
}
