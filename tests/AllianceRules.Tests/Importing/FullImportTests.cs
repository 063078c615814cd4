using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Formatting;
using AllianceRules.Importing;
using AllianceRules.Text;

namespace AllianceRules.Tests.Importing;

/// <summary>
/// All of ATOP 5.1 and all of COW v4.0, from ../shared/data: the counts are pinned, and what the
/// importers write validates with no diagnostic and is already in the canonical layout.
/// </summary>
public sealed class FullImportTests
{
    private static readonly Lazy<ImportOutcome> Atop = new(() => AtopImporter.Import(
        ImportCaseTests.Source(ImportCaseTests.Data("atop", "atop5_1m.csv")),
        ImportCaseTests.Source(ImportCaseTests.Data("atop", "atop5_1a.csv")),
        ImportCaseTests.Parties()));

    private static readonly Lazy<ImportOutcome> CowParticipants = new(() => CowWarImporter.Import(
        ImportCaseTests.Source(ImportCaseTests.Data("cow", "Inter-StateWarData_v4.0.csv")),
        ImportCaseTests.Parties()));

    /// <summary>COW as the study imports it (bench/replicate): attacks from the directed dyadic war data where it has the war.</summary>
    private static readonly Lazy<ImportOutcome> Cow = new(() => CowWarImporter.Import(
        ImportCaseTests.Source(ImportCaseTests.Data("cow", "Inter-StateWarData_v4.0.csv")),
        ImportCaseTests.Parties(),
        ImportCaseTests.Source(ImportCaseTests.Data("cow", "directed_dyadic_war.csv"))));

    private static List<SourceFile> Files(ImportOutcome outcome) => [.. outcome.Files.Select(f => new SourceFile(f.Name, f.Text))];

    private static string Show(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Take(20).Select(DiagnosticFormatter.Format));

    [Fact]
    public void All_of_ATOP_imports_with_its_one_unknown_member_counted()
    {
        var outcome = Atop.Value;
        Assert.True(outcome.Succeeded, Show(outcome.Diagnostics));
        Assert.Equal("789 alliances, 2621 rules", outcome.Summary);
        Assert.Equal(790, outcome.Files.Length);
        Assert.Equal([("member is no known state", 1)], outcome.SkipCounts);
        Assert.Equal("8152", Assert.Single(outcome.Skipped).Detail);
        Assert.Equal(231, outcome.Files.Count(f => f.Text.Contains("\n    judgment ", StringComparison.Ordinal)));
        // Rules (by id) that read a condition from the data under a reading's default option: the
        // named threat, the member's own region, the conflict the data name. Their 'analyst' versions keep
        // the judgment, so under the default readings 86 files need one.
        Assert.Equal(180, RulesReading(outcome, "adversary is threat"));
        Assert.Equal(219, RulesReading(outcome, "location is home"));
        Assert.Equal(66, RulesReading(outcome, "conflict is named"));
        Assert.Equal(86, outcome.Files.Count(f => f.Text.Split("\n  rule ").Any(r => r.Contains("\n    judgment ", StringComparison.Ordinal) && !r.Contains("is analyst\n", StringComparison.Ordinal))));
    }

    /// <summary>How many rules, counted by file and id (not by version), have a version gated by <c>if reading GATE</c>.</summary>
    private static int RulesReading(ImportOutcome outcome, string gate) =>
        outcome.Files.Sum(f => f.Text.Split("\n  rule ").Where(r => r.Contains($"\n    if reading {gate}\n", StringComparison.Ordinal)).Select(r => r.Split(' ')[0]).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void All_of_COW_imports_with_no_row_left_unplaced()
    {
        var outcome = CowParticipants.Value;
        Assert.True(outcome.Succeeded, Show(outcome.Diagnostics));
        Assert.Equal("95 wars, 1669 events (390 attack, 1184 assist, 95 endwar)", outcome.Summary);
        Assert.Empty(outcome.SkipCounts);
    }

    [Fact]
    public void All_of_COW_with_its_dyads_imports_with_the_dyad_rows_it_cannot_date_counted()
    {
        var outcome = Cow.Value;
        Assert.True(outcome.Succeeded, Show(outcome.Diagnostics));
        Assert.Equal("95 wars, 1578 events (299 attack, 1184 assist, 95 endwar); attacks from dyads in 91 wars, from participants in 4", outcome.Summary);
        // Month 24 (lines 288-289) and year 19118 (lines 444-446) in World War I: skipped, as any impossible date;
        // and the fighting of 1987-88 that v4.01 counts to the War over Angola (1975-76 in the participant file).
        Assert.Equal([("impossible date", 5), ("its dates lie outside the war's in the participant file", 8)], outcome.SkipCounts);
        Assert.Equal([288, 289, 444, 445, 446, 1356, 1357, 1358, 1359, 1362, 1363, 1364, 1365], outcome.Skipped.Select(s => s.Line).Order());
        var basis = outcome.Files.Where(f => f.Text.Contains("basis=participants", StringComparison.Ordinal)).Select(f => f.Name[..6]);
        Assert.Equal(["COW145", "COW158", "COW215", "COW217"], basis.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_imported_ATOP_rules_validate_with_no_diagnostic()
    {
        var result = RuleSetLoader.Load(Files(Atop.Value));
        Assert.True(result.Diagnostics.Length == 0, Show(result.Diagnostics));
    }

    [Fact]
    public void The_imported_rules_are_in_the_canonical_layout() => AssertCanonical(Files(Atop.Value));

    [Fact]
    public void The_imported_histories_are_in_the_canonical_layout() => AssertCanonical(Files(Cow.Value));

    private static void AssertCanonical(List<SourceFile> files)
    {
        foreach (var file in files)
        {
            var formatted = Formatter.Format(file);
            Assert.True(formatted.Text is not null, $"{file.Path} does not parse:\n{Show(formatted.Diagnostics)}");
            Assert.True(formatted.Text == file.Text, $"{file.Path} is not formatted canonically");
        }
    }

    [Fact]
    public void The_imported_histories_validate_against_the_vocabulary()
    {
        var vocabulary = Files(Atop.Value).Where(f => f.Path == ImportVocabulary.FileName).ToList();
        var outcome = Checker.Check(vocabulary, Files(Cow.Value));
        Assert.True(outcome.Succeeded, Show(outcome.Diagnostics));
    }

    /// <summary>
    /// The study of docs/replication.md, end to end: its figures and its table of alliance-war pairs
    /// are golden files, so a change to the importers or the engine that moves them shows in review.
    /// </summary>
    [Fact]
    public void The_study_of_ATOP_and_COW_gives_the_pinned_figures()
    {
        // COW v4.0 covers wars to the end of 2007: at that horizon every war in it has ended.
        var wars = new AllianceRules.Reporting.Study.WarParticipation();
        var outcome = CheckPipeline.Check(
            Files(Atop.Value),
            [.. Files(Cow.Value).Select(AllianceRules.History.HistorySource.FromSource)],
            new AllianceRules.Evaluation.EvaluationOptions(new NodaTime.LocalDate(2007, 12, 31)),
            new StreamOptions { Observe = wars.Observe }).Outcome;
        Assert.True(outcome.Succeeded, Show(outcome.Diagnostics));
        var study = AllianceRules.Reporting.Study.ReliabilityStudy.Build(outcome.Report!, rules: outcome.Rules, wars: wars);
        Assert.NotNull(study.Coverage);
        var folder = Support.Repo.Path("tests", "AllianceRules.Tests", "Cases", "study");
        Support.Baseline.Match(Path.Combine(folder, "atop-cow.txt"), AllianceRules.Reporting.Study.StudyTextWriter.Write(study));
        Support.Baseline.Match(Path.Combine(folder, "atop-cow-pairs.csv.golden"), AllianceRules.Reporting.Study.StudyCsvWriter.Write(study));
        Support.Schemas.AssertConforms(Support.Schemas.Study, AllianceRules.Reporting.Study.StudyJsonWriter.Write(study, Support.JsonGolden.Tool));
    }
}
