using AllianceRules.Tests.Support;

namespace AllianceRules.Tests.Golden;

/// <summary>
/// Cases/diagnostics/NAME.treaty (with a history NAME.events, .jsonl, .csv, .tsv or .tab beside it
/// when the case is about one) must produce exactly the diagnostics in NAME.diagnostics, as the CLI prints them.
/// </summary>
public sealed class DiagnosticCaseTests
{
    private static readonly string Folder = Repo.Path("tests", "AllianceRules.Tests", "Cases", "diagnostics");

    public static TheoryData<string> Cases() => [.. Directory.GetFiles(Folder, "*.treaty").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).Cast<string>()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_produces_its_expected_diagnostics(string name)
    {
        var files = new[] { ".treaty", ".events", ".jsonl", ".csv", ".tsv", ".tab" }
            .Select(ext => Path.Combine(Folder, name + ext))
            .Where(File.Exists)
            .Select(p => (p, Path.GetFileName(p)));
        var outcome = CaseRunner.Run(files);
        Assert.False(outcome.Succeeded, $"Case '{name}' is valid, but a diagnostics case must report an error.");
        Baseline.Match(Path.Combine(Folder, name + ".diagnostics"), CaseRunner.Render(outcome));
    }
}
