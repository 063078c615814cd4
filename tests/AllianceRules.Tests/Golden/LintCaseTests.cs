using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Tests.Support;
using AllianceRules.Text;

namespace AllianceRules.Tests.Golden;

/// <summary>
/// Cases/lint: one rule file per lint code (with a history when the check reads one), and its
/// findings as printed (<c>NAME.lint</c>). Each case must produce the code it is named after, and
/// the bundled rules and seeds must produce no warning.
/// </summary>
public sealed class LintCaseTests
{
    private static readonly string Folder = Repo.Path("tests", "AllianceRules.Tests", "Cases", "lint");

    public static TheoryData<string> Cases() =>
        [.. Directory.GetFiles(Folder, "*.treaty").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).Cast<string>()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_gives_its_findings(string name)
    {
        var rules = new SourceFile(name + ".treaty", File.ReadAllText(Path.Combine(Folder, name + ".treaty")));
        var historyPath = Path.Combine(Folder, name + ".events");
        IReadOnlyList<SourceFile> histories = File.Exists(historyPath) ? [new SourceFile(name + ".events", File.ReadAllText(historyPath))] : [];
        var (findings, errors) = Checker.Lint([rules], histories);
        Assert.Empty(errors);
        var code = name[..6].ToUpperInvariant();
        Assert.Contains(findings, f => f.Code == code);
        // Warnings all, but for AR6015, which is information.
        Assert.All(findings, f => Assert.Equal(f.Code == "AR6015" ? Severity.Information : Severity.Warning, f.Severity));
        Baseline.Match(Path.Combine(Folder, name + ".lint"), string.Join("\n", findings.Select(DiagnosticFormatter.Format)) + "\n");
    }

    [Fact]
    public void An_event_that_serves_a_window_across_the_effective_edge_is_not_outside_every_rule()
    {
        // Regression: a 'there was' event just before 'effective' and an action just after its end were flagged AR6009.
        var rules = new SourceFile("r.treaty", """
            vocabulary { verb attack "attacks" verb request "requests" verb assist "assists" }
            treaty T "t" {
              members { ARM 1994-04-20 .. RUS 1994-04-20 .. }
              rule r "r" {
                kind defense
                effective 2000-01-01 .. 2010-12-10
                when $v request T where there was _ attack $v within 30 days before
                then each member $x except $v must assist $v within 30 days
              }
            }
            """);
        var history = new SourceFile("h.events", "1999-12-20 AZE attack ARM\n2000-01-05 ARM request T\n2010-12-01 ARM request T\n2010-12-20 RUS assist ARM\n");
        var (findings, errors) = Checker.Lint([rules], [history]);
        Assert.Empty(errors);
        Assert.DoesNotContain(findings, f => f.Code == "AR6009");
    }

    [Fact]
    public void A_version_overlapping_one_that_is_not_its_neighbour_is_found()
    {
        // Regression: only neighbouring versions were compared, so v1 2000-2020 and v3 from 2010 went unnoticed.
        var rules = new SourceFile("r.treaty", """
            vocabulary { verb attack "attacks" cameo 18 }
            treaty T "t" {
              members { ARM 1994-04-20 .. }
              rule v1 "v1" { kind nonaggression cites "Article 4 (a)" quote "q" effective 2000-01-01 .. 2020-01-01 forbid ARM attack _ }
              rule v2 "v2" { kind nonaggression cites "Article 4 (b)" quote "q" effective 2005-01-01 .. 2008-01-01 forbid ARM attack _ }
              rule v3 "v3" { kind nonaggression cites "Article 4 (c)" quote "q" effective 2010-01-01 .. forbid ARM attack _ }
            }
            """);
        var (findings, _) = Checker.Lint([rules], []);
        var versions = findings.Where(f => f.Code == "AR6004").Select(f => f.Message).ToList();
        Assert.Equal(2, versions.Count);
        Assert.All(versions, m => Assert.Contains("overlap", m));
        Assert.Contains(versions, m => m.Contains("'v1' and 'v3'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bundled_rules_and_seeds_have_no_warning()
    {
        // Information (AR6015, a rule no seed sets off) is expected of a library: tools.md shows it.
        static IEnumerable<SourceFile> Files(string dir, string ext) =>
            Directory.GetFiles(Repo.Path(dir), "*" + ext).Order(StringComparer.Ordinal).Select(p => new SourceFile($"{dir}/{Path.GetFileName(p)}", File.ReadAllText(p)));
        var (findings, errors) = Checker.Lint([.. Files("rules", ".treaty")], [.. Files("seeds", ".events")]);
        Assert.Empty(errors);
        var warnings = findings.Where(f => f.Severity != Severity.Information).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings.Select(DiagnosticFormatter.Format)));
    }
}
