using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// Data safety (issue #8): `--output` never leaves a partial file. The real process is killed at
/// twelve points across the writing of a report and once just before the rename, each chosen by
/// the test through AtomicFile's hook ALLIANCE_TEST_STALL_OUTPUT (the process stalls there and
/// says so), so the kills land mid-write on any machine; each time the old file must be intact.
/// </summary>
[Collection("cli")]
public sealed class OutputSafetyTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private const string Rules = """
        vocabulary {
          verb attack "uses armed force against"
          verb assist "provides military assistance to"
        }
        treaty T "A pact (illustrative)" {
          members {
            ARM 1950-01-01 ..
            KAZ 1950-01-01 ..
            RUS 1950-01-01 ..
          }
          rule help "Help a member attacked" {
            kind defense
            when $a attack $v where $v is member
            then each member $ally except $v must assist $v within 1 day
          }
        }
        """;

    // Generous: a stalled run only has to evaluate and write part of a report of a few megabytes.
    private static readonly TimeSpan StallTimeout = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData("json")]
    [InlineData("text")]
    public async Task Killing_the_process_while_it_writes_never_leaves_a_partial_output_file(string format)
    {
        _cli.Write("t.treaty", Rules);
        var history = new StringBuilder();
        var day = new NodaTime.LocalDate(1950, 1, 1);
        // About 4,000 instances: a report of some megabytes, written in many pieces.
        for (var i = 0; i < 2_000; i++) history.Append(NodaTime.Text.LocalDatePattern.Iso.Format(day.PlusDays(i))).Append(" AZE attack ARM\n");
        _cli.Write("h.events", history.ToString());
        var old = "{\"old\": true}\n"u8.ToArray();
        // Both reports are written as they are produced (the text one since issue #21), so both are tried.
        var name = "report." + format;
        var output = Path.Combine(_cli.Directory, name);
        string[] check = ["check", "t.treaty", "h.events", "--format", format, "--output", name, "--quiet"];

        // Without the hook the whole report replaces the old file.
        File.WriteAllBytes(output, old);
        var (exit, _, stderr) = _cli.RunProcess(check);
        Assert.True(exit == 0, stderr);
        var complete = File.ReadAllBytes(output);
        Assert.NotEqual(old, complete);
        if (format == "json") JsonDocument.Parse(complete).Dispose();
        Assert.Empty(Temporaries(name));

        // Twelve points spread over the report's bytes, and the moment between the last byte and the rename.
        var points = Enumerable.Range(1, 12).Select(k => (complete.Length * (long)k / 13).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("rename");
        foreach (var point in points)
        {
            File.WriteAllBytes(output, old);
            Dictionary<string, long> temporaries;
            using (var process = Start(point, check))
            {
                try
                {
                    _ = process.StandardOutput.ReadToEndAsync();
                    var said = await StalledAsync(process);
                    Assert.True(said is null, $"With ALLIANCE_TEST_STALL_OUTPUT={point} the process never said 'stalled': {said}");
                    // What the temporary file holds at the stall (its size only: the process holds it locked, and .NET's readers respect that).
                    temporaries = Temporaries(name).ToDictionary(t => t, t => new FileInfo(t).Length);
                }
                finally
                {
                    // A stalled process waits forever: never leave one behind.
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            Assert.True(old.AsSpan().SequenceEqual(File.ReadAllBytes(output)),
                $"After a kill at {point} (of {complete.Length} bytes) the output file is no longer the old one");

            // The kill came mid-write: the temporary file held at least that many bytes, not yet the whole report,
            // and they are the start of the report.
            var (temporary, size) = Assert.Single(temporaries);
            if (point == "rename") Assert.Equal(complete.Length, size);
            else Assert.InRange(size, long.Parse(point, System.Globalization.CultureInfo.InvariantCulture), complete.Length - 1);
            var held = File.ReadAllBytes(temporary);
            Assert.True(held.Length == size && complete.AsSpan(0, held.Length).SequenceEqual(held), $"At {point} the temporary file is not the start of the report");
            File.Delete(temporary);
        }
    }

    /// <summary>Null once the process says "stalled" on standard error; else what it said before it ended or the time ran out.</summary>
    private static async Task<string?> StalledAsync(Process process)
    {
        var said = new StringBuilder();
        using var timeout = new CancellationTokenSource(StallTimeout);
        try
        {
            while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line == "stalled") return null;
                said.AppendLine(line);
            }
            await process.WaitForExitAsync(timeout.Token);
            return $"it ended with exit code {process.ExitCode}. {said}";
        }
        catch (OperationCanceledException)
        {
            return $"it was still running after {StallTimeout.TotalMinutes:0} minutes. {said}";
        }
    }

    private string[] Temporaries(string name) => Directory.GetFiles(_cli.Directory, $".{name}.*.tmp");

    private Process Start(string stallPoint, string[] args)
    {
        var start = new ProcessStartInfo(CliHarness.Binary ?? "dotnet") { WorkingDirectory = _cli.Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ALLIANCE_TEST_STALL_OUTPUT"] = stallPoint;
        if (CliHarness.Binary is null) start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "alliance.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }
}
