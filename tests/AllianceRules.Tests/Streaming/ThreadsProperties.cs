using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.History;
using AllianceRules.Reporting;
using AllianceRules.Tests.Properties;
using AllianceRules.Tests.Support;
using AllianceRules.Text;
using CsCheck;

namespace AllianceRules.Tests.Streaming;

/// <summary>
/// Threads are an implementation choice, never a change of meaning: whatever the thread count and
/// the piece size, the report (JSON and text), the diagnostics and the notes are byte for byte those
/// of one thread; and a check read ahead stops, fails and reads again as one thread does.
/// </summary>
public sealed class ThreadsProperties
{
    private static readonly SourceFile Rules = new("rules.treaty", PropertyRules.Text);

    /// <summary>A dataset row (GDELT 2.0, from the sample's first row): CAMEO codes that map, one that does not, and now and then a broken date.</summary>
    private static readonly string[] GdeltRow = Datasets.DatasetSamples.Lines("sample.gdelt2.tsv")[0].Split('\t');

    private static readonly string[] Cameos = ["190", "072", "04", "0232", "0871", "999"];

    private static readonly Gen<string> DatasetRow = Gen.Select(Gen.Int[0, HistoryGen.Days - 1], Gen.OneOf(PropertyRules.Parties), Gen.OneOf(PropertyRules.Parties), Gen.OneOf(Cameos), Gen.Int[0, 20],
        (day, actor, target, cameo, broken) =>
        {
            var row = (string[])GdeltRow.Clone();
            row[1] = broken == 0 ? "2010111" : HistoryGen.Start.PlusDays(day).ToString("yyyyMMdd", null);
            (row[5], row[7], row[15], row[17]) = (actor, actor, target, target);
            (row[26], row[27], row[28]) = (cameo, cameo[..Math.Min(3, cameo.Length)], cameo[..2]);
            return string.Join('\t', row);
        });

    /// <summary>
    /// One file: in date order or not; with or without an 'as of' or 'observed' line above its
    /// events (or, now and then, below them); with now and then a broken line; as .events, .csv or a dataset.
    /// </summary>
    private static readonly Gen<(string Ext, string Text)> File1 =
        Gen.Select(HistoryGen.Lines, Gen.Int[0, 9], Gen.Int[0, HistoryGen.Days - 1], Gen.Int[0, 5], DatasetRow.Array[0, 40], (lines, shape, day, format, rows) =>
        {
            var sorted = shape != 3;
            var date = HistoryGen.Format(HistoryGen.Start.PlusDays(day));
            if (format == 0)
            {
                var dataset = sorted ? [.. rows.OrderBy(r => r.Split('\t')[1], StringComparer.Ordinal)] : rows;
                return (".tsv", string.Concat(dataset.Select(r => r + "\n")));
            }
            var events = sorted ? [.. lines.OrderBy(l => l[..10], StringComparer.Ordinal)] : lines.ToList();
            if (format == 1)
            {
                var csv = events.Select(l => l.Split(' ')).Select(p => $"{p[0]},{p[1]},{p[2]},{p[3]}");
                return (".csv", "date,actor,verb,target\n" + string.Concat(csv.Select(l => l + "\n")) + (shape == 4 ? "2010-13-01,AZE,attack,ARM\n" : string.Empty));
            }
            var above = shape switch { 1 => $"as of {date}\n", 2 => $"observed {date}..\n", 7 => "as of 2011-01-31\n", _ => string.Empty };
            if (shape == 4) events.Insert(events.Count / 2, "2010-12-03 AZE atack ARM");
            var below = shape == 5 ? $"as of {date}\n" : string.Empty;
            return (".events", above + string.Concat(events.Select(l => l + "\n")) + below);
        });

    private static readonly Gen<(string Path, string Text)[]> Files =
        File1.Array[1, 5].Select(files => files.Select((f, i) => ($"f{i}{f.Ext}", f.Text)).ToArray());

    /// <summary>Everything a run shows: the reports as the JSON and text writers write them, the diagnostics and the notes.</summary>
    internal static string Run((string Path, string Text)[] files, int threads, int? pieceSize, bool keepRows)
    {
        var sources = files.Select(f => HistorySource.FromText(f.Path, HistoryReader.FormatOf(f.Path), f.Text)).ToList();
        var check = CheckPipeline.Check([Rules], sources, null, new StreamOptions { Threads = threads, PieceSize = pieceSize, KeepSkippedRows = keepRows });
        var report = check.Outcome.Report;
        return string.Join("\n---\n",
            report is null ? "(no report)" : JsonReportWriter.Write(report, JsonGolden.Tool),
            report is null ? string.Empty : TextReportWriter.Write(report),
            string.Join("\n", check.Outcome.Diagnostics.Select(DiagnosticFormatter.Format)),
            string.Join("\n", check.Findings.Select(DiagnosticFormatter.Format)),
            string.Join("\n", check.Notes));
    }

    [Fact]
    public void Reports_are_the_same_whatever_the_threads_and_the_piece_size()
    {
        Gen.Select(Files, Gen.Bool).Sample((files, keepRows) =>
        {
            var one = Run(files, 1, null, keepRows);
            foreach (var (threads, piece) in new (int, int?)[] { (1, 64), (2, null), (2, 64), (4, null), (4, 200), (8, 1000) })
            {
                Assert.Equal(one, Run(files, threads, piece, keepRows));
            }
        }, iter: 150, seed: "000000THREADS");
    }

    [Fact]
    public void A_history_of_many_files_read_ahead_gives_the_report_of_one_thread()
    {
        // More files than threads: one thread merges them all ahead of the evaluation; as many: one each.
        Gen.Select(HistoryGen.Lines, Gen.Int[1, 12].Array[60]).Sample((lines, assignment) =>
        {
            var sorted = lines.OrderBy(l => l[..10], StringComparer.Ordinal).ToArray();
            var files = Enumerable.Range(0, 12).Select(k => ($"part-{k:00}.events", string.Concat(sorted.Where((_, i) => assignment[i] == k + 1).Select(l => l + "\n")))).ToArray();
            var one = Run(files, 1, null, false);
            Assert.Equal(one, Run(files, 2, null, false));
            Assert.Equal(one, Run(files, 12, 64, false));
        }, iter: 40, seed: "000001THREADS");
    }
}
