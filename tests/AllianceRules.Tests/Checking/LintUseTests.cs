using AllianceRules.Checking;
using AllianceRules.Text;

namespace AllianceRules.Tests.Checking;

/// <summary>What lint counts as a use of a variable (AR6005).</summary>
public sealed class LintUseTests
{
    /// <summary>Regression: a variable used only by a 'before' window's pattern was reported as never used.</summary>
    [Theory]
    [InlineData("before $v ceasefire $a", false)]
    [InlineData("before $v ceasefire _", true)]
    public void A_before_window_uses_the_variables_it_names(string window, bool unused)
    {
        var text = $$"""
            vocabulary {
              verb attack "uses armed force against"
              verb assist "provides military assistance to"
              verb ceasefire "agrees a ceasefire with"
            }
            treaty P "Pact" {
              members { ARM 1994-04-20 .. }
              rule r "R" {
                kind defense
                when $a attack $v where $v is member
                then each member $x except $v must assist $v {{window}}
              }
            }
            """;
        var (findings, errors) = Checker.Lint([new SourceFile("p.treaty", text)], []);
        Assert.Empty(errors);
        Assert.Equal(unused, findings.Any(f => f.Code == "AR6005" && f.Message.Contains("'$a'", StringComparison.Ordinal)));
    }
}
