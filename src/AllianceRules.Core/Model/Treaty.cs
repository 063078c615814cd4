using System.Collections.Immutable;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Model;

public sealed record Treaty(
    string Code,
    string Title,
    LocalDate? Signed,
    string? Source,
    ImmutableDictionary<string, ImmutableArray<DateRange>> Members,
    ImmutableArray<Assumption> Assumptions,
    ImmutableArray<Rule> Rules,
    SourceRef Location,
    ImmutableDictionary<string, ImmutableArray<DateRange>>? FrozenMembers = null)
{
    /// <summary>Member on a date, frozen or not: a frozen membership is still in force.</summary>
    public bool IsMember(string party, LocalDate date) =>
        Members.TryGetValue(party, out var ranges) && ranges.Any(r => r.Contains(date));

    /// <summary>A member whose participation is frozen on that date.</summary>
    public bool IsFrozen(string party, LocalDate date) =>
        FrozenMembers is not null && FrozenMembers.TryGetValue(party, out var ranges) && ranges.Any(r => r.Contains(date));

    /// <summary>The parties that are members on a date, in ordinal order.</summary>
    public IEnumerable<string> MembersOn(LocalDate date) =>
        Members.Where(m => m.Value.Any(r => r.Contains(date))).Select(m => m.Key).Order(StringComparer.Ordinal);
}

/// <summary>An analyst's stated assumption, such as a deadline the treaty text leaves open.</summary>
public sealed record Assumption(string Treaty, string Name, Period Period, string? Note);

/// <summary>A verb of the vocabulary, with the CAMEO code prefixes it stands for.</summary>
public sealed record Verb(string Name, string? Description, ImmutableArray<string> Cameo);

/// <summary>All rule files together.</summary>
public sealed record RuleSet(ImmutableArray<Verb> Verbs, ImmutableArray<Treaty> Treaties)
{
    public Treaty? FindTreaty(string code) => Treaties.FirstOrDefault(t => t.Code == code);
}
