using System.Collections.Immutable;
using AllianceRules.Model;
using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Reporting;
using AllianceRules.Text;
using NodaTime;
using NodaTime.Text;

namespace AllianceRules.Tests.Support;

/// <summary>Runs a check over files on disk, showing each under a chosen path, and renders the outcome as text.</summary>
public static class CaseRunner
{
    public static CheckOutcome Run(IEnumerable<(string FullPath, string DisplayPath)> files, EvaluationOptions? options = null)
    {
        var sources = files.Select(f => new SourceFile(f.DisplayPath, File.ReadAllText(f.FullPath))).ToList();
        return Check(sources, options);
    }

    public static CheckOutcome Check(IReadOnlyList<SourceFile> sources, EvaluationOptions? options = null) =>
        Checker.Check(
            sources.Where(s => s.Path.EndsWith(".treaty", StringComparison.Ordinal)).ToList(),
            sources.Where(s => !s.Path.EndsWith(".treaty", StringComparison.Ordinal)).ToList(),
            options);

    /// <summary>Diagnostics as the CLI prints them, or the JSON report with its tool version masked.</summary>
    public static string Render(CheckOutcome outcome) =>
        outcome.Report is { } report
            ? JsonGolden.Mask(JsonReportWriter.Write(report, JsonGolden.Tool))
            : string.Join("\n", outcome.Diagnostics.Select(DiagnosticFormatter.Format)) + "\n";

    /// <summary>One line per instance: rule, party, trigger date, status, decision date (the contract's "expect" form).</summary>
    public static IEnumerable<string> Summaries(Report report) =>
        report.Instances.Select(i =>
            $"{i.Rule.QualifiedId} {i.Party} {Format(i.TriggeredOn)} {i.Status.ToString().ToLowerInvariant()} {(i.DecidedOn is { } d ? Format(d) : "null")}");

    /// <summary>The reliability by kind as an <c>expect-by-kind</c> file writes it, one line per row of <c>summaryByKind</c>.</summary>
    public static IEnumerable<string> KindSummaries(Report report) =>
        report.SummaryByKind.Select(r => string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{r.Treaty} {r.Party} {r.Kind.ToString().ToLowerInvariant()} episodes={r.Episodes} fulfilled={r.Fulfilled} violated={r.Violated} pending={r.Pending} discharged={r.Discharged} excused={r.Excused} indeterminate={r.Indeterminate} reliability={(r.Reliability is { } x ? x.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "null")}"));

    /// <summary>Options from an <c>args</c> file: lines of <c>--as-of DATE</c>, <c>--assume NAME=PERIOD</c>, <c>--reading NAME=OPTION</c>, <c>--sweep NAME=V1,V2</c> and <c>--observed FROM..TO</c>.</summary>
    public static EvaluationOptions ReadOptions(string? argsPath)
    {
        LocalDate? asOf = null;
        var overrides = new Dictionary<string, Period>(StringComparer.Ordinal);
        var readings = new Dictionary<string, string>(StringComparer.Ordinal);
        var observed = ImmutableArray.CreateBuilder<DateRange>();
        var sweeps = ImmutableArray.CreateBuilder<SweepAxis>();
        if (argsPath is not null && File.Exists(argsPath))
        {
            foreach (var line in File.ReadAllLines(argsPath).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
                switch (parts[0])
                {
                    case "--as-of":
                        asOf = LocalDatePattern.Iso.Parse(parts[1]).GetValueOrThrow();
                        break;
                    case "--assume":
                        var kv = parts[1].Split('=', 2);
                        overrides[kv[0]] = PeriodPattern.Roundtrip.Parse(kv[1]).GetValueOrThrow();
                        break;
                    case "--reading":
                        var option = parts[1].Split('=', 2);
                        readings[option[0]] = option[1];
                        break;
                    case "--sweep":
                        var nameValues = parts[1].Split('=', 2);
                        // Repeated, one line per assumption: the first varies slowest.
                        sweeps.Add(new SweepAxis(nameValues[0], [.. nameValues[1].Split(',')]));
                        break;
                    case "--observed":
                        var ends = parts[1].Split("..", 2);
                        observed.Add(new DateRange(
                            LocalDatePattern.Iso.Parse(ends[0]).GetValueOrThrow(),
                            ends[1].Length == 0 ? null : LocalDatePattern.Iso.Parse(ends[1]).GetValueOrThrow()));
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown line in {argsPath}: {line}");
                }
            }
        }
        return new EvaluationOptions(asOf, overrides, observed.ToImmutable()) { ReadingChoices = readings, Sweeps = sweeps.ToImmutable() };
    }

    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
