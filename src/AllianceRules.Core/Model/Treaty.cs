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
    /// <summary>The contested interpretations the treaty declares, each with the option in force.</summary>
    public ImmutableArray<Reading> Readings { get; init; } = [];

    /// <summary>
    /// Every rule as written, with its reading gates; <see cref="Rules"/> holds those in force. Two
    /// rules may share an id when their gates exclude each other: one of them is in force at a time.
    /// </summary>
    public ImmutableArray<Rule> DeclaredRules
    {
        get => _declaredRules.IsDefault ? Rules : _declaredRules;
        init => _declaredRules = value;
    }

    private readonly ImmutableArray<Rule> _declaredRules;

    /// <summary>Every membership interval as written, with its reading gate; <see cref="Members"/> holds those in force.</summary>
    public ImmutableArray<MemberInterval> DeclaredMembers { get; init; } = [];

    /// <summary>Every assumption as written, with its reading gate; <see cref="Assumptions"/> holds those in force.</summary>
    public ImmutableArray<Assumption> DeclaredAssumptions { get; init; } = [];

    public Reading? FindReading(string name) => Readings.FirstOrDefault(r => r.Name == name);

    /// <summary>Whether a reading test holds under the options in force (an unknown reading: it does not).</summary>
    public bool Holds(ReadingTest test) => FindReading(test.Reading) is { } reading && test.Holds(reading.InForce);

    /// <summary>
    /// The treaty under some choices: each reading a choice names takes that option (the others
    /// keep theirs), then the members and assumptions in force follow from the readings, and an
    /// assumption a choice names takes that period. Choices are validated before; an option the
    /// reading lacks is a caller's bug. A rule whose gates do not all hold is left out, so nothing
    /// after this (evaluation, explanation, reports, lint of the model) sees it.
    /// </summary>
    public Treaty WithChoices(Func<string, string?> readingChoice, Func<string, NodaTime.Period?> assumptionChoice)
    {
        var readings = Readings.Select(r => readingChoice(r.Name) is { } option
            ? r.HasOption(option) ? r with { InForce = option, Chosen = true } : throw new ArgumentException($"reading '{r.QualifiedName}' has no option '{option}'", nameof(readingChoice))
            : r).ToImmutableArray();
        var chosen = this with { Readings = readings };
        var inForce = DeclaredMembers.Where(m => m.Gate is null || chosen.Holds(m.Gate)).ToList();
        // Per name, the first declaration whose 'if' holds, else the one without 'if'; a period chosen before stays chosen.
        var assumptions = DeclaredAssumptions.Select(a => a.Name).Distinct(StringComparer.Ordinal)
            .Select(name => DeclaredAssumptions.Where(a => a.Name == name).OrderBy(a => a.Gate is null).FirstOrDefault(a => a.Gate is null || chosen.Holds(a.Gate)))
            .OfType<Assumption>()
            .Select(a => (assumptionChoice(a.Name) ?? Assumptions.FirstOrDefault(x => x.Name == a.Name && x.Overridden)?.Period) is { } period
                ? a with { Period = period, Overridden = true }
                : a)
            .ToImmutableArray();
        return chosen with
        {
            // Kept as written, so that choosing again can bring back a rule these choices leave out.
            DeclaredRules = DeclaredRules,
            Rules = [.. DeclaredRules.Where(r => r.Gates.All(chosen.Holds))],
            Members = Ranges(inForce),
            FrozenMembers = Ranges(inForce.Where(m => m.Frozen)),
            Assumptions = assumptions,
        };
    }

    /// <summary>
    /// The intervals in force by party, in order. Pieces a reading split (one run of membership
    /// ending where the next begins, both frozen or both not) read as one interval, as written
    /// without readings; a frozen piece stays apart, as written.
    /// </summary>
    private static ImmutableDictionary<string, ImmutableArray<DateRange>> Ranges(IEnumerable<MemberInterval> intervals) =>
        intervals.GroupBy(m => m.Party, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => Joined(g.OrderBy(m => m.Range.Start)), StringComparer.Ordinal);

    private static ImmutableArray<DateRange> Joined(IEnumerable<MemberInterval> ordered)
    {
        var joined = new List<MemberInterval>();
        foreach (var m in ordered)
        {
            if (joined.Count > 0 && joined[^1] is var last && last.Frozen == m.Frozen && last.Range.End == m.Range.Start && (last.Gate is not null || m.Gate is not null))
            {
                joined[^1] = last with { Range = new DateRange(last.Range.Start, m.Range.End), Gate = last.Gate ?? m.Gate };
            }
            else
            {
                joined.Add(m);
            }
        }
        return [.. joined.Select(m => m.Range)];
    }

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

/// <summary>
/// An analyst's stated assumption, such as a deadline the treaty text leaves open. <see cref="Period"/>
/// is the value in force: <see cref="Declared"/> unless a choice <see cref="Overridden">overrode</see> it.
/// </summary>
public sealed record Assumption(string Treaty, string Name, Period Period, string? Note, ReadingTest? Gate = null)
{
    public Period Declared { get; init; } = Period;

    public bool Overridden { get; init; }
}

/// <summary>A verb of the vocabulary, with the CAMEO code prefixes it stands for.</summary>
public sealed record Verb(string Name, string? Description, ImmutableArray<string> Cameo);

/// <summary>All rule files together.</summary>
public sealed record RuleSet(ImmutableArray<Verb> Verbs, ImmutableArray<Treaty> Treaties)
{
    public Treaty? FindTreaty(string code) => Treaties.FirstOrDefault(t => t.Code == code);

    /// <summary>
    /// The rule set under choices of readings and assumptions, each keyed by <c>NAME</c> (every
    /// treaty that declares it) or <c>TREATY.NAME</c> (that treaty alone, which wins). Applying the
    /// same choices again changes nothing.
    /// </summary>
    public RuleSet WithChoices(IReadOnlyDictionary<string, string> readings, IReadOnlyDictionary<string, Period> assumptions)
    {
        if (readings.Count == 0 && assumptions.Count == 0) return this;
        return this with
        {
            Treaties = [.. Treaties.Select(t => t.WithChoices(
                name => ChoiceKey.TryFind(readings, t.Code, name, out var option) ? option : null,
                name => ChoiceKey.TryFind(assumptions, t.Code, name, out var period) ? period : null))],
        };
    }

    /// <summary>Whether <c>NAME</c> or <c>TREATY.NAME</c> names a reading of a loaded treaty.</summary>
    public bool DeclaresReading(string key) => ChoiceKey.Split(key) is var (treaty, name)
        && Treaties.Any(t => (treaty is null || t.Code == treaty) && t.FindReading(name) is not null);
}
