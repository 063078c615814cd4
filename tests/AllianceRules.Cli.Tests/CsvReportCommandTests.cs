using System.Diagnostics;
using System.Text.Json;
using AllianceRules.Reporting;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// <c>check --format csv</c>: one header for every run, whatever the data (issue #20), so a script
/// written against one report reads the next; chosen attributes as extra columns; and a file that a
/// reader in another language (Python's csv module) reads back cell for cell.
/// </summary>
[Collection("cli")]
public sealed class CsvReportCommandTests : IDisposable
{
    /// <summary>The header of docs/language.md §7, "CSV", written out here so that a change to it is a change to this line too.</summary>
    private const string DocumentedHeader =
        "id,treaty,rule,kind,party,status,would_be,triggered_on,deadline,decided_on,trigger_file,trigger_line,trigger,evidence_file,evidence_line,evidence,bindings,cites,reason,episode,late_on,days_late,excused_by,attrs";

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Data(params string[] parts) => Path.GetFullPath(Path.Combine([CliHarness.RepoRoot, "..", "shared", "data", .. parts]));

    private string[] Csv(params string[] args)
    {
        var (exit, stdout, stderr) = _cli.Run(["check", .. args, "--format", "csv", "--quiet"]);
        Assert.True(exit == 0, stderr);
        return stdout.Split('\n');
    }

    [Fact]
    public void The_header_is_the_same_for_the_bundled_files_the_contract_and_the_replication()
    {
        Assert.Equal(DocumentedHeader, string.Join(",", CsvReportWriter.Header));
        Assert.Contains("\n" + DocumentedHeader + "\n", File.ReadAllText(Path.Combine(CliHarness.RepoRoot, "docs", "language.md")).ReplaceLineEndings("\n"), StringComparison.Ordinal);

        var bundled = Csv(Path.Combine(CliHarness.RepoRoot, "rules"), Path.Combine(CliHarness.RepoRoot, "seeds"));
        _cli.CopyContract();
        var contract = Csv("rules", "seeds");
        // bench/replicate's instances.csv: the ATOP and COW imports of ../shared/data, checked as the script does.
        Assert.Equal(0, _cli.Run("import", "atop", Data("atop", "atop5_1m.csv"), "--alliances", Data("atop", "atop5_1a.csv"), "--states", Data("cow", "states2016.csv"), "--iso-map", Data("cow", "cow_iso3166_map.csv"), "--out", "atop").Exit);
        Assert.Equal(0, _cli.Run("import", "cow-war", Data("cow", "Inter-StateWarData_v4.0.csv"), "--dyads", Data("cow", "directed_dyadic_war.csv"), "--states", Data("cow", "states2016.csv"), "--iso-map", Data("cow", "cow_iso3166_map.csv"), "--out", "cow").Exit);
        var replication = Csv("atop", "cow", "--as-of", "2007-12-31");

        Assert.Equal([DocumentedHeader, DocumentedHeader, DocumentedHeader], new[] { bundled[0], contract[0], replication[0] });
        // The attributes that used to be columns of their own are in 'attrs': the war an instance rests on.
        var attrs = Array.IndexOf(DocumentedHeader.Split(','), "attrs");
        Assert.Contains(replication.Skip(1), row => row.Split(',')[^1].StartsWith("actor-home=", StringComparison.Ordinal) && row.Contains(";war=", StringComparison.Ordinal));
        Assert.Equal(DocumentedHeader.Split(',').Length - 1, attrs);
    }

    [Fact]
    public void Csv_attributes_adds_trigger_and_evidence_columns_at_the_end()
    {
        _cli.CopyContract();
        var lines = Csv("rules", "seeds", "--csv-attributes", "article,war,article");
        Assert.Equal(DocumentedHeader + ",trigger_attr_article,trigger_attr_war,evidence_attr_article,evidence_attr_war", lines[0]);
        Assert.EndsWith(",4,,,", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json", "alliance: error AR9019: --csv-attributes cannot be combined with --format json: its columns are for the CSV report; give --format csv; leave one of them out")]
    [InlineData("text", "alliance: error AR9019: --csv-attributes cannot be combined with --format text: its columns are for the CSV report; give --format csv; leave one of them out")]
    public void Csv_attributes_without_csv_is_an_error(string format, string error)
    {
        _cli.CopyContract();
        var (exit, stdout, stderr) = _cli.Run("check", "rules", "seeds", "--format", format, "--csv-attributes", "war");
        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.StartsWith(error + "\n", stderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_attributes_must_be_attribute_names()
    {
        _cli.CopyContract();
        var (exit, stdout, stderr) = _cli.Run("check", "rules", "seeds", "--format", "csv", "--csv-attributes", "war,Name");
        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.StartsWith("alliance: error AR9011: --csv-attributes 'war,Name': 'Name' is not an attribute name such as 'war'; give names separated by commas, such as war,name\n", stderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Python_reads_the_csv_back_cell_for_cell()
    {
        var python = await Prerequisites.Python3Async();
        _cli.CopyContract();
        // A trigger whose attributes hold a comma, a quote, a line break, and the separators of 'attrs'.
        _cli.Write("seeds/note.jsonl", """{"date":"2022-10-25","actor":"AZE","verb":"attack","target":"ARM"}""" + "\n" + """{"date":"2022-11-01","actor":"ARM","verb":"request","target":"CSTO","attrs":{"article":"4","note":"a, \"b\"\nc; d=e\\f"}}""" + "\n");
        Assert.Equal(0, _cli.Run("check", "rules", "seeds", "--format", "csv", "--output", "verdicts.csv").Exit);
        File.WriteAllText(Path.Combine(_cli.Directory, "read.py"), """
            import csv, json, sys
            with open(sys.argv[1], newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f))
            print(json.dumps({"header": rows[0], "rows": rows[1:]}))
            """);
        var start = new ProcessStartInfo(python) { WorkingDirectory = _cli.Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("read.py");
        start.ArgumentList.Add("verdicts.csv");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "python3 did not finish");
        Assert.True(process.ExitCode == 0, await error);
        using var read = JsonDocument.Parse(await output);
        Assert.Equal(DocumentedHeader.Split(','), read.RootElement.GetProperty("header").EnumerateArray().Select(c => c.GetString()));
        var rows = read.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToArray()).ToList();
        Assert.Equal(2, rows.Count);
        var cell = (string[] row, string column) => row[Array.IndexOf(DocumentedHeader.Split(','), column)];
        var fromNote = rows.Single(r => cell(r, "trigger_file") == "seeds/note.jsonl");
        Assert.Equal(("violated", "ARM request CSTO", "article=4;note=a, \"b\"\nc\\; d\\=e\\\\f"), (cell(fromNote, "status"), cell(fromNote, "trigger"), cell(fromNote, "attrs")));
        Assert.Equal("no 'RUS assist ARM' event between 2022-11-01 and 2022-12-01", cell(fromNote, "reason"));
        Assert.Equal(("", "", ""), (cell(fromNote, "late_on"), cell(fromNote, "days_late"), cell(fromNote, "excused_by")));
    }
}
