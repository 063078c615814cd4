using System.Collections.Immutable;

namespace AllianceRules.Model;

/// <summary>
/// <c>actor verb target [attrs]</c>: matches events whose attributes pass every test. A test of kind
/// <see cref="AttributeTestKind.FromTrigger"/> (<c>[war=@war]</c>) is resolved against the
/// triggering event before the pattern is matched.
/// </summary>
public sealed record Pattern(Term Actor, string Verb, Term Target, ImmutableArray<AttributeTest> Attributes)
{
    public bool UsesTrigger => AttributeTest.AnyFromTrigger(Attributes);

    public override string ToString() => $"{Actor} {Verb} {Target}{AttributeText.Print(Attributes)}";
}

/// <summary>How attribute tests are printed, in the order written: <c> [war=@war, level in [high, deputy], body=_]</c>.</summary>
internal static class AttributeText
{
    public static string Print(ImmutableArray<AttributeTest> tests) =>
        tests.IsDefaultOrEmpty ? string.Empty : " [" + string.Join(", ", tests) + "]";
}
