using System.Collections.Immutable;
using AllianceRules.Diagnostics;
using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.Parsing;

/// <summary>Parses a <c>.treaty</c> file. Never throws on bad input: problems come back as diagnostics.</summary>
public static class RuleFileParser
{
    public static (RuleFileSyntax Syntax, ImmutableArray<Diagnostic> Diagnostics) Parse(SourceFile file)
    {
        var bag = new DiagnosticBag();
        file = UnreadableText.Check(file, bag);
        var syntax = TreatyGrammar.ParseFile(file, bag);
        return (syntax, bag.ToSortedArray());
    }
}
