using System.Collections.Immutable;
using AllianceRules.Text;

namespace AllianceRules.Model;

/// <summary>
/// A contested interpretation a treaty declares (<c>reading NAME "title" { ... }</c>): its options,
/// the first of which is the default, and the one in force for an evaluation.
/// </summary>
public sealed record Reading(string Treaty, string Name, string Title, ImmutableArray<ReadingOption> Options, SourceRef Location)
{
    /// <summary>The option in force; the default until a choice sets another (<see cref="RuleSet.WithChoices"/>).</summary>
    public string InForce { get; init; } = Options[0].Name;

    /// <summary>Whether <see cref="InForce"/> was chosen (on the command line, in a test, by a sweep) rather than left at the default.</summary>
    public bool Chosen { get; init; }

    public string QualifiedName => ChoiceKey.Of(Treaty, Name);

    public ReadingOption Default => Options[0];

    public ReadingOption Option => Options.First(o => o.Name == InForce);

    public bool HasOption(string name) => Options.Any(o => o.Name == name);
}

/// <summary>
/// How a choice names what it sets (<c>--reading</c>, <c>--assume</c>, <c>--sweep</c>): <c>NAME</c>,
/// in every treaty that declares it, or <c>TREATY.NAME</c>, in that treaty alone, which wins.
/// Treaty codes and names hold no dot, so the first dot splits them.
/// </summary>
public static class ChoiceKey
{
    public static string Of(string treaty, string name) => $"{treaty}.{name}";

    public static (string? Treaty, string Name) Split(string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? (key[..dot], key[(dot + 1)..]) : (null, key);
    }

    /// <summary>The choice for a treaty's name: the qualified key's if given, else the bare key's.</summary>
    public static bool TryFind<T>(IReadOnlyDictionary<string, T> choices, string treaty, string name, out T value) =>
        choices.TryGetValue(Of(treaty, name), out value!) || choices.TryGetValue(name, out value!);
}

/// <summary>One way of reading: its name, and what it means in words.</summary>
public sealed record ReadingOption(string Name, string Description);

/// <summary><c>reading NAME is [not] OPTION</c>: a condition atom, and the <c>if</c> of a member interval or an assumption.</summary>
public sealed record ReadingTest(string Reading, string Option, bool Negated)
{
    public bool Holds(string inForce) => (inForce == Option) != Negated;

    public override string ToString() => $"reading {Reading} is {(Negated ? "not " : string.Empty)}{Option}";
}

/// <summary>A membership interval as written: frozen or not, and perhaps only under a reading.</summary>
public sealed record MemberInterval(string Party, DateRange Range, bool Frozen, ReadingTest? Gate);
