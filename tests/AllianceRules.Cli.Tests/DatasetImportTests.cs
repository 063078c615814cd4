namespace AllianceRules.Cli.Tests;

/// <summary>
/// <c>alliance import atop|cow-war</c> on the real files of ../shared/data: what it writes and says,
/// that its output is clean for <c>fmt --check</c>, and that bad input is a located error with
/// exit status 2 and nothing written.
/// </summary>
[Collection("cli")]
public sealed class DatasetImportTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Data(params string[] parts) => Path.GetFullPath(Path.Combine([CliHarness.RepoRoot, "..", "shared", "data", .. parts]));

    private (int Exit, string Out, string Err) ImportAtop(string output, params string[] extra) => _cli.Run(
        ["import", "atop", Data("atop", "atop5_1m.csv"), "--alliances", Data("atop", "atop5_1a.csv"), "--states", Data("cow", "states2016.csv"), "--iso-map", Data("cow", "cow_iso3166_map.csv"), "--out", output, .. extra]);

    private (int Exit, string Out, string Err) ImportCow(string wars, string output, params string[] extra) => _cli.Run(
        ["import", "cow-war", wars, "--states", Data("cow", "states2016.csv"), "--iso-map", Data("cow", "cow_iso3166_map.csv"), "--out", output, .. extra]);

    [Fact]
    public void Import_atop_writes_a_rule_file_per_alliance_and_counts_the_row_it_cannot_place()
    {
        var (exit, stdout, stderr) = ImportAtop("atop");
        Assert.Equal(0, exit);
        Assert.Equal("wrote 790 files to atop: 789 alliances, 2621 rules\n", stdout.ReplaceLineEndings("\n"));
        Assert.Equal($"note: 1 row of {Data("atop", "atop5_1m.csv")} was skipped: member is no known state (1)\n  {Data("atop", "atop5_1m.csv")}:203: member is no known state: 8152\n", stderr.ReplaceLineEndings("\n"));
        var files = Directory.GetFiles(Path.Combine(_cli.Directory, "atop"));
        Assert.Equal(790, files.Length);
        Assert.Contains(files, f => f.EndsWith("ATOP4220.treaty", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("vocabulary.treaty", StringComparison.Ordinal));
        // Nothing of the staging folder is left beside it.
        Assert.Equal(["atop"], Directory.GetFileSystemEntries(_cli.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Import_cow_war_writes_a_history_per_war()
    {
        var (exit, stdout, stderr) = ImportCow(Data("cow", "Inter-StateWarData_v4.0.csv"), "cow");
        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Equal("wrote 95 files to cow: 95 wars, 1669 events (390 attack, 1184 assist, 95 endwar)\n", stdout.ReplaceLineEndings("\n"));
        Assert.True(File.Exists(Path.Combine(_cli.Directory, "cow", "COW055-seven-weeks-war.events")));
    }

    [Fact]
    public void Import_cow_war_with_dyads_reads_the_attacks_from_them_and_counts_the_misdated_rows()
    {
        var dyads = Data("cow", "directed_dyadic_war.csv");
        var (exit, stdout, stderr) = ImportCow(Data("cow", "Inter-StateWarData_v4.0.csv"), "cow", "--dyads", dyads);
        Assert.Equal(0, exit);
        Assert.Equal("wrote 95 files to cow: 95 wars, 1578 events (299 attack, 1184 assist, 95 endwar); attacks from dyads in 91 wars, from participants in 4\n", stdout.ReplaceLineEndings("\n"));
        Assert.StartsWith($"note: 13 rows of {dyads} were skipped: impossible date (5), its dates lie outside the war's in the participant file (8)\n  {dyads}:288: impossible date: 1918-24-10 .. 1918-3-11\n", stderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal((0, string.Empty, string.Empty), _cli.Run("fmt", "--check", "cow"));
    }

    [Fact]
    public void A_malformed_dyad_file_is_a_located_error_and_nothing_is_written()
    {
        _cli.Write("dyads.csv", "warnum,statea,stateb,warstrtmnth,warstrtday,warstrtyr,warendmnth,warenday,warendyr,warolea,waroleb,wardyadrolea,wardyadroleb\n55,255,300,6,15,1866,7,26,1866,1,3,1,3\n55,300,255,6,15,1866,7,26,1866,3,1,x,1\n");
        var (exit, stdout, stderr) = ImportCow(Data("cow", "Inter-StateWarData_v4.0.csv"), "cow", "--dyads", "dyads.csv");
        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.StartsWith("dyads.csv:3:36: error AR7003: 'wardyadrolea' must be a whole number, not 'x'", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_cli.Directory, "cow")));
        var missing = ImportCow(Data("cow", "Inter-StateWarData_v4.0.csv"), "cow", "--dyads", "no-such-dyads.csv");
        Assert.Equal((2, "alliance: error AR9001: 'no-such-dyads.csv' does not exist\n"), (missing.Exit, missing.Err.ReplaceLineEndings("\n")));
        Assert.False(Directory.Exists(Path.Combine(_cli.Directory, "cow")));
    }

    [Fact]
    public void The_imported_files_pass_fmt_check_and_check()
    {
        Assert.Equal(0, ImportAtop("out").Exit);
        Assert.Equal(0, ImportCow(Data("cow", "Inter-StateWarData_v4.0.csv"), "out").Exit);
        var fmt = _cli.Run("fmt", "--check", "out");
        Assert.Equal((0, string.Empty, string.Empty), fmt);
        var check = _cli.Run("check", "out", "--format", "json", "--output", "report.json");
        // Standard error has lint warnings (no 'quote' in a generated rule) and notes, never an error.
        Assert.Equal(0, check.Exit);
        Assert.DoesNotContain(": error ", check.Err, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"indeterminate\"", File.ReadAllText(Path.Combine(_cli.Directory, "report.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Importing_again_into_the_folder_replaces_its_files()
    {
        Assert.Equal(0, ImportCow(Data("cow", "Inter-StateWarData_v4.0.csv"), "cow").Exit);
        var path = Path.Combine(_cli.Directory, "cow", "COW055-seven-weeks-war.events");
        var first = File.ReadAllText(path);
        File.WriteAllText(path, "stale");
        Assert.Equal(0, ImportCow(Data("cow", "Inter-StateWarData_v4.0.csv"), "cow").Exit);
        Assert.Equal(first, File.ReadAllText(path));
    }

    [Fact]
    public void A_missing_input_is_an_error_and_nothing_is_written()
    {
        var (exit, stdout, stderr) = ImportCow("no-such-wars.csv", "cow");
        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.Equal("alliance: error AR9001: 'no-such-wars.csv' does not exist\n", stderr.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(Path.Combine(_cli.Directory, "cow")));
    }

    [Fact]
    public void A_file_without_the_columns_is_a_located_error()
    {
        _cli.Write("wars.csv", "WarNum,WarName,ccode\n55,Seven Weeks,255\n");
        var (exit, _, stderr) = ImportCow("wars.csv", "cow");
        Assert.Equal(2, exit);
        Assert.StartsWith("wars.csv:1:1: error AR7001: the COW inter-state war file has no columns 'statename', 'side', 'initiator',", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_cli.Directory, "cow")));
    }

    [Fact]
    public void An_out_that_is_a_file_is_an_error_and_the_file_is_kept()
    {
        _cli.Write("out", "keep me");
        var (exit, _, stderr) = ImportAtop("out");
        Assert.Equal(2, exit);
        Assert.Equal("alliance: error AR7004: --out 'out' is a file, not a folder; name a folder, new or existing\n", stderr.ReplaceLineEndings("\n"));
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(_cli.Directory, "out")));
    }

    [Fact]
    public void The_states_option_is_required()
    {
        var (exit, _, stderr) = _cli.Run("import", "cow-war", Data("cow", "Inter-StateWarData_v4.0.csv"), "--out", "cow");
        Assert.Equal(2, exit);
        Assert.Contains("error AR9011: ", stderr, StringComparison.Ordinal);
        Assert.Contains("--states", stderr, StringComparison.Ordinal);
    }
}
