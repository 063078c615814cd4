using AllianceRules.Playground.Bundle;
using AllianceRules.Playground.Exercises;
using AllianceRules.Playground.Workspace;
using AllianceRules.Tests.Support;

namespace AllianceRules.Playground.Tests.Exercises;

/// <summary>
/// The exercises of docs/exercises, as the page loads them: every folder with a question loads
/// with its files, and each edit exercise's key holds once its solution is typed into the start
/// files. There may be none yet; then these tests check that the catalog is empty too.
/// </summary>
public sealed class RealExerciseTests
{
    private static readonly BundledFiles Embedded = BundledFiles.Embedded;

    private static List<string> FoldersOnDisk() =>
        Directory.Exists(Repo.Path("docs", "exercises"))
            ? [.. Directory.GetDirectories(Repo.Path("docs", "exercises"))
                .Where(d => File.Exists(Path.Combine(d, "question.md")) && File.Exists(Path.Combine(d, "key.test")))
                .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    [Fact]
    public void Every_exercise_folder_loads_with_its_files()
    {
        var all = ExerciseCatalog.All(Embedded);
        Assert.Equal(FoldersOnDisk(), all.Select(x => x.Id).Order(StringComparer.Ordinal));
        Assert.All(all, x =>
        {
            Assert.NotEmpty(x.Files);
            Assert.All(x.Files, p => Assert.True(Embedded.Contains(p), p));
            Assert.NotEqual(string.Empty, x.Title);
            Assert.NotEmpty(AnswerChecker.Questions(x));
            if (x.Kind == ExerciseKind.Edit) Assert.Contains(x.Files, p => p.StartsWith(x.Folder + "start/", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Every_edit_exercise_passes_with_its_solution_typed_into_the_start_files()
    {
        foreach (var x in ExerciseCatalog.All(Embedded).Where(x => x.Kind == ExerciseKind.Edit))
        {
            var solution = Embedded.Under(x.Folder + "solution/").ToDictionary(p => x.Opened(p), p => Embedded.Text(p)!, StringComparer.Ordinal);
            var files = x.Files.Select(p => new WorkFile(p, solution.GetValueOrDefault(p) ?? Embedded.Text(p)!, p)).ToList();
            var results = AnswerChecker.Run(x, files, Embedded);
            Assert.True(results.All(r => r.Passed), $"{x.Id}: " + string.Join("; ", results.SelectMany(r => r.Expectations.Where(e => !e.Passed).Select(e => $"{e.Expectation.Text}: got {e.Actual}")).Concat(results.SelectMany(r => r.Diagnostics.Select(d => d.Message)))));
        }
    }

    [Fact]
    public void Every_predict_exercise_key_holds_on_its_files()
    {
        foreach (var x in ExerciseCatalog.All(Embedded).Where(x => x.Kind == ExerciseKind.Predict))
        {
            var results = AnswerChecker.Run(x, [.. x.Files.Select(p => new WorkFile(p, Embedded.Text(p)!, p))], Embedded);
            Assert.True(results.All(r => r.Passed), x.Id);
        }
    }
}
