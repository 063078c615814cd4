using System.Text.RegularExpressions;
using AllianceRules.Evaluation;
using AllianceRules.Playground.Bundle;
using AllianceRules.Playground.Workspace;
using AllianceRules.Tests.Support;

namespace AllianceRules.Playground.Tests.Bundle;

/// <summary>What the playground carries is the repository's files, and its menu follows them.</summary>
public sealed partial class BundleTests
{
    private static readonly BundledFiles Embedded = BundledFiles.Embedded;

    [GeneratedRegex(@"^```(?<kind>[a-z]+) example=tour[ \t]*\n(?<body>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex TourBlock();

    private static string Disk(params string[] parts) => File.ReadAllText(Repo.Path(parts)).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Tour(string kind) =>
        string.Concat(TourBlock().Matches(Disk("README.md")).Where(m => m.Groups["kind"].Value == kind).Select(m => m.Groups["body"].Value));

    /// <summary>An instance as the README's <c>expect</c> blocks write it (CaseRunner.Summaries).</summary>
    internal static IEnumerable<string> Summaries(Report report) =>
        report.Instances.Select(i =>
            $"{i.Rule.QualifiedId} {i.Party} {AllianceRules.Text.DateText.Format(i.TriggeredOn)} {i.Status.ToString().ToLowerInvariant()} {(i.DecidedOn is { } d ? AllianceRules.Text.DateText.Format(d) : "null")}");

    [Fact]
    public void The_tour_files_are_the_readme_blocks()
    {
        Assert.StartsWith("vocabulary {", Tour("treaty"), StringComparison.Ordinal);
        Assert.Equal(Tour("treaty"), Embedded.Text(Samples.TourRules));
        Assert.Equal(Tour("events"), Embedded.Text(Samples.TourHistory));
    }

    [Fact]
    public void The_tour_gives_the_readme_verdicts()
    {
        var tour = Samples.All(Embedded).First();
        Assert.Equal(("tour", (string?)null), (tour.Id, tour.Note));
        var result = PlaygroundEngine.Evaluate([.. tour.Files.Select(p => new WorkFile(p, Embedded.Text(p)!, p))], ChoiceState.None);
        var expected = Tour("expect").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Equal(["CST.art4-request KAZ 2022-09-13 fulfilled 2022-09-20", "CST.art4-request RUS 2022-09-13 violated 2022-10-14"], expected);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, Summaries(result.Outcome.Report!));
    }

    [Fact]
    public void The_menu_has_one_crisis_per_history_each_with_the_library_and_its_note()
    {
        var seeds = Directory.GetFiles(Repo.Path("seeds"), "*.events").Select(p => "seeds/" + Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();
        var library = Directory.GetFiles(Repo.Path("rules"), "*.treaty").Select(p => "rules/" + Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(seeds);
        var samples = Samples.All(Embedded);
        var crises = samples.Where(s => s.Id is not ("tour" or "library")).ToList();
        Assert.Equal(seeds, crises.Select(c => c.Files.Last()).Order(StringComparer.Ordinal));
        Assert.Equal(crises.Count, crises.Select(c => c.Id).Distinct().Count());
        Assert.All(crises, c =>
        {
            Assert.Equal([.. library, $"seeds/{c.Id}.events"], c.Files.ToArray());
            Assert.NotNull(c.Note);
            Assert.True(Embedded.Contains(c.Note!), c.Note);
        });
        Assert.Equal([.. library, .. seeds], samples.Single(s => s.Id == "library").Files.ToArray());
    }

    [Fact]
    public void A_row_of_several_histories_is_one_crisis_each_under_the_row_note()
    {
        var armenia = Samples.All(Embedded).Where(s => s.Id.StartsWith("armenia-202", StringComparison.Ordinal)).ToList();
        Assert.Equal(["armenia-2021-05", "armenia-2021-11", "armenia-2022-09"], armenia.Select(a => a.Id));
        Assert.All(armenia, a => Assert.Equal("docs/cases/armenia-2021-2022.md", a.Note));
        Assert.Equal("Armenia–Azerbaijan border crises and the Yerevan summit (armenia-2021-05)", armenia[0].Title);
    }

    public static TheoryData<string> OnDisk() =>
    [
        .. new[] { "rules", "seeds", Path.Combine("docs", "cases") }
            .SelectMany(d => Directory.GetFiles(Repo.Path(d)))
            .Where(p => p.EndsWith(".treaty", StringComparison.Ordinal) || p.EndsWith(".events", StringComparison.Ordinal) || p.EndsWith(".md", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(Repo.Root, p).Replace('\\', '/')),
        .. Exercises(),
        "README.md",
    ];

    /// <summary>The files of docs/exercises the playground embeds (there may be none yet).</summary>
    private static IEnumerable<string> Exercises() =>
        Directory.Exists(Repo.Path("docs", "exercises"))
            ? Directory.GetFiles(Repo.Path("docs", "exercises"), "*", SearchOption.AllDirectories)
                .Where(p => new[] { ".md", ".treaty", ".events", ".test" }.Contains(Path.GetExtension(p)))
                .Select(p => Path.GetRelativePath(Repo.Root, p).Replace('\\', '/'))
            : [];

    [Theory]
    [MemberData(nameof(OnDisk))]
    public void Every_bundled_file_is_the_file_on_disk(string path) =>
        Assert.Equal(Disk(path.Split('/')), Embedded.Text(path));

    [Fact]
    public void Nothing_is_bundled_that_is_not_on_disk()
    {
        var extra = Embedded.Paths.Where(p => !p.StartsWith("tour/", StringComparison.Ordinal) && !File.Exists(Repo.Path(p.Split('/')))).ToList();
        Assert.Empty(extra);
    }

    [Fact]
    public void A_stamp_is_twelve_hex_digits_that_tell_versions_apart()
    {
        Assert.Matches("^[0-9a-f]{12}$", BundledFiles.Stamp("treaty"));
        Assert.Equal(BundledFiles.Stamp("treaty"), BundledFiles.Stamp("treaty"));
        Assert.NotEqual(BundledFiles.Stamp("treaty"), BundledFiles.Stamp("treaty "));
    }
}
