using AllianceRules.Binding;
using AllianceRules.Diagnostics;
using AllianceRules.Model;
using AllianceRules.Parsing;
using AllianceRules.Text;
using AllianceRules.Validation;

namespace AllianceRules;

/// <summary>Text → syntax → bound → validated → model, for all rule files together.</summary>
public static class RuleSetLoader
{
    public static LoadResult<RuleSet> Load(IEnumerable<SourceFile> files) => LoadBound(files).Result;

    /// <summary>As <see cref="Load"/>, with the bound syntax too, for checks that point into the files (lint).</summary>
    public static (LoadResult<RuleSet> Result, BoundRuleSet Bound) LoadBound(IEnumerable<SourceFile> files)
    {
        var bag = new DiagnosticBag();
        var syntax = new List<Syntax.RuleFileSyntax>();
        foreach (var file in files)
        {
            var (parsed, diagnostics) = RuleFileParser.Parse(file);
            syntax.Add(parsed);
            bag.AddRange(diagnostics);
        }
        var bound = new BoundRuleSet(syntax, SymbolTable.Build(syntax));
        bag.AddRange(ValidationFailureTranslator.ToDiagnostics(new RuleSetValidator().Validate(bound)));
        var diagnosticsSorted = bag.ToSortedArray();
        return (bag.HasErrors
            ? new LoadResult<RuleSet>(null, diagnosticsSorted)
            : new LoadResult<RuleSet>(ModelBuilder.Build(bound), diagnosticsSorted), bound);
    }
}
