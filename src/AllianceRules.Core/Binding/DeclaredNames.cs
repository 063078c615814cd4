using AllianceRules.Syntax;

namespace AllianceRules.Binding;

/// <summary>A verb as a vocabulary declares it.</summary>
public sealed record DeclaredVerb(string Name, string? Description);

/// <summary>An assumption as a treaty declares it: its period as written and its note.</summary>
public sealed record DeclaredAssumption(string Name, string Period, string? Note);

/// <summary>A reading and its options (the first is the default), with their descriptions.</summary>
public sealed record DeclaredReading(string Name, string Title, IReadOnlyList<(string Name, string Description)> Options);

/// <summary>What one treaty of a rule file declares.</summary>
public sealed record DeclaredTreaty(string Code, string Title, IReadOnlyList<string> Members, IReadOnlyList<DeclaredAssumption> Assumptions, IReadOnlyList<DeclaredReading> Readings, IReadOnlyList<string> Rules);

/// <summary>
/// The names a parsed rule file declares, read from its syntax alone (so a file with errors still
/// gives what the parser recovered): what the language server offers to complete.
/// </summary>
public sealed record DeclaredNames(IReadOnlyList<DeclaredVerb> Verbs, IReadOnlyList<DeclaredTreaty> Treaties)
{
    public static DeclaredNames Of(RuleFileSyntax syntax) => new(
        [.. syntax.Vocabularies.SelectMany(v => v.Verbs).Select(v => new DeclaredVerb(v.Name.Text, v.Description?.Value))],
        [.. syntax.Treaties.Select(Treaty)]);

    private static DeclaredTreaty Treaty(TreatySyntax treaty) => new(
        treaty.Code.Text,
        treaty.Title.Value,
        [.. treaty.Items.OfType<MembersSyntax>().SelectMany(m => m.Members).Select(m => m.Party.Text)],
        [.. treaty.Items.OfType<AssumeSyntax>().Select(a => new DeclaredAssumption(a.Name.Text, a.Period.Text, a.Note?.Value))],
        [.. treaty.Items.OfType<ReadingSyntax>().Select(r => new DeclaredReading(r.Name.Text, r.Title.Value, [.. r.Options.Select(o => (o.Name.Text, o.Description.Value))]))],
        [.. treaty.Items.OfType<RuleSyntax>().Select(r => r.Id.Text)]);
}
