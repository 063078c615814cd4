using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Tests.Support;
using AllianceRules.Text;

namespace AllianceRules.Tests.Golden;

/// <summary>
/// Cases/lint: one rule file per lint code (with a history when the check reads one), and its
/// findings as printed (<c>NAME.lint</c>). Each case must produce the code it is named after, and
/// the bundled rules and seeds must produce none.
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
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Baseline.Match(Path.Combine(Folder, name + ".lint"), string.Join("\n", findings.Select(DiagnosticFormatter.Format)) + "\n");
    }

    [Fact]
    public void The_bundled_rules_and_seeds_have_no_finding()
    {
        static IEnumerable<SourceFile> Files(string dir, string ext) =>
            Directory.GetFiles(Repo.Path(dir), "*" + ext).Order(StringComparer.Ordinal).Select(p => new SourceFile($"{dir}/{Path.GetFileName(p)}", File.ReadAllText(p)));
        var (findings, errors) = Checker.Lint([.. Files("rules", ".treaty")], [.. Files("seeds", ".events")]);
        Assert.Empty(errors);
        Assert.True(findings.IsEmpty, string.Join("\n", findings.Select(DiagnosticFormatter.Format)));
    }
}
