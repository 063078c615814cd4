using AllianceRules.Syntax;

namespace AllianceRules.Binding;

/// <summary>The names a rule set declares: verbs, treaties and each treaty's assumptions and readings. First declaration wins.</summary>
public sealed class SymbolTable
{
    private readonly Dictionary<string, VerbDeclarationSyntax> _verbs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TreatySyntax> _treaties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _assumptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, ReadingSyntax>> _readings = new(StringComparer.Ordinal);
    private readonly HashSet<string> _recoveredTreaties = new(StringComparer.Ordinal);

    public static SymbolTable Build(IEnumerable<RuleFileSyntax> files)
    {
        var table = new SymbolTable();
        foreach (var file in files)
        {
            table.TreatiesComplete &= !file.Recovered;
            table.VerbsComplete &= !file.Recovered && !file.Vocabularies.Any(v => v.Recovered);
            foreach (var verb in file.Vocabularies.SelectMany(v => v.Verbs)) table._verbs.TryAdd(verb.Name.Text, verb);
            foreach (var treaty in file.Treaties)
            {
                if (treaty.Recovered) table._recoveredTreaties.Add(treaty.Code.Text);
                if (!table._treaties.TryAdd(treaty.Code.Text, treaty)) continue;
                table._assumptions[treaty.Code.Text] = [.. treaty.Items.OfType<AssumeSyntax>().Select(a => a.Name.Text)];
                var readings = table._readings[treaty.Code.Text] = new(StringComparer.Ordinal);
                foreach (var reading in treaty.Items.OfType<ReadingSyntax>()) readings.TryAdd(reading.Name.Text, reading);
            }
        }
        return table;
    }

    /// <summary>False when a broken vocabulary (or file) was skipped: an unknown verb may just be one it declared.</summary>
    public bool VerbsComplete { get; private set; } = true;

    /// <summary>False when a broken top-level block was skipped: an unknown treaty may be the one it defined.</summary>
    public bool TreatiesComplete { get; private set; } = true;

    /// <summary>False when a broken item of the treaty was skipped: an unknown assumption may be one it declared.</summary>
    public bool AssumptionsComplete(string treaty) => !_recoveredTreaties.Contains(treaty);

    public IEnumerable<string> VerbNames => _verbs.Keys;

    public IEnumerable<string> TreatyCodes => _treaties.Keys;

    public bool HasVerb(string name) => _verbs.ContainsKey(name);

    public bool HasTreaty(string code) => _treaties.ContainsKey(code);

    public IReadOnlyCollection<string> AssumptionsOf(string treaty) =>
        _assumptions.TryGetValue(treaty, out var names) ? names : [];

    /// <summary>The readings a treaty declares, by name (the first of a name wins).</summary>
    internal IReadOnlyDictionary<string, ReadingSyntax> ReadingsOf(string treaty) =>
        _readings.TryGetValue(treaty, out var readings) ? readings : Empty;

    private static readonly Dictionary<string, ReadingSyntax> Empty = new(StringComparer.Ordinal);
}
