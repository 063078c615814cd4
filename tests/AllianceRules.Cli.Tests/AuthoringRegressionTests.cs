using System.Xml.Linq;

namespace AllianceRules.Cli.Tests;

/// <summary>One regression test per bug the review of the authoring tools found, each named after it.</summary>
[Collection("cli")]
public sealed class AuthoringRegressionTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private void Project()
    {
        Assert.Equal(0, _cli.Run("init", "p").Exit);
    }

    private (int Exit, string Out, string Err) Test(string body) =>
        TestFile("p/tests/x.test", body);

    private (int Exit, string Out, string Err) TestFile(string path, string body)
    {
        File.Delete(Path.Combine(_cli.Directory, "p", "tests", "pact.test"));
        _cli.Write(path, body);
        return _cli.Run("test", path);
    }

    [Fact]
    public void A_whole_number_in_expect_summary_is_exact()
    {
        Project();
        var (exit, stdout, _) = Test("""
            test "RUS helped once in two"
              rules "../rules"
              history "../histories"
              history {
                2022-11-01 AZE attack ARM
                2022-11-01 ARM request PACT
                2022-11-05 RUS assist ARM
              }
              expect summary PACT RUS reliability 1
            end
            """);
        Assert.Equal(1, exit);
        Assert.Contains("    expected: 1\n    actual:   0.5", stdout.Replace("\r\n", "\n"));
    }

    [Theory]
    [InlineData("  as of 2022-02-30\n", "AR1001")]
    [InlineData("  assume prompt = 0 days\n", "AR1005")]
    [InlineData("  assume prompt = 10 days\n  assume prompt = 20 days\n", "AR5005")]
    [InlineData("  expect no PACT.art44 RUS\n", "AR5008")]
    [InlineData("  expect PACT.art4 KAZ 2022-09-14 fulfilled decided 2022-02-30\n", "AR1001")]
    public void A_test_that_would_check_less_than_it_says_is_an_error(string items, string code)
    {
        Project();
        var (exit, stdout, stderr) = Test($"test \"t\"\n  rules \"../rules\"\n  history \"../histories\"\n{items}  expect PACT.art4 KAZ 2022-09-14 fulfilled\nend\n");
        Assert.Equal(2, exit);
        Assert.Contains($"error {code}: ", stderr + stdout);
    }

    [Fact]
    public void An_unclosed_inline_history_is_reported_where_it_opens()
    {
        Project();
        var (exit, _, stderr) = Test("test \"t\"\n  rules \"../rules\"\n  history {\n    2022-09-13 AZE attack ARM\nend\n");
        Assert.Equal(2, exit);
        Assert.StartsWith("p/tests/x.test:3:1: error AR5006: ", stderr);
    }

    [Fact]
    public void Several_inline_histories_add_up()
    {
        Project();
        var (exit, stdout, _) = Test("""
            test "two blocks"
              rules "../rules"
              as of 2022-12-31
              history {
                2022-09-13 AZE attack ARM
              }
              history {
                2022-09-14 ARM request PACT
              }
              expect PACT.art4 RUS 2022-09-14 violated
            end
            """);
        Assert.True(exit == 0, stdout);
    }

    [Fact]
    public void A_file_without_tests_and_a_path_of_the_wrong_kind_are_errors()
    {
        Project();
        Assert.Contains("error AR5007", TestFile("p/tests/empty.test", "# nothing yet\n").Err);
        var (exit, _, stderr) = Test("test \"t\"\n  rules \"../histories\"\n  history \"../histories\"\n  expect PACT.art4 KAZ 2022-09-14 fulfilled\nend\n");
        Assert.Equal(2, exit);
        Assert.Contains("error AR5009: '../histories' holds no rule file", stderr);
    }

    [Fact]
    public void Junit_never_overwrites_an_input()
    {
        Project();
        var before = File.ReadAllText(Path.Combine(_cli.Directory, "p", "histories", "example.events"));
        var (exit, _, stderr) = _cli.Run("test", "p/tests", "--junit", "p/histories/example.events");
        Assert.Equal(2, exit);
        Assert.Contains("error AR9010", stderr);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_cli.Directory, "p", "histories", "example.events")));
    }

    [Fact]
    public void Junit_carries_a_test_name_with_a_control_character()
    {
        Project();
        File.Delete(Path.Combine(_cli.Directory, "p", "tests", "pact.test"));
        _cli.Write("p/tests/x.test", "test \"bell\u0001\"\n  rules \"../rules\"\n  history \"../histories\"\n  expect PACT.art4 KAZ 2022-09-14 fulfilled\nend\n");
        var (exit, _, stderr) = _cli.Run("test", "p/tests", "--junit", "j.xml");
        Assert.True(exit == 0, stderr);
        Assert.Equal("bell\uFFFD", (string)XDocument.Load(Path.Combine(_cli.Directory, "j.xml")).Descendants("testcase").Single().Attribute("name")!);
    }

    [Fact]
    public void Init_with_an_empty_name_is_a_command_line_error()
    {
        var (exit, _, stderr) = _cli.Run("init", "");
        Assert.Equal(2, exit);
        Assert.StartsWith("alliance: error AR9011: init needs a folder name", stderr);
    }

    [Fact]
    public void Fmt_keeps_every_line_of_a_history_in_its_place()
    {
        _cli.Write("rules/v.treaty", "vocabulary {\n  verb attack \"attacks\"\n}\n");
        var history = "\n\n# c\nas of 2022-12-31\n\n\n\n2022-09-13 AZE    attack ARM\n";
        _cli.Write("seeds/h.events", history);
        Assert.Equal(0, _cli.Run("fmt", "seeds").Exit);
        var lines = File.ReadAllText(Path.Combine(_cli.Directory, "seeds", "h.events")).Split('\n');
        Assert.Equal("2022-09-13 AZE attack ARM", lines[7]);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Fmt_leaves_a_read_only_file_alone_and_keeps_a_private_one_private()
    {
        var locked = _cli.Write("rules/locked.treaty", "vocabulary {\nverb attack \"attacks\"\n}\n");
        File.SetUnixFileMode(locked, UnixFileMode.UserRead);
        var (exit, _, stderr) = _cli.Run("fmt", "rules/locked.treaty");
        Assert.Equal(2, exit);
        Assert.Contains("it is read-only", stderr);
        Assert.Equal("vocabulary {\nverb attack \"attacks\"\n}\n", File.ReadAllText(locked));

        var secret = _cli.Write("rules/secret.treaty", "vocabulary {\nverb attack \"attacks\"\n}\n");
        File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(0, _cli.Run("fmt", "rules/secret.treaty").Exit);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secret));
    }

    [Fact]
    public void Fmt_refuses_bytes_that_are_not_utf8()
    {
        var path = Path.Combine(_cli.Directory, "latin1.treaty");
        byte[] bytes = [.. "# Caf"u8, 0xE9, .. " note\nvocabulary {\nverb attack \"x\"\n}\n"u8];
        File.WriteAllBytes(path, bytes);
        var (exit, _, stderr) = _cli.Run("fmt", "latin1.treaty");
        Assert.Equal(2, exit);
        Assert.Contains("not valid UTF-8", stderr);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void Fmt_formats_the_files_that_parse_even_when_another_does_not()
    {
        _cli.Write("rules/good.treaty", "vocabulary {\nverb attack \"attacks\"\n}\n");
        _cli.Write("rules/bad.treaty", "vocabulary {\n");
        var (exit, stdout, _) = _cli.Run("fmt", "--check", "rules");
        Assert.Equal(2, exit);
        Assert.Contains("not formatted: rules/good.treaty", stdout);
    }

    [Fact]
    public void Fmt_check_counts_a_byte_order_mark_as_not_formatted()
    {
        _cli.Write("rules/bom.treaty", "\uFEFFvocabulary {\n  verb attack \"attacks\"\n}\n");
        Assert.Equal(1, _cli.Run("fmt", "--check", "rules").Exit);
    }

    [Fact]
    public void Fmt_lays_out_a_rule_named_like_a_block_keyword_as_a_rule()
    {
        _cli.Write("rules/r.treaty", "vocabulary {\n  verb attack \"attacks\"\n}\n\ntreaty T \"t\" {\n  rule members \"m\" {\n    kind nonaggression\n    forbid $a attack $b\n      where $a is member\n  }\n}\n");
        Assert.Equal(0, _cli.Run("fmt", "--check", "rules").Exit);
    }

    [Fact]
    public void Fmt_puts_cameo_in_its_column_when_a_verb_has_no_description()
    {
        _cli.Write("rules/v.treaty", "vocabulary {\n  verb attack \"uses armed force against\" cameo 18\n  verb consult cameo 04\n}\n");
        Assert.Equal(0, _cli.Run("fmt", "rules").Exit);
        var lines = File.ReadAllText(Path.Combine(_cli.Directory, "rules", "v.treaty")).Split('\n');
        Assert.Equal(lines[1].IndexOf("cameo", StringComparison.Ordinal), lines[2].IndexOf("cameo", StringComparison.Ordinal));
    }
}
