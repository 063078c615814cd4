using AllianceRules.Tests.Support;

namespace AllianceRules.Tests.Golden;

/// <summary>
/// Each folder of Cases/eval holds rule files, histories, an optional <c>args</c> file
/// (<c>--as-of</c>, <c>--assume</c>), <c>expect</c>, an optional <c>expect-by-kind</c>, an optional <c>expect-late</c> and <c>expected.json</c>. <c>expect</c> is
/// written by hand from the contract, one line per instance (rule, party, trigger date, status,
/// decision date), and is never rewritten by the update mode: it is the oracle; <c>expect-by-kind</c>,
/// also by hand, pins the rows of <c>summaryByKind</c> (one per treaty, party and kind, counted per episode). <c>expected.json</c>
/// pins the whole report, and <c>expected.csv.golden</c>, where present, its CSV form. A comment at the top of the treaty file says what the case pins.
/// </summary>
public sealed class EvaluationCaseTests
{
    private static readonly string Folder = Repo.Path("tests", "AllianceRules.Tests", "Cases", "eval");

    private static readonly string[] Extensions = [".treaty", ".events", ".jsonl", ".csv", ".tsv", ".tab"];

    public static TheoryData<string> Cases() => [.. Directory.GetDirectories(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_produces_its_expected_report(string name)
    {
        var dir = Path.Combine(Folder, name);
        var files = Directory.GetFiles(dir)
            .Where(p => Extensions.Any(e => p.EndsWith(e, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(p => (p, Path.GetFileName(p)));
        var outcome = CaseRunner.Run(files, CaseRunner.ReadOptions(Path.Combine(dir, "args")));
        Assert.True(outcome.Succeeded, $"Case '{name}' is invalid:\n{CaseRunner.Render(outcome)}");
        var expectPath = Path.Combine(dir, "expect");
        Assert.True(File.Exists(expectPath), $"Case '{name}' has no hand-written 'expect' file.");
        var expected = File.ReadAllLines(expectPath).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Order(StringComparer.Ordinal);
        Assert.Equal(expected, CaseRunner.Summaries(outcome.Report!).Order(StringComparer.Ordinal));
        // Where a case pins the episodes too: written by hand like 'expect', in report order.
        var byKind = Path.Combine(dir, "expect-by-kind");
        if (File.Exists(byKind))
        {
            Assert.Equal(
                File.ReadAllLines(byKind).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')),
                CaseRunner.KindSummaries(outcome.Report!));
        }
        // Where a case pins late performance: by hand, one line per instance with 'late' (RULE PARTY TRIGGERED late DATE +DAYS).
        var late = Path.Combine(dir, "expect-late");
        if (File.Exists(late))
        {
            Assert.Equal(
                File.ReadAllLines(late).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Order(StringComparer.Ordinal),
                outcome.Report!.Instances.Where(i => i.Late is not null)
                    .Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i.Rule.QualifiedId} {i.Party} {AllianceRules.Text.DateText.Format(i.TriggeredOn)} late {AllianceRules.Text.DateText.Format(i.Late!.Event.Date)} +{i.Late.DaysLate}"))
                    .Order(StringComparer.Ordinal));
        }
        Baseline.Match(Path.Combine(dir, "expected.json"), CaseRunner.Render(outcome));
        // Where a case pins the CSV report too (not named .csv: that would be read as a history).
        var csv = Path.Combine(dir, "expected.csv.golden");
        if (File.Exists(csv)) Baseline.Match(csv, AllianceRules.Reporting.CsvReportWriter.Write(outcome.Report!));
    }
}
