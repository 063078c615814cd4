using System.Text.Json;
using System.Text.RegularExpressions;

namespace AllianceRules.Cli.Tests;

[Collection("cli")]
public sealed partial class CheckCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [GeneratedRegex(@"^\s+at ", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"^(?<path>[^\s:][^:]*):(?<line>\d+):(?<col>\d+): error (?<code>AR\d{4}): (?<message>.+)$")]
    private static partial Regex DiagnosticHeader();

    private void CopyContract() => _cli.CopyContract();

    [Fact]
    public void Exit_0_when_evaluated_even_with_violations()
    {
        CopyContract();
        var (exit, stdout, stderr) = _cli.Run("check", "rules", "seeds", "--format", "json");
        Assert.Equal(0, exit);
        // Only lint warnings (the contract's rules cite no article): never an error.
        Assert.DoesNotContain(": error ", stderr);
        Assert.Contains("warning AR6003: rule 'art4-request' has no 'cites'", stderr);
        using var json = JsonDocument.Parse(stdout);
        var instance = json.RootElement.GetProperty("instances")[0];
        Assert.Equal("violated", instance.GetProperty("status").GetString());
        Assert.Equal("seeds/armenia-2022.events", instance.GetProperty("triggers")[0].GetProperty("file").GetString());
    }

    [Fact]
    public void Exit_1_with_fail_on_violation_and_a_violation()
    {
        CopyContract();
        Assert.Equal(1, _cli.Run("check", "rules", "seeds", "--fail-on-violation").Exit);
    }

    [Fact]
    public void Exit_0_with_fail_on_violation_and_no_violation()
    {
        CopyContract();
        Assert.Equal(0, _cli.Run("check", "rules", "seeds", "--fail-on-violation", "--assume", "prompt=P1Y").Exit);
    }

    [Fact]
    public void Invalid_input_gives_exit_2_and_every_error_in_the_house_format()
    {
        CopyContract();
        _cli.Write("seeds/bad.events", "2022-09-13 AZE atack ARM\n2022-02-30 AZE attack ARM\n2022-09-14 AZE attack arm\n");
        var (exit, stdout, stderr) = _cli.Run("check", "rules", "seeds");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.DoesNotMatch(StackFrame(), stderr);
        var headers = stderr.Split('\n').Select(l => DiagnosticHeader().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(["AR4001 1:16", "AR1001 2:1", "AR2001 3:23"], headers.Select(m => $"{m.Groups["code"]} {m.Groups["line"]}:{m.Groups["col"]}"));
        Assert.All(headers, m => Assert.Equal("seeds/bad.events", m.Groups["path"].Value));
        Assert.Contains("did you mean 'attack'?", stderr);
        // Each header is followed by the source line and a caret under the column.
        var lines = stderr.Split('\n');
        var first = Array.FindIndex(lines, l => l.Contains("AR4001"));
        Assert.Equal("2022-09-13 AZE atack ARM", lines[first + 1]);
        Assert.Equal(new string(' ', 15) + "^~~~~", lines[first + 2]);
    }

    [Theory]
    [InlineData("--as-of", "2022-02-30", "AR9004")]
    [InlineData("--assume", "promt=P10D", "AR9006")]
    [InlineData("--assume", "prompt=10 fortnights", "AR9007")]
    [InlineData("--assume", "prompt=0 days", "AR9007")]
    [InlineData("--assume", "prompt=P0D", "AR9007")]
    [InlineData("--assume", "prompt=PT5H", "AR9007")]
    [InlineData("--assume", "prompt", "AR9005")]
    [InlineData("--observed", "2023-01-01..2022-01-01", "AR9013")]
    [InlineData("--observed", "2022-01-01", "AR9013")]
    [InlineData("--observed", "2022-02-30..", "AR9013")]
    [InlineData("--sweep", "prompt=P7D", "AR9015")]
    [InlineData("--sweep", "promt=P7D,P30D", "AR9016")]
    public void Bad_option_values_give_exit_2(string option, string value, string code)
    {
        CopyContract();
        var (exit, _, stderr) = _cli.Run("check", "rules", "seeds", option, value);
        Assert.Equal(2, exit);
        Assert.StartsWith($"alliance: error {code}: ", stderr);
        Assert.DoesNotMatch(StackFrame(), stderr);
    }

    /// <summary>A calendar duty: the 2000 Memorandum's quarterly consultations, in small.</summary>
    private void WriteQuarterlyMemo() => _cli.Write("rules/memo.treaty", """
        vocabulary { verb consult "holds consultations with" }
        treaty MEMO "Memo" {
          signed 2000-05-24
          rule quarterly "Quarterly consultations" {
            kind consultation
            every 3 months from 2000-07-01 then CSTO must consult _
          }
        }
        """);

    [Fact]
    public void Observed_option_lets_calendar_duties_be_judged()
    {
        WriteQuarterlyMemo();
        _cli.Write("seeds/2022.events", "2022-02-01 CSTO consult KAZ\n");

        var (exit, unjudged, _) = _cli.Run("check", "rules", "seeds");
        Assert.Equal(0, exit);
        Assert.Contains("Calendar duties (MEMO.quarterly) were not judged: no history states an 'observed' interval", unjudged);
        Assert.Contains("0 obligation instances", unjudged);

        (exit, var judged, _) = _cli.Run("check", "rules", "seeds", "--observed", "2022-01-01..2022-07-01", "--format", "json");
        Assert.Equal(0, exit);
        using var report = JsonDocument.Parse(judged);
        Assert.Equal("2022-07-01", report.RootElement.GetProperty("asOf").GetString());
        var statuses = report.RootElement.GetProperty("instances").EnumerateArray()
            .Select(i => $"{i.GetProperty("triggeredOn").GetString()} {i.GetProperty("status").GetString()}").ToList();
        Assert.Equal(["2022-01-01 fulfilled", "2022-04-01 violated"], statuses);
    }

    [Fact]
    public void Observed_option_without_a_history_judges_nothing()
    {
        // Regression: with the seeds folder forgotten, --observed read "no history" as a complete
        // record and reported every quarter violated.
        WriteQuarterlyMemo();
        var (exit, stdout, _) = _cli.Run("check", "rules", "--observed", "2022-01-01..2023-01-01");
        Assert.Equal(0, exit);
        Assert.StartsWith("Rules are valid. No events and no horizon were given, so nothing was evaluated.", stdout);
        Assert.DoesNotContain("violated", stdout);
    }

    [Fact]
    public void Sweep_lists_the_verdicts_that_change_with_the_assumption()
    {
        CopyContract();
        _cli.Write("seeds/late.events", "2022-10-01 RUS assist ARM\n");
        var (exit, stdout, _) = _cli.Run("check", "rules", "seeds", "--sweep", "prompt=P7D,P30D", "--format", "json");
        Assert.Equal(0, exit);
        using var report = JsonDocument.Parse(stdout);
        var sweep = report.RootElement.GetProperty("sweep");
        Assert.Equal(["P7D", "P30D"], sweep.GetProperty("assumptions")[0].GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(0, sweep.GetProperty("unchanged").GetInt32());
        var change = Assert.Single(sweep.GetProperty("changes").EnumerateArray());
        Assert.Equal("CST.art4-request", change.GetProperty("rule").GetString());
        Assert.Equal(["violated", "fulfilled"], change.GetProperty("statuses").EnumerateArray().Select(v => v.GetString()));
        // The main report keeps the declared 30 days.
        Assert.Equal("fulfilled", report.RootElement.GetProperty("instances")[0].GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("--sweep", "prompt=P7D,P30D", "alliance: error AR9019: --format csv cannot be combined with --sweep: the CSV report has one row per instance and no place for the sweep's table; leave one of them out")]
    [InlineData("--explain", null, "alliance: error AR9019: --format csv cannot be combined with --explain: the CSV report has one row per instance and no place for the explanation lines; leave one of them out")]
    public void Csv_format_refuses_what_it_cannot_show(string option, string? value, string error)
    {
        // Regression: the sweep and the explanations were dropped silently, with exit 0.
        CopyContract();
        var (exit, stdout, stderr) = _cli.Run([.. new[] { "check", "rules", "seeds", "--format", "csv", option }, .. value is null ? [] : new[] { value }]);
        Assert.Equal((2, string.Empty, error + "\n"), (exit, stdout, stderr.Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void Csv_format_writes_a_row_per_instance_to_the_output_file()
    {
        CopyContract();
        var (exit, stdout, _) = _cli.Run("check", "rules", "seeds", "--format", "csv", "--output", "report.csv");
        Assert.Equal((0, string.Empty), (exit, stdout));
        var lines = File.ReadAllLines(Path.Combine(_cli.Directory, "report.csv"));
        Assert.StartsWith("id,treaty,rule,kind,party,status,would_be,triggered_on,deadline,decided_on,", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",episode,late_on,days_late,excused_by,attrs", lines[0], StringComparison.Ordinal);
        Assert.Equal("CST.art4-request#1,CST,CST.art4-request,defense,RUS,violated,,2022-09-13,2022-10-13,2022-10-14,seeds/armenia-2022.events,4,ARM request CSTO,,,,victim=ARM;aggressor=AZE;ally=RUS,,no 'RUS assist ARM' event between 2022-09-13 and 2022-10-13,from 2022-09-13 (victim=ARM;aggressor=AZE;ally=RUS),,,,article=4", lines[1]);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void Unknown_assumption_suggests_the_nearest()
    {
        CopyContract();
        var (_, _, stderr) = _cli.Run("check", "rules", "--assume", "promt=P10D");
        Assert.Equal("alliance: error AR9006: --assume 'promt': no treaty declares 'assume promt'; did you mean 'prompt'?\n", stderr);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "rules", "--format", "xml")]
    [InlineData("check", "rules", "--bogus")]
    [InlineData("chek", "rules")]
    public void Command_line_errors_give_exit_2(params string[] args)
    {
        CopyContract();
        var (exit, _, stderr) = _cli.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains("error AR9011", stderr);
        Assert.DoesNotMatch(StackFrame(), stderr);
    }

    [Fact]
    public void Missing_path_and_wrong_extension_are_errors()
    {
        CopyContract();
        _cli.Write("notes.txt", "hello");
        var (exit, _, stderr) = _cli.Run("check", "rules", "nowhere", "notes.txt");
        Assert.Equal(2, exit);
        Assert.Contains("alliance: error AR9001: 'nowhere' does not exist", stderr);
        Assert.Contains("alliance: error AR9002: 'notes.txt' is neither a rule file (.treaty) nor an event history (.events, .jsonl, .csv, .tsv, .tab, optionally .gz); for a dataset file of another name, give --events-format", stderr);
    }

    [Fact]
    public void Output_is_written_atomically_and_kept_on_failure()
    {
        CopyContract();
        var report = Path.Combine(_cli.Directory, "report.json");
        Assert.Equal(0, _cli.Run("check", "rules", "seeds", "--format", "json", "--output", "report.json").Exit);
        var good = File.ReadAllText(report);
        Assert.Contains("\"violated\"", good);

        _cli.Write("seeds/bad.events", "2022-09-13 AZE atack ARM\n");
        var (exit, stdout, _) = _cli.Run("check", "rules", "seeds", "--format", "json", "--output", "report.json");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(good, File.ReadAllText(report));
        Assert.Equal(["report.json", "rules", "seeds"], System.IO.Directory.EnumerateFileSystemEntries(_cli.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Output_into_a_missing_directory_fails_cleanly()
    {
        CopyContract();
        var (exit, _, stderr) = _cli.Run("check", "rules", "seeds", "--output", "no/such/dir/report.json");
        Assert.Equal(2, exit);
        Assert.StartsWith("alliance: error AR9008: cannot write 'no/such/dir/report.json'", stderr);
    }

    [Fact]
    public void Output_that_cannot_be_written_names_the_file_not_the_temporary()
    {
        // Regression: the reason once named '/proc/.version.<guid>.tmp' and ended in '.;'.
        CopyContract();
        var (exit, _, stderr) = _cli.Run("check", "rules", "seeds", "--output", "/proc/version");
        Assert.Equal(2, exit);
        Assert.StartsWith("alliance: error AR9008: cannot write '/proc/version': ", stderr);
        Assert.EndsWith("; the old file was left as it was\n", stderr);
        Assert.DoesNotContain(".tmp", stderr);
    }

    [Fact]
    public void Output_never_overwrites_an_input()
    {
        CopyContract();
        var before = File.ReadAllText(Path.Combine(_cli.Directory, "rules", "cst.treaty"));
        var (exit, _, stderr) = _cli.Run("check", "rules", "seeds", "--output", "rules/cst.treaty");
        Assert.Equal(2, exit);
        Assert.Contains("AR9010", stderr);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_cli.Directory, "rules", "cst.treaty")));
    }

    [Fact]
    public void Directories_are_read_recursively_in_ordinal_order_skipping_dot_names_and_other_extensions()
    {
        _cli.Write("in/b.treaty", "vocabulary { verb attack }\n");
        _cli.Write("in/a/z.treaty", "treaty T \"t\" { members { ARM 2000-01-01 .. } rule r \"r\" { kind nonaggression forbid $a attack ARM } }\n");
        _cli.Write("in/B.events", "2001-01-02 AZE attack ARM\n");
        _cli.Write("in/a/x.jsonl", "{\"date\":\"2001-01-01\",\"actor\":\"RUS\",\"verb\":\"attack\",\"target\":\"ARM\"}\n");
        _cli.Write("in/.hidden/broken.treaty", "this is not a treaty");
        _cli.Write("in/.broken.events", "nonsense");
        _cli.Write("in/readme.md", "ignored");
        var (exit, stdout, stderr) = _cli.Run("check", "in/", "in/B.events", "--format", "json");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var files = json.RootElement.GetProperty("instances").EnumerateArray()
            .Select(i => i.GetProperty("triggers")[0].GetProperty("file").GetString()).ToList();
        Assert.Equal(["in/a/x.jsonl", "in/B.events"], files);
    }

    [Fact]
    public void Only_rules_validates_and_says_so()
    {
        CopyContract();
        var (exit, stdout, stderr) = _cli.Run("check", "rules");
        Assert.Equal(0, exit);
        Assert.DoesNotContain(": error ", stderr);
        Assert.StartsWith("Rules are valid.", stdout);
    }

    [Fact]
    public void Text_report_groups_by_treaty_and_rule_with_summary_and_assumptions()
    {
        CopyContract();
        var (exit, stdout, _) = _cli.Run("check", "rules", "seeds", "--assume", "prompt=P10D");
        Assert.Equal(0, exit);
        Assert.Equal("""
            Compliance as of 2022-12-31: 1 obligation instance.

            CST
              CST.art4-request  Collective defence at the victim's request  [defense]
                #1  RUS  violated  triggered 2022-09-13  deadline 2022-09-23  decided 2022-09-24
                    no 'RUS assist ARM' event between 2022-09-13 and 2022-09-23

            Reliability by kind, per episode (one crisis or war counts once; invoked = fulfilled + violated)
              treaty  party  kind     episodes  invoked  fulfilled  violated  pending  discharged  excused  reliability
              CST     RUS    defense         1        1          0         1        0           0        0         0.00

            Assumptions used
              CST.prompt = P10D (overridden with --assume; the treaty file says P30D): Article 4 names no deadline; 30 days is assumed.

            """, stdout);
    }

    /// <summary>Regression: System.CommandLine's own handler printed a stack trace and exited 1 (the "violation" code).</summary>
    [Fact]
    public void A_bug_exits_3_with_one_line_and_no_stack_trace()
    {
        CopyContract();
        var stderr = new StringWriter();
        var exit = AllianceProgram.Run(["check", Path.Combine(_cli.Directory, "rules"), Path.Combine(_cli.Directory, "seeds")], new BrokenWriter(), stderr);
        Assert.Equal(3, exit);
        Assert.StartsWith("alliance: internal error: IOException: the terminal went away", stderr.ToString());
        Assert.DoesNotMatch(StackFrame(), stderr.ToString());
    }

    private sealed class BrokenWriter : StringWriter
    {
        public override void Write(string? value) => throw new IOException("the terminal went away");
    }

    /// <summary>Regression: an --assume period whose parts overflowed a checked sum crashed with a stack trace.</summary>
    [Fact]
    public void A_huge_assumed_period_is_accepted_and_saturates()
    {
        CopyContract();
        var (exit, stdout, stderr) = _cli.Run("check", "rules", "seeds", "--assume", "prompt=P1Y2147483647D");
        Assert.True(exit == 0, stderr);
        Assert.Contains("pending", stdout);
    }

    /// <summary>Regression: with symbolic links, which path a file was shown under depended on the directory listing order.</summary>
    [Fact]
    public void A_file_reached_through_several_links_is_shown_under_its_ordinal_first_path()
    {
        CopyContract();
        _cli.Write("L/m/h.events", File.ReadAllText(CliHarness.Contract("armenia-2022.events")));
        foreach (var name in new[] { "z", "q", "a", "k" }) Directory.CreateSymbolicLink(Path.Combine(_cli.Directory, "L", name), Path.Combine(_cli.Directory, "L", "m"));
        Directory.CreateSymbolicLink(Path.Combine(_cli.Directory, "L", "m", "loop"), Path.Combine(_cli.Directory, "L"));
        var (exit, stdout, stderr) = _cli.Run("check", "rules", "L", "--format", "json");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("L/a/h.events", json.RootElement.GetProperty("instances")[0].GetProperty("triggers")[0].GetProperty("file").GetString());
    }

    [Fact]
    public void Help_lists_every_option()
    {
        var (exit, stdout, _) = _cli.Run("check", "--help");
        Assert.Equal(0, exit);
        foreach (var option in new[] { "--as-of", "--assume", "--format", "--output", "--fail-on-violation", "--csv-attributes", "PATH" }) Assert.Contains(option, stdout);
    }

    [Fact]
    public void The_real_process_prints_diagnostics_and_exits_2_without_a_stack_trace()
    {
        CopyContract();
        _cli.Write("typo.events", "2022-09-13 AZE atack ARM\n");
        var (exit, stdout, stderr) = _cli.RunProcess("check", "rules/cst.treaty", "typo.events");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("typo.events:1:16: error AR4001: unknown verb 'atack'", stderr);
        Assert.DoesNotMatch(StackFrame(), stderr);
    }
}
