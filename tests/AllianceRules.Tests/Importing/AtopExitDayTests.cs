using System.Globalization;
using AllianceRules.Diagnostics;
using AllianceRules.Importing;
using AllianceRules.Text;

namespace AllianceRules.Tests.Importing;

/// <summary>Regressions of reading ATOP's exit day as the last day of membership (docs/importers.md, "Exit days").</summary>
public sealed class AtopExitDayTests
{
    private static PartyCodes Parties()
    {
        var bag = new DiagnosticBag();
        var parties = PartyCodes.Read(
            new SourceFile("states.csv", "stateabb,ccode,statenme\nUSA,2,United States of America\nTHI,800,Thailand\nAUL,900,Australia\n"),
            null, bag);
        Assert.False(bag.HasErrors);
        return parties!;
    }

    // Phase 1 alone promises non-aggression, so its rule carries the phase's 'effective' interval.
    private static string Row(int member, int phase, string entry, string exit) => string.Join(",", AtopImporter.MemberColumns.Select(c => c switch
    {
        "nonagg" => phase == 1 ? "1" : "0",
        "atopid" => "3260",
        "member" => member.ToString(CultureInfo.InvariantCulture),
        "phase" => phase.ToString(CultureInfo.InvariantCulture),
        "yrent" => entry[..4],
        "moent" => entry[5..7].TrimStart('0'),
        "dayent" => entry[8..].TrimStart('0'),
        "yrexit" => exit.Length == 0 ? "0" : exit[..4],
        "moexit" => exit.Length == 0 ? "0" : exit[5..7].TrimStart('0'),
        "dayexit" => exit.Length == 0 ? "0" : exit[8..].TrimStart('0'),
        "defense" => "1",
        _ => "0",
    }));

    private static ImportOutcome Import(params string[] rows) =>
        AtopImporter.Import(new SourceFile("members.csv", string.Join("\n", [string.Join(",", AtopImporter.MemberColumns), .. rows]) + "\n"), null, Parties());

    [Fact]
    public void A_phase_whose_members_leave_on_the_next_phases_first_day_no_longer_runs_into_it()
    {
        // USA and Thailand go on into phase 2 from 1977-06-30; Australia leaves that day.
        var outcome = Import(
            Row(2, 1, "1954-09-08", "1977-06-30"), Row(800, 1, "1954-09-08", "1977-06-30"), Row(900, 1, "1954-09-08", "1977-06-30"),
            Row(2, 2, "1977-06-30", ""), Row(800, 2, "1977-06-30", ""));
        Assert.True(outcome.Succeeded);
        var text = Assert.Single(outcome.Files, f => f.Name == "ATOP3260.treaty").Text;
        Assert.Contains("effective 1954-09-08 .. 1977-06-30", text, StringComparison.Ordinal);
        Assert.DoesNotContain("effective 1954-09-08 .. 1977-07-01", text, StringComparison.Ordinal);
        Assert.Contains("AUL 1954-09-08 .. 1977-07-01", text, StringComparison.Ordinal);
    }

    /// <summary>Found by the fuzz smoke run: 'treaty ATOP-305' was written, and did not load.</summary>
    [Fact]
    public void Regression_a_negative_atopid_is_skipped_not_written_as_a_treaty_that_does_not_load()
    {
        var row = Row(2, 1, "1960-05-10", "");
        Assert.StartsWith("3260,", row, StringComparison.Ordinal);
        var outcome = Import("-305" + row[4..], Row(800, 1, "1960-05-10", ""));
        Assert.True(outcome.Succeeded);
        var skipped = Assert.Single(outcome.Skipped);
        Assert.Equal(("atopid not a positive number", "-305", 2), (skipped.Reason, skipped.Detail, skipped.Line));
        Assert.Equal(["ATOP3260.treaty"], outcome.Files.Where(f => f.Name.StartsWith("ATOP", StringComparison.Ordinal)).Select(f => f.Name));
    }

    [Fact]
    public void An_exit_on_the_entry_day_is_one_day_of_membership()
    {
        var outcome = Import(Row(2, 1, "1960-05-10", "1960-05-10"), Row(800, 1, "1960-05-10", "1960-05-10"));
        Assert.DoesNotContain(outcome.Skipped, s => s.Reason == "exit not after entry");
        var text = Assert.Single(outcome.Files, f => f.Name == "ATOP3260.treaty").Text;
        Assert.Contains("USA 1960-05-10 .. 1960-05-11", text, StringComparison.Ordinal);
    }
}
