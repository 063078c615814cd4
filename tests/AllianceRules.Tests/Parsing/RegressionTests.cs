using AllianceRules.Parsing;
using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.Tests.Parsing;

/// <summary>One test per parser bug, named after it.</summary>
public sealed class RegressionTests
{
    /// <summary>
    /// Sprache's Parse.Ref memoises per input position. When one memo table was shared by every
    /// position (to save allocations), a parenthesised condition followed by 'and' was cut short
    /// at the 'and', and some inputs looped for ever.
    /// </summary>
    [Fact]
    public void Memos_shared_across_positions_broke_parenthesised_conditions()
    {
        const string text = """
            vocabulary { verb attack verb assist }
            treaty T "t" {
              members { ARM 2000-01-01 .. }
              rule r "r" {
                kind defense
                when $a attack $v
                  where $v is member and not ($a is member) and ($a in [AZE, IRN] or $a = CHN)
                then each member $m except $v must assist $v within 30 days
              }
            }
            """;
        var (syntax, diagnostics) = RuleFileParser.Parse(new SourceFile("t.treaty", text));
        Assert.Empty(diagnostics);
        var rule = syntax.Treaties[0].Items.OfType<RuleSyntax>().Single();
        var where = rule.Items.OfType<WhenThenSyntax>().Single().Where!;
        Assert.Equal(3, AllianceRules.Binding.RuleScope.TopLevelConjuncts(where).Count());
    }
}
