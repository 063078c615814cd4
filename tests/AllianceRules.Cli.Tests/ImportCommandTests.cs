using System.IO.Compression;
using System.Text;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// <c>check</c> over data as it comes: compressed, from datasets, unsorted, and with bad bytes.
/// The engine's side is pinned by the golden cases; these pin the command line's.
/// </summary>
[Collection("cli")]
public sealed class ImportCommandTests : IDisposable
{
    private const string Rules = """
        vocabulary {
          verb attack  "uses force against"                cameo 19
          verb request "asks for military protection from" cameo 0234
          verb pledge  "offers military protection to"     cameo 0334
        }

        treaty CST "Collective Security Treaty (excerpt)" {
          members {
            ARM 1994-04-20 ..
            RUS 1994-04-20 ..
          }
          rule art4 "Russia answers a member's call" {
            kind defense
            cites "Article 4"
            quote "the other States Parties will provide it with necessary assistance"
            when $victim request RUS where $victim is member
            then RUS must pledge $victim within 3 days
          }
        }
        """;

    private const string Sorted = "2022-09-13 ARM request RUS\n2022-09-14 AZE attack ARM\n2022-09-20 RUS pledge ARM\n";

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Datasets(string name) => Path.Combine(CliHarness.RepoRoot, "tests", "AllianceRules.Tests", "Cases", "datasets", name);

    private void WriteGzip(string name, byte[] bytes)
    {
        using var file = File.Create(Path.Combine(_cli.Directory, name));
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(bytes);
    }

    [Fact]
    public void A_gzip_history_reads_as_the_plain_one()
    {
        _cli.Write("cst.treaty", Rules);
        _cli.Write("plain.events", Sorted);
        WriteGzip("packed.events.gz", Encoding.UTF8.GetBytes(Sorted));
        var plain = _cli.Run("check", "cst.treaty", "plain.events");
        var packed = _cli.Run("check", "cst.treaty", "packed.events.gz");
        Assert.Equal((0, string.Empty), (packed.Exit, packed.Err));
        Assert.Equal(plain.Out.Replace("plain.events", "packed.events.gz", StringComparison.Ordinal), packed.Out);
        Assert.Contains("#1  RUS", packed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_gzip_history_is_an_error_and_no_report()
    {
        _cli.Write("cst.treaty", Rules);
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Sorted, 2000))));
        var bytes = packed.ToArray();
        for (var i = bytes.Length / 2; i < bytes.Length / 2 + 64; i++) bytes[i] ^= 0x5A;
        File.WriteAllBytes(Path.Combine(_cli.Directory, "broken.events.gz"), bytes);
        _cli.Write("old-report.json", "{}");
        var (exit, stdout, stderr) = _cli.Run("check", "cst.treaty", "broken.events.gz", "--output", "old-report.json");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("alliance: error AR9003: cannot read 'broken.events.gz': it is not valid gzip data", stderr, StringComparison.Ordinal);
        Assert.Equal("{}", File.ReadAllText(Path.Combine(_cli.Directory, "old-report.json")));
    }

    [Theory]
    [InlineData("check")]
    [InlineData("report")]
    public void A_gzip_history_cut_short_is_an_error_not_a_shorter_history(string command)
    {
        // Regression: GZipStream read a file cut short as if it had ended, so events were lost with exit 0.
        _cli.Write("cst.treaty", Rules);
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Sorted, 4000))));
        var bytes = packed.ToArray();
        File.WriteAllBytes(Path.Combine(_cli.Directory, "cut.events.gz"), bytes[..(bytes.Length * 2 / 3)]);
        _cli.Write("old-report.txt", "old");
        var (exit, stdout, stderr) = _cli.Run(command, "cst.treaty", "cut.events.gz", "--output", "old-report.txt");
        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.StartsWith("alliance: error AR9003: cannot read 'cut.events.gz': its gzip data ends early: the file is cut short (download it again)", stderr, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(Path.Combine(_cli.Directory, "old-report.txt")));
    }

    [Fact]
    public void A_gzip_file_of_several_members_reads_whole()
    {
        _cli.Write("cst.treaty", Rules);
        WriteGzip("one.events.gz", Encoding.UTF8.GetBytes(Sorted));
        var member = File.ReadAllBytes(Path.Combine(_cli.Directory, "one.events.gz"));
        File.WriteAllBytes(Path.Combine(_cli.Directory, "two.events.gz"), [.. member, .. member]);
        var (exit, stdout, stderr) = _cli.Run("check", "cst.treaty", "two.events.gz", "--format", "json", "--quiet");
        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Equal(2, System.Text.Json.Nodes.JsonNode.Parse(stdout)!["instances"]!.AsArray()[0]!["triggers"]!.AsArray().Count);
    }

    [Fact]
    public void An_unsorted_history_gets_a_note_and_the_sorted_report_and_quiet_drops_the_note()
    {
        _cli.Write("cst.treaty", Rules);
        _cli.Write("sorted.events", Sorted);
        var lines = Sorted.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        _cli.Write("unsorted.events", string.Join("\n", lines.Reverse()) + "\n");
        var sorted = _cli.Run("check", "cst.treaty", "sorted.events", "--format", "json");
        var unsorted = _cli.Run("check", "cst.treaty", "unsorted.events", "--format", "json");
        Assert.Equal(0, unsorted.Exit);
        Assert.Equal("note: unsorted.events:2 is dated before the line above it: the history is not in date order, so it was read again and sorted in memory (--max-memory SIZE sorts on disk instead)\n", unsorted.Err.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(Verdicts(sorted.Out), Verdicts(unsorted.Out));
        var quiet = _cli.Run("check", "cst.treaty", "unsorted.events", "--format", "json", "--quiet");
        Assert.Equal((0, string.Empty, unsorted.Out), (quiet.Exit, quiet.Err, quiet.Out));
    }

    [Fact]
    public void Max_memory_sorts_on_disk_and_leaves_no_file_behind()
    {
        _cli.Write("cst.treaty", Rules);
        var lines = Enumerable.Range(0, 400).Select(i => $"2022-{1 + (i % 12):00}-{1 + (i * 7 % 28):00} ARM request RUS").ToList();
        lines.AddRange(Enumerable.Range(0, 100).Select(i => $"2022-{1 + (i % 12):00}-{1 + (i * 11 % 28):00} RUS pledge ARM"));
        lines.Add("2022-06-01 AZE attack ARM");
        _cli.Write("unsorted.events", string.Join("\n", lines) + "\n");
        var before = Directory.GetFiles(Path.GetTempPath(), "alliance-sort-*").Length;
        var inMemory = _cli.Run("check", "cst.treaty", "unsorted.events", "--format", "json");
        var onDisk = _cli.Run("check", "cst.treaty", "unsorted.events", "--format", "json", "--max-memory", "16KB");
        Assert.Equal(0, onDisk.Exit);
        Assert.Equal(inMemory.Out, onDisk.Out);
        Assert.Matches(@"^note: unsorted.events:\d+ is dated before the line above it: the history is not in date order, so it was read again and sorted within --max-memory\nnote: sorted in \d+ runs on disk\n$", onDisk.Err.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(before, Directory.GetFiles(Path.GetTempPath(), "alliance-sort-*").Length);
    }

    [Fact]
    public void A_sort_on_disk_that_cannot_write_its_files_is_an_error_not_a_crash()
    {
        _cli.Write("cst.treaty", Rules);
        _cli.Write("unsorted.events", "2022-09-20 RUS pledge ARM\n2022-09-14 AZE attack ARM\n2022-09-13 ARM request RUS\n");
        var missing = Path.Combine(_cli.Directory, "no-such-folder");
        var (exit, stdout, stderr) = _cli.RunProcessWith(new Dictionary<string, string> { ["TMPDIR"] = missing }, "check", "cst.treaty", "unsorted.events", "--max-memory", "1B", "--quiet");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("alliance: error AR9018: cannot sort the history on disk: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12XB")]
    [InlineData("0")]
    [InlineData("-5MB")]
    public void A_bad_max_memory_is_a_command_line_error(string size)
    {
        _cli.Write("cst.treaty", Rules);
        var (exit, stdout, stderr) = _cli.Run("check", "cst.treaty", "--max-memory", size);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith($"alliance: error AR9011: --max-memory '{size}' is not a size such as 512MB, 2GB or 65536KB", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_format_reads_a_dataset_file_of_any_name_and_verbose_lists_the_skipped_rows()
    {
        _cli.Write("cst.treaty", Rules);
        File.Copy(Datasets("sample.gdelt2.tsv"), Path.Combine(_cli.Directory, "20220913.export.txt"));
        var without = _cli.Run("check", "cst.treaty", "20220913.export.txt");
        Assert.Equal(2, without.Exit);
        var (exit, stdout, stderr) = _cli.Run("check", "cst.treaty", "--events-format", "gdelt2", "20220913.export.txt", "--verbose");
        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Contains("5 rows of imported data were skipped: the date is not a valid date (1); the event code is not a CAMEO code of 2 to 4 digits (1); the line has the wrong number of fields (1); the target has no country (1); the target's country is not a known country (1).\n", stdout.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("  skipped 20220913.export.txt:8: the event code is not a CAMEO code of 2 to 4 digits: 19X\n", stdout.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("#1  RUS", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_format_leaves_a_csv_history_with_a_header_as_csv()
    {
        _cli.Write("cst.treaty", Rules);
        File.Copy(Datasets("sample.gdelt2.tsv"), Path.Combine(_cli.Directory, "gdelt.tsv"));
        _cli.Write("hand.csv", "date,actor,verb,target\n2022-09-14,RUS,pledge,ARM\n");
        var (exit, stdout, stderr) = _cli.Run("check", "cst.treaty", "gdelt.tsv", "hand.csv", "--events-format", "gdelt2", "--format", "json");
        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Contains("\"status\": \"fulfilled\"", stdout, StringComparison.Ordinal);
        Assert.Contains("\"file\": \"hand.csv\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzipped_dataset_reports_its_evidence_rows_as_the_plain_file_does()
    {
        // A plain file keeps evidence rows by offset and reads them back; gzip cannot seek, so keeps their text.
        _cli.Write("cst.treaty", Rules);
        var plain = Path.Combine(_cli.Directory, "gdelt.tsv");
        File.Copy(Datasets("sample.gdelt2.tsv"), plain);
        using (var gz = new System.IO.Compression.GZipStream(File.Create(Path.Combine(_cli.Directory, "zipped.tsv.gz")), System.IO.Compression.CompressionLevel.Fastest)) gz.Write(File.ReadAllBytes(plain));
        var (exit, stdout, stderr) = _cli.Run("check", "cst.treaty", "--events-format", "gdelt2", "gdelt.tsv", "--format", "json");
        var zipped = _cli.Run("check", "cst.treaty", "--events-format", "gdelt2", "zipped.tsv.gz", "--format", "json");
        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Equal((0, string.Empty), (zipped.Exit, zipped.Err));
        var lines = File.ReadAllLines(plain);
        Assert.NotEmpty(Evidence(stdout));
        Assert.All(Evidence(stdout), e => Assert.Equal(lines[e.Line - 1], e.Text));
        Assert.Equal(Evidence(stdout), Evidence(zipped.Out));
    }

    /// <summary>
    /// Regression: a dataset read from a named pipe (as <c>&lt;(zcat day.gz)</c> gives one) was
    /// offered for reading back like a plain file, and the report waited for ever to open it again.
    /// </summary>
    [Fact]
    public async Task A_dataset_read_from_a_named_pipe_reports_its_evidence_rows_as_the_plain_file_does()
    {
        if (OperatingSystem.IsWindows()) return;
        _cli.Write("cst.treaty", Rules);
        var plain = Path.Combine(_cli.Directory, "gdelt.tsv");
        File.Copy(Datasets("sample.gdelt2.tsv"), plain);
        var pipe = Path.Combine(_cli.Directory, "pipe.tsv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe])) await mkfifo.WaitForExitAsync();
        // The writer opens the pipe once the check opens it to read; the check must never open it again.
        var writer = Task.Run(() => File.WriteAllBytes(pipe, File.ReadAllBytes(plain)));
        var run = Task.Run(() => _cli.Run("check", "cst.treaty", "--events-format", "gdelt2", "pipe.tsv", "--format", "json", "--output", "piped.json"));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(2))) == run;
        if (!finished)
        {
            // Let a check stuck opening the pipe again go, so that the test fails instead of hanging.
            await using var release = new FileStream(pipe, FileMode.Open, FileAccess.Write);
        }
        Assert.True(finished, "check waited for ever on the named pipe");
        await writer;
        var piped = await run;
        Assert.Equal((0, string.Empty), (piped.Exit, piped.Err));
        var (exit, stdout, stderr) = _cli.Run("check", "cst.treaty", "--events-format", "gdelt2", "gdelt.tsv", "--format", "json");
        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.NotEmpty(Evidence(stdout));
        Assert.Equal(Evidence(stdout), Evidence(await File.ReadAllTextAsync(Path.Combine(_cli.Directory, "piped.json"))));
    }

    /// <summary>
    /// Regression: a history that changed before the report read its evidence back was reported, with
    /// --output, as an output that could not be written (AR9008): the output's own handling of I/O
    /// errors took the history's failure for its own.
    /// </summary>
    [Fact]
    public void A_history_changed_while_the_output_is_written_is_not_called_an_output_failure()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_cli.Directory, "reports")).FullName;
        var output = Path.Combine(folder, "out.json");
        var changed = Assert.Throws<Model.HistoryChangedException>(() => CommandInput.Write(TextWriter.Null, output, stream =>
        {
            stream.Write("{\"a\":"u8);
            throw new Model.HistoryChangedException("h.gdelt2.csv", "it changed after it was read");
        }));
        Assert.Equal("h.gdelt2.csv", changed.Path);
        Assert.Empty(Directory.GetFiles(folder));
    }

    private static (int Line, string Text)[] Evidence(string json) =>
        [.. System.Text.Json.Nodes.JsonNode.Parse(json)!["instances"]!.AsArray()
            .SelectMany(i => i!["triggers"]!.AsArray().Concat(i["evidence"]!.AsArray()))
            .Select(e => ((int)e!["line"]!, (string)e["text"]!))];

    [Fact]
    public void Gdelt_files_named_csv_are_told_by_their_first_line()
    {
        _cli.Write("cst.treaty", Rules);
        File.Copy(Datasets("sample.gdelt1.tsv"), Path.Combine(_cli.Directory, "20220913.export.CSV"));
        var (exit, stdout, stderr) = _cli.Run("check", "cst.treaty", "20220913.export.CSV", "--quiet");
        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Contains("rows of imported data were skipped", stdout, StringComparison.Ordinal);
        Assert.Contains("#1  RUS", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_reads_dataset_files_as_check_does()
    {
        // Regression: --sweep read the histories whole, by extension only, so --events-format was ignored.
        _cli.Write("cst.treaty", Rules.Replace("within 3 days", "within promptly", StringComparison.Ordinal)
            .Replace("  rule art4", "  assume promptly = 3 days \"Article 4 names no deadline.\"\n  rule art4", StringComparison.Ordinal));
        File.Copy(Datasets("sample.gdelt2.tsv"), Path.Combine(_cli.Directory, "20220913.export.txt"));
        var (exit, stdout, stderr) = _cli.Run("check", "cst.treaty", "--events-format", "gdelt2", "20220913.export.txt", "--sweep", "promptly=P1D,P3D", "--format", "json");
        Assert.Equal((0, string.Empty), (exit, stderr));
        var report = System.Text.Json.Nodes.JsonNode.Parse(stdout)!;
        Assert.Equal(5, report["skipped"]!.AsArray().Sum(r => (int)r!["count"]!));
        Assert.Equal(["P1D", "P3D"], report["sweep"]!["assumptions"]![0]!["values"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public void Sweep_with_max_memory_is_refused_with_its_reason()
    {
        _cli.Write("cst.treaty", Rules);
        _cli.Write("h.events", Sorted);
        var (exit, stdout, stderr) = _cli.Run("check", "cst.treaty", "h.events", "--sweep", "promptly=P1D,P3D", "--max-memory", "64MB");
        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.Equal("alliance: error AR9019: --sweep cannot be combined with --max-memory: a sweep evaluates the history once per value, so it holds the history in memory; leave one of them out\n", stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static string[] Verdicts(string json) =>
        [.. System.Text.Json.Nodes.JsonNode.Parse(json)!["instances"]!.AsArray().Select(i => $"{i!["rule"]} {i["party"]} {i["triggeredOn"]} {i["status"]}")];
}
