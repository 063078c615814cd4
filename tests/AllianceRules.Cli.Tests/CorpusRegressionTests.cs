namespace AllianceRules.Cli.Tests;

/// <summary>One test per defect the bad-input corpus found (issue #8, tests/corpus), named after it.</summary>
[Collection("cli")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CorpusRegressionTests
{
    private const string Vocabulary = """
        vocabulary {
          verb attack "uses armed force against"
          verb assist "provides military assistance to"
        }

        """;

    private static string Rule(string condition) => Vocabulary + $$"""
        treaty T "T" {
          members {
            ARM 2000-01-01 ..
            RUS 2000-01-01 ..
          }
          rule r "r" {
            kind defense
            when $a attack $v where {{condition}}
            then each member $m except $v must assist $v within 30 days
          }
        }

        """;

    private static (int Exit, string Out, string Err) CheckRule(string condition)
    {
        using var cli = new CliHarness();
        cli.Write("t.treaty", Rule(condition));
        // On a thread-pool thread, whose stack is smaller than the main thread's.
        return Task.Run(() => cli.Run("check", "t.treaty")).GetAwaiter().GetResult();
    }

    [Fact]
    public void Bug_ten_thousand_nested_parentheses_overflowed_the_stack()
    {
        var (exit, _, err) = CheckRule(new string('(', 10_000) + "$v is member" + new string(')', 10_000));
        Assert.Equal(2, exit);
        Assert.Contains("t.treaty:12:129: error AR2001: this condition nests more than 100 parentheses and 'not's deep", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Bug_ten_thousand_nots_overflowed_the_stack()
    {
        var (exit, _, err) = CheckRule(string.Concat(Enumerable.Repeat("not ", 10_000)) + "$v is member");
        Assert.Equal(2, exit);
        Assert.Contains("error AR2001: this condition nests more than 100", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Bug_a_hundred_thousand_ors_overflowed_the_stack_in_the_binder()
    {
        var (exit, _, err) = CheckRule(string.Join(" or ", Enumerable.Repeat("$v is member", 100_000)));
        Assert.Equal(2, exit);
        Assert.Contains("error AR2001: this condition joins 100000 conditions with 'and' and 'or', more than 1000", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Conditions_at_the_limits_are_still_accepted()
    {
        Assert.Equal(0, CheckRule(new string('(', 100) + "$v is member" + new string(')', 100)).Exit);
        Assert.Equal(0, CheckRule(string.Join(" and ", Enumerable.Repeat("$v is member", 1000))).Exit);
    }

    [Fact]
    public void Bug_a_ten_megabyte_line_was_echoed_whole_under_its_error()
    {
        using var cli = new CliHarness();
        cli.Write("v.treaty", Vocabulary);
        cli.Write("h.events", "2022-09-13 AZE attack ARM " + new string('x', 10 << 20) + "\n");
        var (exit, _, err) = cli.Run("check", "v.treaty", "h.events");
        Assert.Equal(2, exit);
        Assert.StartsWith("h.events:1:10485787: error AR2001: unexpected end of line; expected '='\n...xxx", err, StringComparison.Ordinal);
        Assert.True(err.Length < 1000, $"stderr is {err.Length} characters long");
    }

    [Fact]
    public void Bug_invalid_utf8_in_a_description_was_read_silently()
    {
        using var cli = new CliHarness();
        cli.Write("v.treaty", Vocabulary);
        File.WriteAllBytes(Path.Combine(cli.Directory, "h.events"), [.. "2022-09-13 AZE attack ARM \"Krak"u8, 0xF3, .. "w\"\n"u8]);
        var (exit, _, err) = cli.Run("check", "v.treaty", "h.events");
        Assert.Equal(2, exit);
        Assert.StartsWith("h.events:1:32: error AR1007: the file holds bytes that are not UTF-8 text", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Bug_a_nul_byte_was_printed_raw_in_a_message()
    {
        using var cli = new CliHarness();
        cli.Write("v.treaty", Vocabulary);
        cli.Write("h.events", "2022-09-13 AZE attack\0 ARM\n");
        var (exit, _, err) = cli.Run("check", "v.treaty", "h.events");
        Assert.Equal(2, exit);
        Assert.DoesNotContain('\0', err);
        Assert.StartsWith("h.events:1:22: error AR1007: the file holds a NUL byte (U+0000)", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Bug_a_symlink_loop_was_reported_with_an_absolute_path_in_dotnet_words()
    {
        using var cli = new CliHarness();
        cli.Write("v.treaty", Vocabulary);
        Directory.CreateDirectory(Path.Combine(cli.Directory, "d"));
        File.CreateSymbolicLink(Path.Combine(cli.Directory, "d", "a.events"), "b.events");
        File.CreateSymbolicLink(Path.Combine(cli.Directory, "d", "b.events"), "a.events");
        var (exit, _, err) = cli.Run("check", "v.treaty", "d");
        Assert.Equal(2, exit);
        Assert.Equal("""
            alliance: error AR9003: cannot read 'd/a.events': its symbolic links form a loop
            alliance: error AR9003: cannot read 'd/b.events': its symbolic links form a loop

            """, err.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Bug_an_output_in_a_missing_directory_named_its_absolute_path()
    {
        using var cli = new CliHarness();
        cli.Write("v.treaty", Vocabulary);
        var (exit, _, err) = cli.Run("check", "v.treaty", "--output", "no/such/report.txt");
        Assert.Equal(2, exit);
        Assert.Equal("alliance: error AR9008: cannot write 'no/such/report.txt': the directory 'no/such' does not exist; nothing was written\n", err.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Bug_a_control_character_was_described_as_empty_quotes()
    {
        using var cli = new CliHarness();
        cli.Write("v.treaty", "\u0001vocabulary {\n}\n");
        var (exit, _, err) = cli.Run("check", "v.treaty");
        Assert.Equal(2, exit);
        Assert.StartsWith("v.treaty:1:1: error AR2001: unexpected the control character U+0001; expected 'vocabulary' or 'treaty'", err, StringComparison.Ordinal);
    }
}
