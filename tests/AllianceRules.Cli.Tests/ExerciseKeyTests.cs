using System.Text.RegularExpressions;
using AllianceRules.Tests.Support;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// The teaching exercises of docs/exercises (docs/teaching.md), which the browser playground loads:
/// the layout it relies on, keys that pass, edit exercises that their start files do not already
/// solve, rule files that check without an error, and questions whose links lead somewhere.
/// </summary>
[Collection("cli")]
public sealed partial class ExerciseKeyTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Root => Repo.Path("docs", "exercises");

    private static IEnumerable<string> Folders() =>
        Directory.GetDirectories(Root).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal);

    private static bool IsEdit(string folder) => Directory.Exists(Path.Combine(Root, folder, "solution"));

    public static TheoryData<string> Exercises() => [.. Folders()];

    public static TheoryData<string> EditExercises() => [.. Folders().Where(IsEdit)];

    [GeneratedRegex(@"^\d\d-[a-z0-9-]+$")]
    private static partial Regex FolderName();

    [GeneratedRegex(@"\]\((?<target>[^)#\s]+)(#[^)]*)?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^\s*expect\s+(?<rest>.*)$", RegexOptions.Multiline)]
    private static partial Regex ExpectLine();

    [Fact]
    public void There_are_six_exercises_or_more_three_to_predict_and_two_to_edit()
    {
        var folders = Folders().ToList();
        Assert.True(folders.Count >= 6, $"docs/exercises has {folders.Count} exercises; docs/teaching.md promises six or more.");
        Assert.True(folders.Count(f => !IsEdit(f)) >= 3, "fewer than three predict exercises (folders without solution/)");
        Assert.True(folders.Count(IsEdit) >= 2, "fewer than two edit exercises (folders with solution/)");
        Assert.Empty(Directory.GetFiles(Root));
    }

    [Theory]
    [MemberData(nameof(Exercises))]
    public void An_exercise_is_laid_out_as_the_playground_expects(string folder)
    {
        var dir = Path.Combine(Root, folder);
        Assert.Matches(FolderName(), folder);
        var question = File.ReadAllText(Path.Combine(dir, "question.md")).Replace("\r\n", "\n");
        Assert.StartsWith("# ", question, StringComparison.Ordinal);
        Assert.True(question.Split('\n')[0].Trim().Length > 2, $"{folder}/question.md: the first line has no title");
        var key = File.ReadAllText(Path.Combine(dir, "key.test")).Replace("\r\n", "\n");
        Assert.Contains("test \"", key, StringComparison.Ordinal);

        foreach (var sub in new[] { "start", "solution" }.Where(s => Directory.Exists(Path.Combine(dir, s))))
        {
            var files = Directory.GetFiles(Path.Combine(dir, sub), "*", SearchOption.AllDirectories);
            Assert.NotEmpty(files);
            Assert.All(files, f => Assert.True(f.EndsWith(".treaty", StringComparison.Ordinal) || f.EndsWith(".events", StringComparison.Ordinal),
                $"{Path.GetRelativePath(Root, f)}: start/ and solution/ hold only .treaty and .events files"));
        }

        if (IsEdit(folder))
        {
            foreach (var solved in Directory.GetFiles(Path.Combine(dir, "solution")).Select(Path.GetFileName))
            {
                Assert.True(File.Exists(Path.Combine(dir, "start", solved!)), $"{folder}/solution/{solved} replaces no start/ file of the same name");
                Assert.Contains($"\"solution/{solved}\"", key, StringComparison.Ordinal);
                Assert.DoesNotContain($"\"start/{solved}\"", key, StringComparison.Ordinal);
            }
        }
        else
        {
            // The playground blanks the status or the number of each line: each must have one to blank.
            var expectations = ExpectLine().Matches(key).Select(m => m.Groups["rest"].Value.Trim()).ToList();
            Assert.NotEmpty(expectations);
            Assert.All(expectations, e => Assert.False(e.StartsWith("no ", StringComparison.Ordinal) || e.Contains(" decided ", StringComparison.Ordinal),
                $"{folder}/key.test: a predict key's line has a status or a number to hide, and no decision date to give it away: expect {e}"));
        }
    }

    [Theory]
    [MemberData(nameof(Exercises))]
    public void The_links_of_a_question_lead_to_files(string folder)
    {
        var dir = Path.Combine(Root, folder);
        var question = File.ReadAllText(Path.Combine(dir, "question.md"));
        foreach (var target in MarkdownLink().Matches(question).Select(m => m.Groups["target"].Value).Where(t => !t.Contains("://", StringComparison.Ordinal)))
        {
            Assert.True(File.Exists(Path.GetFullPath(Path.Combine(dir, target))), $"{folder}/question.md links to {target}, which does not exist");
        }
    }

    [Fact]
    public void Every_key_passes()
    {
        var (exit, stdout, stderr) = _cli.Run("test", Root);
        var lines = stdout.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        Assert.True(exit == 0, $"alliance test docs/exercises exited {exit}:\n{stdout}\n{stderr}");
        Assert.Equal(string.Empty, stderr);
        var results = lines[..^1];
        Assert.True(results.Length >= Folders().Count(), "a key holds no test");
        Assert.All(results, l => Assert.StartsWith("ok      ", l, StringComparison.Ordinal));
        Assert.Equal($"{results.Length} tests: {results.Length} passed, 0 failed", lines[^1]);
        Assert.All(Folders(), f => Assert.Contains(lines, l => l.Contains($"/{f}/key.test:", StringComparison.Ordinal)));
    }

    /// <summary>An edit exercise that its start files already solve would be trivial: the key must fail on them.</summary>
    [Theory]
    [MemberData(nameof(EditExercises))]
    public void The_start_files_of_an_edit_exercise_fail_its_key(string folder)
    {
        var copy = CopyWithBundledFiles(folder);
        foreach (var solved in Directory.GetFiles(Path.Combine(copy, "solution")))
        {
            File.Copy(Path.Combine(copy, "start", Path.GetFileName(solved)), solved, overwrite: true);
        }
        var (exit, stdout, stderr) = _cli.Run("test", Path.Combine(copy, "key.test"));
        Assert.True(exit == 1, $"{folder}: its key run on the start files should fail (exit 1), not exit {exit}:\n{stdout}\n{stderr}");
        Assert.Contains("FAILED  ", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EditExercises))]
    public void The_key_of_an_edit_exercise_passes_on_its_copy(string folder)
    {
        var copy = CopyWithBundledFiles(folder);
        var (exit, stdout, stderr) = _cli.Run("test", Path.Combine(copy, "key.test"));
        Assert.True(exit == 0, $"{folder}: the control for the test above: its key on the solution files exits {exit}:\n{stdout}\n{stderr}");
    }

    /// <summary>Each rule file of the exercises, start and solved, checks with its exercise's histories without an error.</summary>
    [Theory]
    [MemberData(nameof(Exercises))]
    public void The_rule_files_check_without_an_error(string folder)
    {
        var dir = Path.Combine(Root, folder);
        var start = Path.Combine(dir, "start");
        var histories = Directory.Exists(start) ? Directory.GetFiles(start, "*.events") : [];
        var variants = new List<string[]> { Directory.Exists(start) ? Directory.GetFiles(start, "*.treaty") : [] };
        if (IsEdit(folder))
        {
            var solved = Directory.GetFiles(Path.Combine(dir, "solution"), "*.treaty").Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
            variants.Add([.. variants[0].Where(f => !solved.Contains(Path.GetFileName(f))), .. Directory.GetFiles(Path.Combine(dir, "solution"), "*.treaty")]);
        }
        foreach (var treaties in variants)
        {
            // An exercise without rule files of its own reads the bundled library.
            string[] rules = treaties.Length > 0 ? treaties : [Repo.Path("rules")];
            var (exit, stdout, stderr) = _cli.Run(["check", .. rules, .. histories]);
            Assert.True(exit == 0, $"{folder}: check {string.Join(' ', rules.Select(r => Path.GetRelativePath(Root, r)))} exited {exit}:\n{stdout}\n{stderr}");
            Assert.DoesNotContain(": error ", stderr, StringComparison.Ordinal);
        }
    }

    /// <summary>The exercise in a scratch folder at docs/exercises/NAME, with rules/ and seeds/ at the root, so its key's paths hold.</summary>
    private string CopyWithBundledFiles(string folder)
    {
        var copy = Path.Combine(_cli.Directory, "docs", "exercises", folder);
        CopyTree(Path.Combine(Root, folder), copy);
        CopyTree(Repo.Path("rules"), Path.Combine(_cli.Directory, "rules"));
        CopyTree(Repo.Path("seeds"), Path.Combine(_cli.Directory, "seeds"));
        return copy;
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        foreach (var sub in Directory.GetDirectories(from)) CopyTree(sub, Path.Combine(to, Path.GetFileName(sub)));
    }
}
