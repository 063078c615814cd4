using AllianceRules.Diagnostics;
using AllianceRules.Model;

namespace AllianceRules.Validation;

/// <summary>
/// The names an evaluation's options give (<c>--assume NAME=...</c>, <c>--sweep NAME=...</c>)
/// must be assumptions the rule set declares; a typo would otherwise change nothing, silently.
/// </summary>
public static class OptionNames
{
    public static IEnumerable<Diagnostic> Check(RuleSet rules, IEnumerable<string> assumed, IReadOnlyList<string> swept)
    {
        var known = rules.Treaties.SelectMany(t => t.Assumptions).Select(a => a.Name).Distinct().ToList();
        var set = known.ToHashSet(StringComparer.Ordinal);
        foreach (var name in assumed.Where(n => !set.Contains(n)).Order(StringComparer.Ordinal))
        {
            yield return DiagnosticCatalog.UnknownAssumeOverride(name, set);
        }
        foreach (var name in swept.Where(n => !set.Contains(n)))
        {
            yield return DiagnosticCatalog.UnknownSweep(name, known);
        }
        // Two axes of one assumption would collide in every combination.
        foreach (var twice in swept.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return DiagnosticCatalog.SweptTwice(twice.Key, twice.Key);
        }
    }
}
