using AllianceRules.History;
using AllianceRules.Diagnostics;
using AllianceRules.Importing;
using AllianceRules.Parsing;
using AllianceRules.Text;

namespace AllianceRules.Tests.Robustness;

/// <summary>
/// One test per crash that fuzzing found (bench/fuzz, docs/robustness.md), named after the bug:
/// each feeds the crashing input to the API that crashed and asserts diagnostics, not an exception.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static string Treaty(string condition) => $$"""
        vocabulary {
          verb request "asks for help from"
          verb assist  "helps"
        }
        treaty CST "Collective Security Treaty" {
          members { ARM 1994-04-20 .. RUS 1994-04-20 .. }
          rule art4 "Help at a member's request" {
            kind defense
            when $victim request RUS
              where {{condition}}
            then RUS must assist $victim within 30 days
          }
        }
        """;

    /// <summary>10,000 nested parentheses in a condition overflowed the stack in Sprache and killed the process.</summary>
    [Theory]
    [InlineData("(", ")")]
    [InlineData("not (", ")")]
    [InlineData("not ", "")]
    public void Deeply_nested_conditions_overflowed_the_stack(string open, string close)
    {
        var condition = string.Concat(Enumerable.Repeat(open, 10_000)) + "$victim is member" + string.Concat(Enumerable.Repeat(close, 10_000));
        var loaded = RuleSetLoader.Load([new SourceFile("deep.treaty", Treaty(condition))]);
        Assert.Null(loaded.Value);
        Assert.Contains(loaded.Diagnostics, d => d.Code == "AR2001" && d.Message.Contains("more than 100 parentheses", StringComparison.Ordinal));
    }

    /// <summary>The limit leaves room for any real condition: 100 levels still parse and load.</summary>
    [Fact]
    public void Conditions_nested_up_to_the_limit_still_load()
    {
        var depth = TreatyGrammar.MaxConditionNesting;
        var condition = new string('(', depth) + "$victim is member" + new string(')', depth);
        var loaded = RuleSetLoader.Load([new SourceFile("deep.treaty", Treaty(condition))]);
        Assert.Empty(loaded.Diagnostics.Where(d => d.IsError));
        Assert.NotNull(loaded.Value);
    }

    private static PartyCodes Parties()
    {
        var bag = new DiagnosticBag();
        var parties = PartyCodes.Read(
            new SourceFile("states.csv", "stateabb,ccode,statenme\nGMY,255,Germany\nDEN,390,Denmark\nRUS,365,Russia\nARM,371,Armenia\n"),
            null, bag);
        Assert.False(bag.HasErrors);
        return parties!;
    }

    /// <summary>
    /// A COW war row whose start or end year lies past 9999 (a mutated 1864666666) made NodaTime's
    /// LocalDate throw ArgumentOutOfRangeException; the row is now skipped as an impossible date.
    /// </summary>
    [Theory]
    [InlineData("2,1,1864,4,25,1864666666", "end")]
    [InlineData("2,1,29331864,4,25,1864", "start")]
    public void A_COW_year_past_9999_threw_from_LocalDate(string dates, string which)
    {
        var wars = $"""
            WarNum,WarName,WarType,ccode,StateName,Side,StartMonth1,StartDay1,StartYear1,EndMonth1,EndDay1,EndYear1,StartMonth2,StartDay2,StartYear2,EndMonth2,EndDay2,EndYear2,TransFrom,WhereFought,Initiator,Outcome,TransTo,BatDeath,Version
            46,Second Schleswig-Holstein,1,255,Germany,1,2,1,1864,4,25,1864,-8,-8,-8,-8,-8,-8,-8,2,1,1,-8,1048,4
            46,Second Schleswig-Holstein,1,390,Denmark,2,{dates},-8,-8,-8,-8,-8,-8,-8,2,2,2,-8,2933,4
            """;
        var outcome = CowWarImporter.Import(new SourceFile("wars.csv", wars), Parties());
        Assert.True(outcome.Succeeded, which);
        Assert.Contains(outcome.Skipped, s => s.Line == 3 && s.Reason == "impossible date");
    }

    /// <summary>
    /// A war name with bytes that were not UTF-8 (read as U+FFFD) or a control character was copied
    /// into the history, which then failed to load with AR1007 (the fuzz smoke run).
    /// </summary>
    [Fact]
    public void A_COW_name_that_is_not_text_made_a_history_that_does_not_load()
    {
        var wars = """
            WarNum,WarName,WarType,ccode,StateName,Side,StartMonth1,StartDay1,StartYear1,EndMonth1,EndDay1,EndYear1,StartMonth2,StartDay2,StartYear2,EndMonth2,EndDay2,EndYear2,TransFrom,WhereFought,Initiator,Outcome,TransTo,BatDeath,Version
            46,Second Schleswig-\uFFFDHol\u0001stein,1,255,Germany,1,2,1,1864,4,25,1864,-8,-8,-8,-8,-8,-8,-8,2,1,1,-8,1048,4
            46,Second Schleswig-\uFFFDHol\u0001stein,1,390,Denmark,2,2,1,1864,4,25,1864,-8,-8,-8,-8,-8,-8,-8,2,2,2,-8,2933,4
            """.Replace("\\uFFFD", "\uFFFD", StringComparison.Ordinal).Replace("\\u0001", "\u0001", StringComparison.Ordinal);
        var outcome = CowWarImporter.Import(new SourceFile("wars.csv", wars), Parties());
        var file = Assert.Single(outcome.Files);
        Assert.Contains("name=\"Second Schleswig-?Hol?stein\"", file.Text, StringComparison.Ordinal);
        var loaded = HistoryLoader.Load([new SourceFile(file.Name, file.Text)], null);
        Assert.Empty(loaded.Diagnostics);
    }

    /// <summary>
    /// An ATOP exit in year 9999 with an unknown month (or December with an unknown day) ends on
    /// the day after the calendar's last: PlusDays/PlusMonths threw OverflowException. The row is
    /// now skipped as an impossible exit date.
    /// </summary>
    [Theory]
    [InlineData(0, 0)]
    [InlineData(12, 0)]
    public void An_ATOP_exit_in_9999_overflowed_the_calendar(int exitMonth, int exitDay)
    {
        var columns = AtopImporter.MemberColumns;
        string Row(int member) => string.Join(",", columns.Select(c => c switch
        {
            "atopid" => "4220",
            "member" => member.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "yrent" => "1992",
            "moent" => "5",
            "dayent" => "15",
            "yrexit" => "9999",
            "moexit" => exitMonth.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "dayexit" => exitDay.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "defense" => "1",
            _ => "0",
        }));
        var members = string.Join("\n", [string.Join(",", columns), Row(365), Row(371)]) + "\n";
        var outcome = AtopImporter.Import(new SourceFile("members.csv", members), null, Parties());
        Assert.DoesNotContain(outcome.Diagnostics, d => d.IsError);
        Assert.Contains(outcome.Skipped, s => s.Reason == "impossible entry or exit date");
    }
}
