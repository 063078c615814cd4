using AllianceRules.Diagnostics;
using AllianceRules.Model;
using AllianceRules.Text;

namespace AllianceRules.Validation;

/// <summary>
/// The names an evaluation's options give (<c>--assume</c>, <c>--reading</c>, <c>--sweep</c>), as
/// <c>NAME</c> or <c>TREATY.NAME</c>, must be assumptions or readings the rule set declares, and
/// their values must fit: a typo would otherwise change nothing, silently.
/// </summary>
public static class OptionNames
{
    public static IEnumerable<Diagnostic> Check(RuleSet rules, IEnumerable<string> assumed, IReadOnlyDictionary<string, string> readings, IReadOnlyList<(string Name, IReadOnlyList<string> Values)> swept)
    {
        var problems = new List<Diagnostic>();
        // A qualified name wins over the bare one for its treaty, so a bare --assume or --reading
        // reaches only the treaties no qualified key names (language.md §6).
        var qualified = assumed.Concat(readings.Keys).Concat(swept.Select(s => s.Name))
            .Select(ChoiceKey.Split).Where(k => k.Treaty is not null).Select(k => (k.Treaty!, k.Name)).ToHashSet();
        List<(string Treaty, string Name)> Fixed(string key, Kind kind, string option) =>
            [.. Targets(rules, key, kind, option, problems).Where(t => ChoiceKey.Split(key).Treaty is not null || !qualified.Contains(t))];
        var fixedTargets = new Dictionary<(string Treaty, string Name), string>();
        foreach (var key in assumed.Order(StringComparer.Ordinal))
        {
            foreach (var t in Fixed(key, Kind.Assumption, "--assume")) fixedTargets[t] = "--assume";
        }
        foreach (var (key, option) in readings.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var targets = Fixed(key, Kind.Reading, "--reading");
            foreach (var t in targets) fixedTargets[t] = "--reading";
            CheckOptions(rules, targets, key, [option], "--reading", problems);
        }
        var sweptTargets = new Dictionary<(string, string), string>();
        foreach (var (key, values) in swept)
        {
            var kind = KindOf(rules, key, problems);
            if (kind is null) continue;
            var targets = Targets(rules, key, kind.Value, "--sweep", problems);
            if (kind == Kind.Reading) CheckOptions(rules, targets, key, values, "--sweep", problems);
            else if (values.FirstOrDefault(v => DurationText.TryParse(v) is null) is { } bad)
            {
                problems.Add(DiagnosticCatalog.BadSweep($"{key}={string.Join(",", values)}", $"'{bad}' is not {DurationText.Forms}, and '{key}' is an assumption"));
            }
            foreach (var t in targets)
            {
                if (fixedTargets.TryGetValue(t, out var option))
                {
                    problems.Add(DiagnosticCatalog.BadSweep($"{key}={string.Join(",", values)}", $"'{t.Item1}.{t.Item2}' is also fixed with {option}; sweep it or fix it, not both"));
                }
                // Two axes of one assumption or reading would collide in every combination.
                else if (!sweptTargets.TryAdd(t, key)) problems.Add(DiagnosticCatalog.SweptTwice($"{key}={string.Join(",", values)}", $"{t.Item1}.{t.Item2}"));
            }
        }
        return problems;
    }

    private enum Kind { Assumption, Reading }

    /// <summary>A swept name is a reading or an assumption: whichever the treaties it reaches declare, and not both.</summary>
    private static Kind? KindOf(RuleSet rules, string key, List<Diagnostic> problems)
    {
        var (treaty, name) = ChoiceKey.Split(key);
        if (treaty is not null && rules.FindTreaty(treaty) is null)
        {
            problems.Add(DiagnosticCatalog.UnknownOptionTreaty("--sweep", key, treaty, rules.Treaties.Select(t => t.Code)));
            return null;
        }
        IReadOnlyList<Treaty> scope = treaty is null ? rules.Treaties : [.. rules.Treaties.Where(t => t.Code == treaty)];
        var isReading = scope.Any(t => t.FindReading(name) is not null);
        var isAssumption = scope.Any(t => t.DeclaredAssumptions.Any(a => a.Name == name));
        if (isReading && isAssumption)
        {
            problems.Add(DiagnosticCatalog.AmbiguousSweep(key, [.. scope.Where(t => t.FindReading(name) is not null || t.DeclaredAssumptions.Any(a => a.Name == name)).Select(t => ChoiceKey.Of(t.Code, name))]));
            return null;
        }
        if (isReading) return Kind.Reading;
        if (isAssumption) return Kind.Assumption;
        problems.Add(DiagnosticCatalog.UnknownSweep(key, rules.Treaties.SelectMany(t => t.DeclaredAssumptions.Select(a => a.Name).Concat(t.Readings.Select(r => r.Name))).Distinct()));
        return null;
    }

    /// <summary>The treaties and names a key reaches: one treaty's, or every treaty's that declares the name.</summary>
    private static List<(string Treaty, string Name)> Targets(RuleSet rules, string key, Kind kind, string option, List<Diagnostic> problems)
    {
        var (treaty, name) = ChoiceKey.Split(key);
        bool Declares(Treaty t) => kind == Kind.Reading ? t.FindReading(name) is not null : t.DeclaredAssumptions.Any(a => a.Name == name);
        IEnumerable<string> Known(IEnumerable<Treaty> ts) => kind == Kind.Reading
            ? ts.SelectMany(t => t.Readings.Select(r => r.Name)).Distinct()
            : ts.SelectMany(t => t.DeclaredAssumptions.Select(a => a.Name)).Distinct();
        if (treaty is not null && rules.FindTreaty(treaty) is null)
        {
            problems.Add(DiagnosticCatalog.UnknownOptionTreaty(option, key, treaty, rules.Treaties.Select(t => t.Code)));
            return [];
        }
        var reached = rules.Treaties.Where(t => (treaty is null || t.Code == treaty) && Declares(t)).Select(t => (t.Code, name)).ToList();
        if (reached.Count > 0 || option == "--sweep") return reached;
        IReadOnlyList<Treaty> scope = treaty is null ? rules.Treaties : [rules.FindTreaty(treaty)!];
        problems.Add(kind == Kind.Reading
            ? DiagnosticCatalog.UnknownReadingOverride(key, treaty, name, Known(scope))
            : DiagnosticCatalog.UnknownAssumeOverride(key, treaty, name, Known(scope)));
        return reached;
    }

    private static void CheckOptions(RuleSet rules, List<(string Treaty, string Name)> targets, string key, IReadOnlyList<string> values, string option, List<Diagnostic> problems)
    {
        var readings = targets.Select(t => rules.FindTreaty(t.Treaty)!.FindReading(t.Name)!).ToList();
        // One error per value, naming the first reading that lacks it: treaties often share a reading.
        foreach (var value in values)
        {
            if (readings.FirstOrDefault(r => !r.HasOption(value)) is not { } reading) continue;
            problems.Add(DiagnosticCatalog.UnknownOptionOverride(option, key, reading.QualifiedName, value, [.. reading.Options.Select(o => o.Name)]));
        }
    }

}
