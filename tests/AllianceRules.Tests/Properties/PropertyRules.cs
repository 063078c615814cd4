namespace AllianceRules.Tests.Properties;

/// <summary>A rule set that exercises every evaluation clause, and a generator vocabulary to go with it.</summary>
internal static class PropertyRules
{
    public const string Text = """
        vocabulary {
          verb attack    cameo 18, 19, 20
          verb assist    cameo 072
          verb consult   cameo 04
          verb request   cameo 0232
          verb ceasefire cameo 0871
        }

        treaty CST "Collective Security Treaty (excerpt)" {
          members {
            ARM 1994-04-20 ..
            RUS 1994-04-20 ..
            KAZ 1994-04-20 .. 2011-01-15
            UZB 2010-12-20 ..
          }
          assume prompt = 30 days
          rule art4 "Collective defence" {
            kind defense
            effective 1994-04-20 .. 2010-12-10
            when $aggressor attack $victim where $victim is member and $aggressor is not member
            then each member $ally except $victim must assist $victim within prompt
          }
          rule art4-request "Collective defence at the victim's request" {
            kind defense
            effective 2010-12-10 ..
            when $victim request CSTO
              where $victim is member and there was $aggressor attack $victim within 10 days before and $aggressor is not member
            then each member $ally except $victim must assist $victim within prompt
            until $victim ceasefire $aggressor
          }
          rule art1 "No force among members" {
            kind nonaggression
            forbid $a attack $b where $a is member and $b is member
            unless there was $b attack $a within 3 days before
          }
        }

        treaty TEST "Property rules" {
          members {
            ARM 2010-01-01 ..
            AZE 2010-01-01 ..
            KAZ 2010-01-01 .. 2011-01-15
          }
          assume quick = 1 week
          rule calm "No renewed attack" {
            kind nonaggression
            when $a attack $b
            then $a must not attack $b within 10 days
            until $b ceasefire $a
          }
          rule talk "Consult the victim" {
            kind consultation
            when $a attack $v where $v is member or $v in [RUS, UZB]
            then each member $m except $v must consult $v [article=4] within quick
            unless $m = $a
          }
          rule aid "Help the victim until it agrees a ceasefire" {
            kind defense
            judgment "the property rules leave open whether a ceasefire ends the duty"
            when $a attack $v where $v is member
            then each member $m except $v must assist $v [article=@article] before $v ceasefire _ [article=@article]
          }
        }
        """;

    public static readonly string[] Parties = ["ARM", "AZE", "RUS", "KAZ", "UZB", "CSTO"];

    public static readonly string[] Verbs = ["attack", "attack", "assist", "consult", "request", "ceasefire"];
}
