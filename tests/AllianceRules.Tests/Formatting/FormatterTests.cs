using AllianceRules.History;
using AllianceRules.Formatting;
using AllianceRules.Tests.Support;
using AllianceRules.Text;

namespace AllianceRules.Tests.Formatting;

/// <summary>
/// fmt on every rule file and history of the repository (rules/, seeds/ and the valid cases of
/// the test corpus): idempotent, and the formatted file parses to the same model.
/// </summary>
public sealed class FormatterTests
{
    public static TheoryData<string> RepositoryFiles() =>
        [.. new[] { "rules", "seeds", Path.Combine("tests", "AllianceRules.Tests", "Cases"), "docs" }
            .SelectMany(d => Directory.GetFiles(Repo.Path(d), "*.*", SearchOption.AllDirectories))
            .Where(p => p.EndsWith(".treaty", StringComparison.Ordinal) || p.EndsWith(".events", StringComparison.Ordinal))
            .Where(p => !p.Contains(Path.Combine("Cases", "fmt"), StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(Repo.Root, p))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(RepositoryFiles))]
    public void Formatting_is_idempotent_and_keeps_the_meaning(string path)
    {
        var file = new SourceFile(path, File.ReadAllText(Repo.Path(path)));
        var outcome = Formatter.Format(file);
        if (outcome.Text is not { } once) return; // a diagnostic case that does not parse: fmt leaves it alone (pinned elsewhere)
        Assert.True(outcome.PreservesTokens, $"{path}: the formatter changed a token");
        Assert.Equal(once, Formatter.Format(new SourceFile(path, once)).Text);
        Assert.Equal(Meaning(file), Meaning(new SourceFile(path, once)));
    }

    /// <summary>The model a file parses to, or its diagnostics (a case may fail validation yet parse).</summary>
    public static string Meaning(SourceFile file)
    {
        if (file.Path.EndsWith(".events", StringComparison.Ordinal))
        {
            var history = HistoryLoader.Load([file], null);
            return history.Value is { } h ? ModelDump.Of(h.Events) + ModelDump.Of(h.AsOf) + ModelDump.Of(h.Observed) : string.Join("\n", history.Diagnostics.Select(d => $"{d.Code} {d.Message}"));
        }
        var rules = RuleSetLoader.Load([file]);
        return rules.Value is { } r ? ModelDump.Of(r) : string.Join("\n", rules.Diagnostics.Select(d => $"{d.Code} {d.Message}"));
    }
}
