namespace AllianceRules.Tests.Support;

/// <summary>A two-member defence pact for tests that need any valid rule: members assist one attacked within the window given.</summary>
public static class SmallPact
{
    public static string Rules(string window) => $$"""
        vocabulary {
          verb attack "uses armed force against"
          verb assist "provides military assistance to"
        }
        treaty T "A pact (illustrative)" {
          members {
            ARM 2000-01-01 ..
            RUS 2000-01-01 ..
          }
          rule help "Help a member attacked" {
            kind defense
            when $a attack $v where $v is member
            then each member $ally except $v must assist $v within {{window}}
          }
        }
        """;
}
