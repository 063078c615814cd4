using AllianceRules.Diagnostics;
using AllianceRules.Parsing;
using AllianceRules.Text;

namespace AllianceRules.Tests.Parsing;

/// <summary>Pins the exact diagnostic of each small broken input (the first with the expected code), with its line and column.</summary>
public sealed class PreciseErrorTests
{
    private const string Vocabulary = "vocabulary { verb attack verb assist }\n";

    [Theory]
    [InlineData("treaty cst \"x\" { }", "AR2001 1:8 unexpected 'cst'; expected a treaty code such as 'CST'")]
    [InlineData("treaty CST x { }", "AR2001 1:12 unexpected 'x'; expected a quoted string")]
    [InlineData("treaty CST \"x\" { signed 1992-5-15 }", "AR2001 1:25 unexpected '1992-5-15'; expected a date such as 1992-05-15")]
    [InlineData("treaty CST \"x\" { assume prompt = 30 }", "AR2001 1:37 unexpected '}'; expected a unit: days, weeks, months or years")]
    [InlineData("treaty CST \"x\" { assume prompt = 99999999999 days }", "AR1004 1:34 the number '99999999999' is too large")]
    [InlineData("treaty CST \"x\" { source \"unterminated }", "AR1002 1:25 this string has no closing quote")]
    [InlineData("treaty CST \"x\" { source \"a\\nb\" }", "AR1003 1:27 unknown escape '\\n' in a string; only \\\" and \\\\ are escapes")]
    [InlineData("treaty CST \"x\" { sined 1992-05-15 }", "AR2002 1:18 unknown keyword 'sined' in treaty 'CST'; expected 'signed', 'source', 'members', 'assume', 'reading' or 'rule'; did you mean 'signed'?")]
    [InlineData("treaty CST \"x\" {", "AR2003 1:16 treaty 'CST' is not closed; expected '}' before the end of the file")]
    [InlineData("tready CST \"x\" { }", "AR2002 1:1 unknown keyword 'tready' in a rule file; expected 'vocabulary' or 'treaty'; did you mean 'treaty'?")]
    [InlineData("}", "AR2005 1:1 unexpected '}' with no open block")]
    [InlineData("treaty CST \"x\" { rule r \"t\" { kind defense when $a attack $b then $a must assist $b } }",
        "AR2001 1:85 unexpected '}'; expected 'within' or 'before'")]
    [InlineData("treaty CST \"x\" { rule r \"t\" { kind defense when $a attack $b where $b is membr then $a must assist $b within 1 day } }",
        "AR2001 1:74 unexpected 'membr'; expected 'member' or 'frozen'")]
    [InlineData("treaty CST \"x\" { rule r \"t\" { kind defense when $a attack $b $a must assist $b within 1 day } }",
        "AR2001 1:62 unexpected '$a'; expected 'then'")]
    [InlineData("treaty CST \"x\" { rule r \"t\" { kind defence } }", "AR2004 1:36 unknown rule kind 'defence'; expected 'defense', 'offense', 'neutrality', 'nonaggression', 'consultation' or 'other'; did you mean 'defense'?")]
    [InlineData("treaty CST \"x\" { rule r \"t\" { kind defense forbid $a attack $b [level in []] } }",
        "AR2001 1:75 unexpected ']'; expected a value: a string, a code, a name or a number")]
    [InlineData("treaty CST \"x\" { rule r \"t\" { kind defense forbid $a attack $b [level in high] } }",
        "AR2001 1:74 unexpected 'high'; expected '['")]
    [InlineData("treaty CST \"x\" { rule r \"t\" { kind defense forbid $a attack $b [level = ] } }",
        "AR2001 1:73 unexpected ']'; expected a value (a string, a code, a name or a number), '@name' or '_'")]
    [InlineData("treaty CST \"x\" { rule r \"t\" { kind defense forbid $a attack $b [level 4] } }",
        "AR2001 1:71 unexpected '4'; expected '=' or 'in'")]
    [InlineData("treaty CST \"x\" { rule r \"t\" { kind defense if reading w } }",
        "AR2001 1:57 unexpected '}'; expected 'is'")]
    // A code after an open interval starts the next member, which then lacks its interval.
    [InlineData("treaty CST \"x\" { members { ARM 1994-04-20 .. RUS } }", "AR2001 1:50 unexpected '}'; expected a date such as 1992-05-15")]
    // Regression (issue #18): a quote pasted inside a string read as "unknown keyword 'inviolability'".
    [InlineData("treaty CST \"x\" { source \"the \"inviolability\" of borders\" }",
        "AR2006 1:30 the string ends at this '\"', and 'inviolability' follows it on the line: a straight quote inside a quoted string ends it; write \\\" for a quote inside, or use a triple-quoted string \"\"\"...\"\"\"")]
    // A misspelt keyword after a string on its line is still a misspelt keyword, not a quote inside the string.
    [InlineData("treaty CST \"x\" { source \"s\" sgned 1992-05-15 }",
        "AR2002 1:29 unknown keyword 'sgned' in treaty 'CST'; expected 'signed', 'source', 'members', 'assume', 'reading' or 'rule'; did you mean 'signed'?")]
    public void Diagnostic_is_exact(string text, string expected)
    {
        var (_, diagnostics) = RuleFileParser.Parse(new SourceFile("t.treaty", Vocabulary + text));
        var d = diagnostics.First(d => d.Code == expected[..6]);
        var p = d.Position!.Value;
        Assert.Equal(expected, $"{d.Code} {p.Line - 1}:{p.Column} {d.Message}");
    }

    [Theory]
    [InlineData("treaty CST \"x\" { source \"the \\\"inviolability\\\" of borders\" }")]
    [InlineData("treaty CST \"x\" { source \"\"\"the \"inviolability\" of borders\"\"\" }")]
    public void The_fixes_AR2006_suggests_parse(string text)
    {
        var (_, diagnostics) = RuleFileParser.Parse(new SourceFile("t.treaty", Vocabulary + text));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Quote_inside_string_is_not_reported_without_a_stray_quote()
    {
        // Text after a string with no '"' left on the line is some other mistake: a keyword out of place, a stray number.
        var (_, within) = RuleFileParser.Parse(new SourceFile("t.treaty", Vocabulary + "treaty CST \"x\" { rule r \"t\" { kind defense quote \"...assistance.\" within 30 days } }"));
        Assert.DoesNotContain(within, d => d.Code == "AR2006");
        Assert.Contains(within, d => d.Code == "AR2002" && d.Message.StartsWith("unknown keyword 'within'", StringComparison.Ordinal));
        var (_, year) = RuleFileParser.Parse(new SourceFile("t.treaty", Vocabulary + "treaty CST \"x\" { rule r \"t\" { kind defense cites \"Article 4\" 1992 } }"));
        Assert.NotEmpty(year);
        Assert.DoesNotContain(year, d => d.Code == "AR2006");
    }

    [Fact]
    public void Recovery_reports_an_error_in_every_rule()
    {
        var text = """
            treaty CST "x" {
              rule a "a" { kind defense when $x attack $y then $x must assist $y within 3 dayz }
              rule b "b" { kind defense forbid $x atack }
              rule c "c" { kind defense forbid $x attack $y }
              signed 1992-05-1
            }
            """;
        var (syntax, diagnostics) = RuleFileParser.Parse(new SourceFile("t.treaty", Vocabulary + text));
        Assert.Equal(["AR2001", "AR2001", "AR2001"], diagnostics.Select(d => d.Code));
        Assert.Equal([3, 4, 6], diagnostics.Select(d => d.Position!.Value.Line));
        // The good rule between the broken ones still parses.
        Assert.Contains(syntax.Treaties[0].Items.OfType<AllianceRules.Syntax.RuleSyntax>(), r => r.Id.Text == "c" && !r.Recovered);
    }

    [Fact]
    public void Diagnostic_is_printed_with_source_line_and_caret()
    {
        var file = new SourceFile("dir/t.treaty", "treaty CST \"x\" {\n  sined 1992-05-15\n}\n");
        var (_, diagnostics) = RuleFileParser.Parse(file);
        Assert.Equal(
            "dir/t.treaty:2:3: error AR2002: unknown keyword 'sined' in treaty 'CST'; expected 'signed', 'source', 'members', 'assume', 'reading' or 'rule'; did you mean 'signed'?\n  sined 1992-05-15\n  ^~~~~",
            DiagnosticFormatter.Format(Assert.Single(diagnostics)));
    }
}
