using System.Collections.Immutable;
using AllianceRules.Binding;
using AllianceRules.Diagnostics;
using AllianceRules.Model;

namespace AllianceRules.Validation.Lint;

/// <summary>Runs lint over a loaded rule set (and what its histories showed), at the levels a configuration sets.</summary>
public static class Linter
{
    /// <param name="files">The files in the order given, so findings come file by file as errors do; null sorts by path.</param>
    public static ImmutableArray<Diagnostic> Findings(BoundRuleSet bound, RuleSet rules, HistoryFacts? facts, LintConfig? config, IEnumerable<string>? files = null)
    {
        var subject = new LintSubject(bound, rules, facts);
        var findings = new LintValidator().Validate(subject).Errors.Select(e => (Diagnostic)e.CustomState);
        return (config ?? LintConfig.Default).Apply(DiagnosticOrder.Sort(findings, files));
    }
}
