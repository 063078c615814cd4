using System.Xml.Linq;

namespace AllianceRules.Cli.Tests;

/// <summary>alliance test: rule writers' .test files, their failures, JUnit output and their errors.</summary>
[Collection("cli")]
public sealed class TestCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private void CopyContract()
    {
        _cli.Write("rules/cst.treaty", File.ReadAllText(CliHarness.Contract("cst.treaty")));
        _cli.Write("seeds/armenia-2022.events", File.ReadAllText(CliHarness.Contract("armenia-2022.events")));
    }

    private const string Passing = """
        # The contract's example.
        test "Russia did not help Armenia"
          rules "../rules"
          history "../seeds"
          expect CST.art4-request RUS 2022-09-13 violated
          expect no CST.art4 RUS
          expect summary CST RUS reliability 0
        end
        """;

    [Fact]
    public void Passing_tests_exit_0_and_say_so()
    {
        CopyContract();
        _cli.Write("tests/contract.test", Passing);
        var (exit, stdout, stderr) = _cli.Run("test", "tests");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal("ok      tests/contract.test:2  Russia did not help Armenia (3 expectations)\n1 test: 1 passed, 0 failed\n", stdout.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Tests_can_expect_indeterminate_instances_and_count_them()
    {
        _cli.Write("rules/pact.treaty", File.ReadAllText(Path.Combine(CliHarness.RepoRoot, "tests", "AllianceRules.Tests", "Cases", "eval", "260-war-before-judgment", "rules.treaty")));
        _cli.Write("seeds/war.events", File.ReadAllText(Path.Combine(CliHarness.RepoRoot, "tests", "AllianceRules.Tests", "Cases", "eval", "260-war-before-judgment", "history.events")));
        _cli.Write("tests/war.test", """
            test "Neutrality needs judgment"
              rules "../rules"
              history "../seeds"
              expect PACT.neutral HAN 1866-06-15 indeterminate decided 1866-07-27
              expect summary PACT HAN indeterminate 1
            end
            """);
        var (exit, stdout, stderr) = _cli.Run("test", "tests");
        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.StartsWith("ok      tests/war.test:1  Neutrality needs judgment (2 expectations)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Tests_can_expect_the_reliability_by_kind_counted_per_episode()
    {
        var case_ = Path.Combine(CliHarness.RepoRoot, "tests", "AllianceRules.Tests", "Cases", "eval", "280-episodes");
        _cli.Write("rules/pact.treaty", File.ReadAllText(Path.Combine(case_, "rules.treaty")));
        _cli.Write("seeds/history.events", File.ReadAllText(Path.Combine(case_, "history.events")));
        _cli.Write("tests/episodes.test", """
            test "Nine defence instances are five episodes"
              rules "../rules"
              history "../seeds"
              expect summary PACT BBB defense episodes 5
              expect summary PACT BBB defense reliability 0.5
              expect summary PACT BBB nonaggression violated 1
              expect summary PACT BBB violated 4
            end
            test "Episodes need a kind"
              rules "../rules"
              history "../seeds"
              expect summary PACT BBB episodes 7
            end
            """);
        var (exit, stdout, _) = _cli.Run("test", "tests");
        Assert.Equal(1, exit);
        Assert.StartsWith("ok      tests/episodes.test:1  Nine defence instances are five episodes (4 expectations)", stdout, StringComparison.Ordinal);
        Assert.Contains("actual:   none: 'episodes' is counted by kind; name one (expect summary TREATY PARTY KIND episodes N)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_names_its_line_shows_expected_and_actual_and_how_the_engine_decided()
    {
        CopyContract();
        _cli.Write("tests/wrong.test", """
            test "Russia helped, says this test"
              rules "../rules"
              history "../seeds"
              history {
                2022-11-01 RUS assist ARM
              }
              expect CST.art4-request RUS 2022-09-13 fulfilled
              expect summary CST RUS violated 1
            end
            """);
        var (exit, stdout, _) = _cli.Run("test", "tests/wrong.test", "--junit", "junit.xml");
        Assert.Equal(1, exit);
        Assert.Contains("FAILED  tests/wrong.test:1  Russia helped, says this test", stdout);
        Assert.Contains("  tests/wrong.test:7: expect CST.art4-request RUS 2022-09-13 fulfilled\n    expected: fulfilled\n    actual:   violated, decided 2022-10-14: no 'RUS assist ARM' event between 2022-09-13 and 2022-10-13\n    how the engine decided it:\n", stdout.Replace("\r\n", "\n"));
        // The inline event is examined, with its place in the test file.
        Assert.Contains("tests/wrong.test:5  2022-11-01 RUS assist ARM", stdout);
        Assert.Contains("outside the window: after the deadline, 2022-10-13", stdout);
        Assert.DoesNotContain("tests/wrong.test:8", stdout);
        Assert.EndsWith("1 test: 0 passed, 1 failed\n", stdout.Replace("\r\n", "\n"));

        var junit = XDocument.Load(Path.Combine(_cli.Directory, "junit.xml"));
        Assert.Equal("1", (string?)junit.Root!.Attribute("failures"));
        var failure = Assert.Single(junit.Descendants("failure"));
        Assert.StartsWith("expect CST.art4-request RUS 2022-09-13 fulfilled: expected fulfilled, actual violated", (string)failure.Attribute("message")!);
    }

    [Fact]
    public void A_decision_date_is_checked_when_it_is_given()
    {
        CopyContract();
        _cli.Write("tests/d.test", """
            test "decided later than it was"
              rules "../rules"
              history "../seeds"
              expect CST.art4-request RUS 2022-09-13 violated decided 2022-10-20
            end
            """);
        var (exit, stdout, _) = _cli.Run("test", "tests");
        Assert.Equal(1, exit);
        Assert.Contains("    expected: violated, decided 2022-10-20\n    actual:   violated, decided 2022-10-14: ", stdout.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Init_creates_a_project_that_passes_check_test_lint_and_fmt()
    {
        var (exit, stdout, _) = _cli.Run("init", "proj");
        Assert.Equal(0, exit);
        Assert.Contains("created: proj/tests/pact.test", stdout);
        var check = _cli.Run("check", "proj/rules", "proj/histories");
        Assert.Equal(0, check.Exit);
        Assert.Equal(string.Empty, check.Err);
        Assert.Contains("PACT.art4", check.Out);
        var test = _cli.Run("test", "proj/tests");
        Assert.True(test.Exit == 0, test.Out);
        Assert.Contains("1 test: 1 passed, 0 failed", test.Out);
        Assert.Equal(0, _cli.Run("lint", "--werror", "proj/rules", "proj/histories").Exit);
        Assert.Equal(0, _cli.Run("fmt", "--check", "proj/rules", "proj/histories").Exit);

        // A second init into the same folder touches nothing.
        var again = _cli.Run("init", "proj");
        Assert.Equal(2, again.Exit);
        Assert.StartsWith("alliance: error AR9017: 'proj' is not an empty folder", again.Err);
    }

    [Theory]
    [InlineData("test \"a\"\n  rules \"../rules\"\n  history \"../seeds\"\n  expect CST.art1 RUS 2022-09-13 violated\n", "AR5001", "tests/t.test:1:1")]
    [InlineData("expect CST.art1 RUS 2022-09-13 violated\n", "AR5002", "tests/t.test:1:1")]
    [InlineData("test \"a\"\n  rules \"../rules\"\n  expect CST.art1 RUS 2022-09-13 violated\nend\n", "AR5003", "tests/t.test:1:1")]
    [InlineData("test \"a\"\n  rules \"../rulez\"\n  history \"../seeds\"\n  expect CST.art1 RUS 2022-09-13 violated\nend\n", "AR5004", "tests/t.test:2:9")]
    [InlineData("test \"a\"\n  rules \"../rules\"\n  history \"../seeds\"\n  expect CST.art1 RUS 2022-09-13 broken\nend\n", "AR2001", "tests/t.test:4:34")]
    public void A_broken_test_file_is_a_located_error_with_exit_2(string text, string code, string at)
    {
        CopyContract();
        _cli.Write("tests/t.test", text);
        var (exit, _, stderr) = _cli.Run("test", "tests");
        var output = stderr + _cli.Run("test", "tests").Out;
        Assert.Equal(2, exit);
        Assert.Contains($"{at}: error {code}: ", output);
    }
}
