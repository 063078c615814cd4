using System.Text.Json;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// Readings from the command line (language.md §3 "Readings", §6): --reading in both forms, with
/// --sweep, in .test files, in every report and in explain, and every error with its exit status.
/// </summary>
[Collection("cli")]
public sealed class ReadingCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public ReadingCommandTests()
    {
        var eval = Path.Combine(CliHarness.RepoRoot, "tests", "AllianceRules.Tests", "Cases", "eval");
        _cli.Write("rules/pact.treaty", File.ReadAllText(Path.Combine(eval, "270-readings-default", "rules.treaty")));
        _cli.Write("seeds/history.events", File.ReadAllText(Path.Combine(eval, "270-readings-default", "history.events")));
        _cli.Write("two/rules.treaty", File.ReadAllText(Path.Combine(eval, "274-reading-qualified", "rules.treaty")));
        _cli.Write("two/history.events", File.ReadAllText(Path.Combine(eval, "274-reading-qualified", "history.events")));
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void The_text_report_lists_each_reading_in_force_and_where_it_came_from()
    {
        var (exit, stdout, stderr) = _cli.Run("check", "rules", "seeds", "--reading", "aggressor=any");
        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Contains("""
            Readings in force
              PACT.aggressor = any (chosen on the command line; the default is 'state'): Any armed attack, by states or not
              PACT.assistance = prompt (the default): Within 30 days
              PACT.start = entry (the default): From the Treaty's entry into force for it
            """.Replace("\r\n", "\n"), stdout.Replace("\r\n", "\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_gives_qualified_names_options_descriptions_and_sources()
    {
        var (exit, stdout, _) = _cli.Run("check", "rules", "seeds", "--reading", "PACT.start=signature", "--format", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var readings = json.RootElement.GetProperty("readings").EnumerateArray()
            .Select(r => $"{r.GetProperty("name").GetString()}={r.GetProperty("option").GetString()} {r.GetProperty("source").GetString()}: {r.GetProperty("description").GetString()}");
        Assert.Equal(
            ["PACT.aggressor=state default: Only a state or group of states", "PACT.assistance=prompt default: Within 30 days", "PACT.start=signature command line: From signature, as ATOP codes it"],
            readings);
    }

    [Fact]
    public void A_bare_name_reaches_every_treaty_and_a_qualified_one_wins_for_its_own()
    {
        var (exit, stdout, _) = _cli.Run("check", "two", "--reading", "aggressor=any", "--reading", "WEST.aggressor=state", "--assume", "EAST.prompt=30 days", "--format", "csv");
        Assert.Equal(0, exit);
        var rows = stdout.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var row = Assert.Single(rows);
        Assert.StartsWith("EAST.aid#1,EAST,EAST.aid,defense,RUS,fulfilled,,2000-01-01,2000-01-31,2000-01-20,", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_and_html_reports_have_a_readings_section()
    {
        var (exit, _, stderr) = _cli.Run("report", "rules", "seeds", "--reading", "aggressor=any", "--format", "markdown", "-o", "r.md");
        Assert.Equal((0, string.Empty), (exit, stderr));
        var markdown = File.ReadAllText(Path.Combine(_cli.Directory, "r.md"));
        Assert.Contains("## Readings", markdown, StringComparison.Ordinal);
        Assert.Contains("| `PACT.aggressor` | `any` | --reading (the default is `state`) | Who can commit the aggression of Article 4: Any armed attack, by states or not |", markdown, StringComparison.Ordinal);
        Assert.Equal(0, _cli.Run("report", "rules", "seeds", "--format", "html", "-o", "r.html").Exit);
        Assert.Contains("Readings", File.ReadAllText(Path.Combine(_cli.Directory, "r.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_shows_the_reading_an_atom_tested_and_the_option_in_force()
    {
        var (exit, stdout, _) = _cli.Run("explain", "rules", "seeds", "--reading", "aggressor=any", "--instance", "PACT.art4#1");
        Assert.Equal(0, exit);
        Assert.Contains("reading aggressor is any", stdout, StringComparison.Ordinal);
        Assert.Contains("PACT.aggressor is read as 'any' (chosen): Any armed attack, by states or not", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_study_says_which_readings_its_verdicts_rest_on()
    {
        var (exit, stdout, _) = _cli.Run("study", "rules", "seeds", "--reading", "aggressor=any", "--by", "by");
        Assert.Equal(0, exit);
        Assert.Contains("Readings: PACT.aggressor=any (command line), PACT.assistance=prompt (default), PACT.start=entry (default).", stdout, StringComparison.Ordinal);
        (exit, stdout, _) = _cli.Run("study", "rules", "seeds", "--by", "by", "--format", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(["state", "prompt", "entry"], json.RootElement.GetProperty("readings").EnumerateArray().Select(r => r.GetProperty("option").GetString()));
    }

    [Fact]
    public void A_sweep_of_a_reading_compares_its_options()
    {
        var (exit, stdout, _) = _cli.Run("check", "rules", "seeds", "--sweep", "aggressor=state,any", "--format", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var axis = Assert.Single(json.RootElement.GetProperty("sweep").GetProperty("assumptions").EnumerateArray());
        Assert.Equal(("aggressor", "reading"), (axis.GetProperty("name").GetString(), axis.GetProperty("kind").GetString()));
        var changes = json.RootElement.GetProperty("sweep").GetProperty("changes").EnumerateArray()
            .Select(c => $"{c.GetProperty("party").GetString()} {string.Join(",", c.GetProperty("statuses").EnumerateArray().Select(s => s.GetString() ?? "-"))}");
        Assert.Equal(["KAZ -,violated", "RUS -,fulfilled"], changes);
    }

    [Theory]
    [InlineData(new[] { "--reading", "aggressor" }, "alliance: error AR9021: --reading 'aggressor' must look like NAME=OPTION or TREATY.NAME=OPTION, such as aggressor=any or CST.aggressor=any")]
    [InlineData(new[] { "--reading", "agressor=any" }, "alliance: error AR9022: --reading 'agressor': no treaty declares 'reading agressor'; did you mean 'aggressor'?")]
    [InlineData(new[] { "--reading", "PACT.agressor=any" }, "alliance: error AR9022: --reading 'PACT.agressor': treaty 'PACT' has no 'reading agressor'; did you mean 'aggressor'?")]
    [InlineData(new[] { "--reading", "aggressor=anyy" }, "alliance: error AR9023: --reading aggressor=anyy: reading 'PACT.aggressor' has no option 'anyy'; its options are 'state' and 'any'; did you mean 'any'?")]
    [InlineData(new[] { "--reading", "aggressor=any", "--reading", "aggressor=state" }, "alliance: error AR9024: --reading aggressor=... is given more than once; give each reading once")]
    [InlineData(new[] { "--reading", "PAKT.aggressor=any" }, "alliance: error AR9025: --reading 'PAKT.aggressor': no treaty 'PAKT' is loaded; did you mean 'PACT'?")]
    [InlineData(new[] { "--assume", "PACT.necesary=P1D" }, "alliance: error AR9006: --assume 'PACT.necesary': treaty 'PACT' has no 'assume necesary'; did you mean 'necessary'?")]
    [InlineData(new[] { "--sweep", "aggressor=state,anyy" }, "alliance: error AR9023: --sweep aggressor=anyy: reading 'PACT.aggressor' has no option 'anyy'; its options are 'state' and 'any'; did you mean 'any'?")]
    [InlineData(new[] { "--sweep", "necessary=P1D,state" }, "alliance: error AR9015: --sweep 'necessary=P1D,state': 'state' is not a duration such as '30 days', '2 weeks' or 'P30D', and 'necessary' is an assumption; write NAME=VALUE,VALUE,..., such as immediately=P1D,P7D,P30D, 'immediately=1 day,7 days' or, for a reading, aggressor=state,any")]
    [InlineData(new[] { "--sweep", "aggressor=state,any", "--reading", "PACT.aggressor=any" }, "alliance: error AR9015: --sweep 'aggressor=state,any': 'PACT.aggressor' is also fixed with --reading; sweep it or fix it, not both; write NAME=VALUE,VALUE,..., such as immediately=P1D,P7D,P30D, 'immediately=1 day,7 days' or, for a reading, aggressor=state,any")]
    [InlineData(new[] { "--sweep", "aggressor=state,any,state" }, "alliance: error AR9015: --sweep 'aggressor=state,any,state': 'state' is given more than once; write NAME=VALUE,VALUE,..., such as immediately=P1D,P7D,P30D, 'immediately=1 day,7 days' or, for a reading, aggressor=state,any")]
    [InlineData(new[] { "--sweep", "necessary=P10D,10days,P2W" }, "alliance: error AR9015: --sweep 'necessary=P10D,10days,P2W': 'P10D' is given more than once; write NAME=VALUE,VALUE,..., such as immediately=P1D,P7D,P30D, 'immediately=1 day,7 days' or, for a reading, aggressor=state,any")]
    [InlineData(new[] { "--sweep", "XX.aggressor=state,any" }, "alliance: error AR9025: --sweep 'XX.aggressor': no treaty 'XX' is loaded")]
    [InlineData(new[] { "--sweep", "aggressor=state,any", "--sweep", "PACT.aggressor=state,any" }, "alliance: error AR9015: --sweep 'PACT.aggressor=state,any': 'PACT.aggressor' is swept more than once; give all its values in one --sweep; write NAME=VALUE,VALUE,..., such as immediately=P1D,P7D,P30D, 'immediately=1 day,7 days' or, for a reading, aggressor=state,any")]
    public void A_reading_option_that_names_nothing_gives_exit_2_and_a_suggestion(string[] options, string error)
    {
        var (exit, stdout, stderr) = _cli.Run(["check", "rules", "seeds", .. options]);
        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.Equal(error + "\n", stderr.Replace("\r\n", "\n"));
    }

    [Fact]
    public void A_test_file_sets_readings_with_reading_lines()
    {
        _cli.Write("tests/readings.test", """
            test "Any armed attack is aggression"
              rules "../rules"
              history "../seeds"
              reading aggressor=any
              expect PACT.art4 RUS 1994-06-01 fulfilled decided 1994-06-10
              expect PACT.art4 KAZ 1994-06-01 violated decided 1994-07-02
            end

            test "Only states commit aggression (the default)"
              rules "../rules"
              history "../seeds"
              expect no PACT.art4 RUS
            end
            """);
        var (exit, stdout, stderr) = _cli.Run("test", "tests");
        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.EndsWith("2 tests: 2 passed, 0 failed\n", stdout.Replace("\r\n", "\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_file_reading_that_names_nothing_is_located()
    {
        _cli.Write("tests/bad.test", """
            test "Typos"
              rules "../rules"
              history "../seeds"
              reading agressor=any
              reading start=signed
              expect no PACT.art4 RUS
            end
            """);
        var (exit, _, stderr) = _cli.Run("test", "tests");
        Assert.Equal(2, exit);
        var errors = stderr.Replace("\r\n", "\n").Split('\n').Where(l => l.Contains("error AR", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "tests/bad.test:4:11: error AR5008: no reading 'agressor' in the rules this test reads; did you mean 'aggressor'?",
                "tests/bad.test:5:17: error AR3033: reading 'PACT.start' has no option 'signed'; its options are 'entry' and 'signature'",
            ],
            errors);
    }

    [Fact]
    public void Test_refuses_reading_on_the_command_line()
    {
        var (exit, _, stderr) = _cli.Run("test", "tests", "--reading", "aggressor=any");
        Assert.Equal(2, exit);
        Assert.Contains("AR9011", stderr, StringComparison.Ordinal);
    }

    /// <summary>Regression: a bare --reading was checked against a treaty whose qualified --reading overrides it.</summary>
    [Fact]
    public void A_bare_reading_is_checked_only_against_the_treaties_no_qualified_one_overrides()
    {
        _cli.Write("mixed/rules.treaty", """
            vocabulary {
              verb attack "uses armed force against"
              verb assist "provides military assistance to"
            }
            treaty EAST "East" {
              reading aggressor "Who can commit aggression" {
                state "Only a state"
                any   "Anyone"
              }
              members { ARM 1992-01-01 .. }
              rule aid "Assistance" { kind defense cites "Art. 1" quote "assist" when _ attack $v where $v is member and reading aggressor is any then RUS must assist $v within 10 days }
            }
            treaty WEST "West" {
              reading aggressor "Who can commit aggression" {
                state "Only a state"
                armed "Any armed group"
              }
              members { FRA 1992-01-01 .. }
              rule aid "Assistance" { kind defense cites "Art. 1" quote "assist" when _ attack $v where $v is member and reading aggressor is armed then GBR must assist $v within 10 days }
            }
            """);
        _cli.Write("mixed/history.events", "as of 2000-12-31\n2000-01-01 NSA attack ARM\n2000-01-01 NSA attack FRA\n");
        var (exit, stdout, stderr) = _cli.Run("check", "mixed", "--reading", "aggressor=any", "--reading", "WEST.aggressor=armed", "--format", "csv");
        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Equal(2, stdout.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }
}
