using AllianceRules.Tests.Support;

namespace AllianceRules.Tests.Golden;

/// <summary>The treaties in rules/ validate cleanly, and the histories in seeds/ evaluate against them.</summary>
public sealed class BundledFilesTests
{
    private static IEnumerable<(string, string)> FilesUnder(string folder, params string[] extensions) =>
        Directory.EnumerateFiles(Repo.Path(folder), "*", SearchOption.AllDirectories)
            .Where(p => extensions.Contains(Path.GetExtension(p)) && !Path.GetFileName(p).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(p => (p, Path.GetRelativePath(Repo.Root, p).Replace('\\', '/')));

    [Fact]
    public void Every_rule_file_validates_without_a_diagnostic()
    {
        var rules = FilesUnder("rules", ".treaty").ToList();
        Assert.NotEmpty(rules);
        var outcome = CaseRunner.Run(rules);
        Assert.True(outcome.Succeeded && outcome.Diagnostics.IsEmpty, CaseRunner.Render(outcome));
    }

    [Fact]
    public void The_main_job_evaluates_the_seeds_against_the_rules()
    {
        var outcome = CaseRunner.Run(FilesUnder("rules", ".treaty").Concat(FilesUnder("seeds", ".events", ".jsonl")));
        Assert.True(outcome.Succeeded && outcome.Diagnostics.IsEmpty, CaseRunner.Render(outcome));
        Assert.NotEmpty(outcome.Report!.Instances);
        Assert.Contains(outcome.Report.Instances, i => i.Rule.QualifiedId == "CST.art4-2010" && i.Party == "RUS");
    }
}
