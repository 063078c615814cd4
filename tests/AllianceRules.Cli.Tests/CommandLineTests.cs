using System.CommandLine;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// The command line behaves the same everywhere (issue #13): unknown options and commands are
/// refused with exit 2, naming the word and the nearest known one, and nothing is created; '--'
/// ends the options; each command names itself in its usage hint; the shared evaluation options
/// are one declaration, read alike on every command that takes them.
/// </summary>
[Collection("cli")]
public sealed class CommandLineTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>A pact with a verb no rule uses, so that checking it gives a lint warning.</summary>
    private const string Pact = """
        vocabulary {
          verb attack  "uses armed force against"
          verb assist  "provides military assistance to"
          verb protest "protests to"
        }
        treaty T "A pact (illustrative)" {
          members {
            ARM 2000-01-01 ..
            KAZ 2000-01-01 ..
            RUS 2000-01-01 ..
          }
          assume prompt = 30 days "No deadline is written; 30 days is assumed."
          rule help "Help a member attacked" {
            kind defense
            cites "Article 1"
            when $a attack $v where $v is member and $a is not member
            then each member $ally except $v must assist $v within prompt
          }
        }
        """;

    private const string History = """
        as of 2022-12-31
        2022-09-13 AZE attack ARM
        2022-09-20 KAZ assist ARM
        """;

    private void WritePact()
    {
        _cli.Write("tour/pact.treaty", Pact);
        _cli.Write("tour/h.events", History);
    }

    private string[] Listing() => [.. Directory.GetFileSystemEntries(_cli.Directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>Each row of the issue's table, exactly: exit 2, the message, and the file system untouched.</summary>
    [Theory]
    [InlineData("fmt --chek tour", "unknown option '--chek'; did you mean '--check'?", "fmt")]
    [InlineData("init --forc", "unknown option '--forc'", "init")]
    [InlineData("chek rules", "unknown command 'chek'; did you mean 'check'?", "")]
    [InlineData("explain --rulle X tour", "unknown option '--rulle'; did you mean '--rule'?", "explain")]
    [InlineData("check tour --as-off 2022-01-01", "unknown option '--as-off'; did you mean '--as-of'?", "check")]
    [InlineData("check tour --fail-on-violaton", "unknown option '--fail-on-violaton'; did you mean '--fail-on-violation'?", "check")]
    [InlineData("report tour --formt=html", "unknown option '--formt'; did you mean '--format'?", "report")]
    [InlineData("import atopp", "unknown command 'atopp'; did you mean 'atop'?", "import")]
    [InlineData("import atop a.csv b.csv --states s.csv -o out", "unexpected argument 'b.csv'", "import atop")]
    [InlineData("test tour --as-of 2022-01-01", "unknown option '--as-of'", "test")]
    public void A_word_that_names_nothing_is_refused_and_nothing_is_created(string line, string message, string command)
    {
        WritePact();
        var before = Listing();
        var pact = File.ReadAllText(Path.Combine(_cli.Directory, "tour", "pact.treaty"));

        var (exit, stdout, stderr) = _cli.Run(line.Split(' '));

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        var hint = command.Length == 0 ? "Run 'alliance --help' for usage." : $"Run 'alliance {command} --help' for usage.";
        Assert.Equal($"alliance: error AR9011: {message}\n{hint}\n", stderr.ReplaceLineEndings("\n"));
        Assert.Equal(before, Listing());
        Assert.Equal(pact, File.ReadAllText(Path.Combine(_cli.Directory, "tour", "pact.treaty")));
    }

    [Fact]
    public void Double_dash_ends_the_options_so_a_folder_may_be_named_like_one()
    {
        var (exit, _, stderr) = _cli.Run("init", "--", "--forc");
        Assert.True(exit == 0, stderr);
        Assert.True(File.Exists(Path.Combine(_cli.Directory, "--forc", "README.md")));

        (exit, var stdout, stderr) = _cli.Run("check", "--quiet", "--", "--forc");
        Assert.True(exit == 0, stderr);
        Assert.Contains("obligation instance", stdout);
    }

    [Fact]
    public void A_path_that_looks_like_an_option_is_shown_how_to_give_it()
    {
        WritePact();
        _cli.Write("-draft/pact.treaty", Pact);
        var (exit, _, stderr) = _cli.Run("check", "-draft");
        Assert.Equal(2, exit);
        Assert.StartsWith("alliance: error AR9011: unknown option '-draft'; to give the path '-draft', put it after '--'\n", stderr.ReplaceLineEndings("\n"));
        Assert.Equal(0, _cli.Run("check", "-q", "--", "-draft").Exit);
    }

    /// <summary>Every command and subcommand, by the path typed after 'alliance'.</summary>
    public static TheoryData<string> Commands() => [.. Walk(AllianceProgram.BuildRoot(TextWriter.Null, TextWriter.Null), string.Empty)];

    private static IEnumerable<string> Walk(Command command, string path)
    {
        foreach (var sub in command.Subcommands)
        {
            var name = (path + " " + sub.Name).Trim();
            yield return name;
            foreach (var deeper in Walk(sub, name)) yield return deeper;
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_names_itself_in_its_usage_hint(string command)
    {
        var (exit, _, stderr) = _cli.Run([.. command.Split(' '), "--no-such-option"]);
        Assert.Equal(2, exit);
        Assert.StartsWith("alliance: error AR9011: unknown option '--no-such-option'", stderr);
        Assert.EndsWith($"Run 'alliance {command} --help' for usage.\n", stderr.ReplaceLineEndings("\n"));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_answers_version(string command)
    {
        var (_, root, _) = _cli.Run("--version");
        var (exit, stdout, stderr) = _cli.Run([.. command.Split(' '), "--version"]);
        Assert.True(exit == 0, stderr);
        Assert.Equal(root, stdout);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout);
    }

    /// <summary>The shared options are declared once: the same name, help and value name wherever they appear.</summary>
    [Fact]
    public void A_shared_option_reads_the_same_on_every_command_that_takes_it()
    {
        var root = AllianceProgram.BuildRoot(TextWriter.Null, TextWriter.Null);
        var shared = new[] { "--as-of", "--assume", "--observed", "--events-format", "--max-memory", "--quiet", "--fail-on-violation", "--sweep", "--output" };
        var byName = root.Subcommands.SelectMany(c => c.Subcommands.Prepend(c))
            .SelectMany(c => c.Options.Select(o => (Command: c.Name, Option: o)))
            .Where(x => shared.Contains(x.Option.Name))
            .GroupBy(x => x.Option.Name)
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (name, uses) in byName)
        {
            if (name != "--output") Assert.Single(uses.Select(u => u.Option.Description).Distinct());
            // import keeps '--out' beside -o/--output for the scripts that use it.
            Assert.Single(uses.Select(u => string.Join(",", u.Option.Aliases.Where(a => a != "--out").Order(StringComparer.Ordinal))).Distinct());
        }
        string[] evaluating = ["check", "explain", "report", "study"];
        foreach (var option in new[] { "--as-of", "--assume", "--observed", "--quiet", "--fail-on-violation", "--output" })
        {
            Assert.Equal(evaluating, byName[option].Select(u => u.Command).Where(evaluating.Contains).Order(StringComparer.Ordinal).ToArray().OrderBy(c => Array.IndexOf(evaluating, c)));
        }
    }

    [Theory]
    [InlineData("check")]
    [InlineData("explain")]
    [InlineData("report")]
    [InlineData("study")]
    public void A_bad_shared_option_gives_the_same_error_on_every_command(string command)
    {
        WritePact();
        string[] explainArgs = command == "explain" ? ["--rule", "T.help", "--party", "RUS"] : [];
        foreach (var (option, value, code) in new[] { ("--as-of", "2022-02-30", "AR9004"), ("--assume", "prompt=10 fortnights", "AR9007"), ("--observed", "2022-01-01", "AR9013"), ("--assume", "prompt", "AR9005") })
        {
            var (exit, stdout, stderr) = _cli.Run([command, "tour", .. explainArgs, option, value]);
            Assert.Equal(2, exit);
            Assert.Equal(string.Empty, stdout);
            Assert.StartsWith($"alliance: error {code}: ", stderr);
        }
    }

    [Fact]
    public void Test_reads_the_observed_interval_as_check_does()
    {
        WritePact();
        _cli.Write("tour/pact.test", """
            test "Kazakhstan helped within the month"
              rules "pact.treaty"
              history "h.events"
              expect T.help KAZ 2022-09-13 fulfilled
            end
            """);
        var (exit, stdout, stderr) = _cli.Run("test", "tour", "--observed", "2022-01-01..2023-01-01");
        Assert.True(exit == 0, stdout + stderr);
        (exit, _, stderr) = _cli.Run("test", "tour", "--observed", "2023-01-01..2022-01-01");
        Assert.Equal(2, exit);
        Assert.StartsWith("alliance: error AR9013: ", stderr);
    }

    /// <summary>
    /// Regression: once the rules were loaded only by the check, a .test file's unknown 'assume'
    /// must still be named in the test file (AR5008), not as an --assume the user never typed.
    /// </summary>
    [Fact]
    public void A_test_files_unknown_assumption_is_named_in_the_test_file_when_rules_load_once()
    {
        WritePact();
        _cli.Write("tour/pact.test", """
            test "A misspelt assumption"
              rules "pact.treaty"
              history "h.events"
              assume promt = 7 days
              expect T.help KAZ 2022-09-13 fulfilled
            end
            """);
        var (exit, stdout, stderr) = _cli.Run("test", "tour");
        Assert.Equal(2, exit);
        Assert.Contains("ERROR", stdout);
        Assert.StartsWith("tour/pact.test:4:10: error AR5008: no assumption 'promt' in the rules this test reads; did you mean 'prompt'?", stderr);
    }

    [Theory]
    [InlineData("prompt=P7D")]
    [InlineData("prompt=7 days")]
    [InlineData("prompt=7days")]
    [InlineData("prompt=1 week")]
    [InlineData("prompt=1weeks")]
    public void Durations_are_written_as_in_rule_files_or_in_ISO_8601(string assume)
    {
        WritePact();
        var (exit, stdout, stderr) = _cli.Run("check", "tour", "--format", "csv", "--assume", assume);
        Assert.True(exit == 0, stderr);
        // A week: KAZ helped on day seven, RUS never did and is judged a week after the attack.
        Assert.Contains(",KAZ,fulfilled,,2022-09-13,2022-09-20,2022-09-20,", stdout);
        Assert.Contains(",RUS,violated,,2022-09-13,2022-09-20,2022-09-21,", stdout);
    }

    [Fact]
    public void Two_sweeps_are_evaluated_over_every_combination_of_their_values()
    {
        var folder = Path.Combine(CliHarness.RepoRoot, "tests", "AllianceRules.Tests", "Cases", "eval", "252-sweep-two-assumptions");
        _cli.Write("rules.treaty", File.ReadAllText(Path.Combine(folder, "rules.treaty")));
        _cli.Write("history.events", File.ReadAllText(Path.Combine(folder, "history.events")));

        var (exit, stdout, stderr) = _cli.Run("check", "rules.treaty", "history.events", "--format", "json", "--sweep", "prompt=7 days,P30D", "--sweep", "lookback=P30D,60days");

        Assert.True(exit == 0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var sweep = json.RootElement.GetProperty("sweep");
        Assert.Equal(["prompt", "lookback"], sweep.GetProperty("assumptions").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(
            ["P7D/P30D", "P7D/P60D", "P30D/P30D", "P30D/P60D"],
            sweep.GetProperty("combinations").EnumerateArray().Select(c => $"{c.GetProperty("prompt").GetString()}/{c.GetProperty("lookback").GetString()}"));
        Assert.All(sweep.GetProperty("changes").EnumerateArray(), c => Assert.Equal(4, c.GetProperty("statuses").GetArrayLength()));
    }

    [Fact]
    public void The_same_assumption_swept_twice_is_refused()
    {
        WritePact();
        var (exit, _, stderr) = _cli.Run("check", "tour", "--sweep", "prompt=P7D,P30D", "--sweep", "prompt=P1D,P2D");
        Assert.Equal(2, exit);
        Assert.StartsWith("alliance: error AR9015: --sweep 'prompt=P1D,P2D': 'prompt' is swept more than once", stderr);
    }

    [Fact]
    public void Quiet_silences_warnings_and_notes_but_never_the_report_or_errors()
    {
        WritePact();
        var (exit, loud, warned) = _cli.Run("check", "tour");
        Assert.Equal(0, exit);
        Assert.Contains("warning AR6002: verb 'protest'", warned);

        (exit, var quiet, var silent) = _cli.Run("check", "tour", "-q");
        Assert.Equal(0, exit);
        Assert.Equal(loud, quiet);
        Assert.Equal(string.Empty, silent);

        _cli.Write("tour/typo.events", "2022-09-13 AZE atack ARM\n");
        (exit, _, var errors) = _cli.Run("check", "tour", "--quiet");
        Assert.Equal(2, exit);
        Assert.Contains("error AR4001", errors);
    }

    [Fact]
    public void Report_fails_on_violation_and_still_writes_the_report()
    {
        WritePact();
        var (exit, _, stderr) = _cli.Run("report", "tour", "--fail-on-violation", "-o", "report.md");
        Assert.True(exit == 1, stderr);
        Assert.Contains("RUS", File.ReadAllText(Path.Combine(_cli.Directory, "report.md")));

        (exit, _, stderr) = _cli.Run("report", "tour", "-o", "report.md");
        Assert.True(exit == 0, stderr);
    }

    [Fact]
    public void Explain_fails_on_violation_only_when_an_instance_it_explains_is_violated()
    {
        WritePact();
        Assert.Equal(1, _cli.Run("explain", "tour", "--rule", "T.help", "--party", "RUS", "--fail-on-violation").Exit);
        Assert.Equal(0, _cli.Run("explain", "tour", "--rule", "T.help", "--party", "KAZ", "--fail-on-violation").Exit);
        Assert.Equal(0, _cli.Run("explain", "tour", "--rule", "T.help", "--party", "RUS").Exit);
    }

    [Theory]
    [InlineData("check", "-o")]
    [InlineData("check", "--output")]
    [InlineData("explain", "-o")]
    [InlineData("report", "-o")]
    [InlineData("study", "-o")]
    public void Every_writing_command_takes_o_for_its_output(string command, string option)
    {
        WritePact();
        string[] explainArgs = command == "explain" ? ["--rule", "T.help", "--party", "RUS"] : [];
        var (exit, stdout, stderr) = _cli.Run([command, "tour", .. explainArgs, option, "out.txt"]);
        Assert.True(exit == 0, stderr);
        Assert.Equal(string.Empty, stdout);
        Assert.NotEqual(0, new FileInfo(Path.Combine(_cli.Directory, "out.txt")).Length);
    }
}
