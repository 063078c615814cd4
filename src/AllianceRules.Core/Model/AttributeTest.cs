using System.Collections.Immutable;

namespace AllianceRules.Model;

/// <summary>How a pattern tests one attribute of an event.</summary>
public enum AttributeTestKind
{
    /// <summary><c>name=value</c>: present with that text.</summary>
    Exact,

    /// <summary><c>name in [v1, v2]</c>: present with one of the texts.</summary>
    OneOf,

    /// <summary><c>name=_</c>: present, with any value.</summary>
    Present,

    /// <summary><c>name=@attr</c>: the trigger's attribute <see cref="AttributeTest.Value"/>; resolved to <see cref="Exact"/> per trigger.</summary>
    FromTrigger,
}

/// <summary>
/// One test of a pattern's brackets, kept in the order written. <see cref="Value"/> is the text of
/// <c>=</c> (or the trigger's attribute name); <see cref="Values"/> the list of <c>in</c>. Matching
/// an exact value compares <see cref="Value"/> alone, so the common case costs one lookup and one
/// comparison. (Record equality compares <see cref="Values"/> by reference; nothing relies on it.)
/// </summary>
public sealed record AttributeTest(string Key, AttributeTestKind Kind, string Value, ImmutableArray<string> Values)
{
    public static AttributeTest Equal(string key, string value) => new(key, AttributeTestKind.Exact, value, []);

    public static AttributeTest OneOf(string key, ImmutableArray<string> values) => new(key, AttributeTestKind.OneOf, string.Empty, values);

    public static AttributeTest Present(string key) => new(key, AttributeTestKind.Present, string.Empty, []);

    public static AttributeTest Trigger(string key, string attribute) => new(key, AttributeTestKind.FromTrigger, attribute, []);

    /// <summary>Whether some test reads the trigger (<c>name=@attr</c>).</summary>
    public static bool AnyFromTrigger(ImmutableArray<AttributeTest> tests) =>
        !tests.IsDefault && tests.Any(t => t.Kind == AttributeTestKind.FromTrigger);

    /// <summary>Whether an event's value of the attribute (null when it has none) passes; an unresolved trigger reference passes nothing.</summary>
    public bool Matches(string? actual)
    {
        if (actual is null) return false;
        switch (Kind)
        {
            case AttributeTestKind.Exact:
                return actual == Value;
            case AttributeTestKind.Present:
                return true;
            case AttributeTestKind.OneOf:
                foreach (var v in Values)
                {
                    if (v == actual) return true;
                }
                return false;
            default:
                return false;
        }
    }

    /// <summary>As written: <c>level=high</c>, <c>level in [high, "head of state"]</c>, <c>body=_</c>, <c>war=@war</c>.</summary>
    public override string ToString() => Kind switch
    {
        AttributeTestKind.OneOf => $"{Key} in [{string.Join(", ", Values.Select(Written))}]",
        AttributeTestKind.Present => $"{Key}=_",
        AttributeTestKind.FromTrigger => $"{Key}=@{Value}",
        _ => $"{Key}={Written(Value)}",
    };

    /// <summary>A value as a rule file writes it: bare when it is a code, a name or an integer, else quoted.</summary>
    private static string Written(string value) =>
        value.Length > 0 && (IsBare(value, char.IsAsciiLetterUpper, c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_')
            || IsBare(value, char.IsAsciiLetterLower, c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-')
            || value.All(char.IsAsciiDigit))
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static bool IsBare(string value, Func<char, bool> first, Func<char, bool> rest) => first(value[0]) && value.All(rest);
}
