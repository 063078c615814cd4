using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// Data safety (issue #8): `--output` never leaves a partial file. The real process is killed at
/// many moments while it writes a large report; each time the old file must be intact, or the
/// new one whole.
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

    [Fact]
    public void Killing_the_process_while_it_writes_never_leaves_a_partial_output_file()
    {
        _cli.Write("t.treaty", Rules);
        var history = new StringBuilder();
        var day = new NodaTime.LocalDate(1950, 1, 1);
        // About 40,000 instances: a report of some tens of megabytes, which takes a while to write.
        for (var i = 0; i < 20_000; i++) history.Append(NodaTime.Text.LocalDatePattern.Iso.Format(day.PlusDays(i))).Append(" AZE attack ARM\n");
        _cli.Write("h.events", history.ToString());
        const string old = "{\"old\": true}\n";
        var output = Path.Combine(_cli.Directory, "report.json");

        var watch = Stopwatch.StartNew();
        Assert.Equal(0, _cli.RunProcess("check", "t.treaty", "h.events", "--format", "json", "--output", "report.json", "--quiet").Exit);
        var whole = watch.ElapsedMilliseconds;
        var complete = File.ReadAllText(output);

        var killed = 0;
        for (var k = 1; k <= 12; k++)
        {
            File.WriteAllText(output, old);
            using var process = Start("check", "t.treaty", "h.events", "--format", "json", "--output", "report.json", "--quiet");
            Thread.Sleep((int)(whole * k / 13));
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                killed++;
            }
            process.WaitForExit();
            var now = File.ReadAllText(output);
            Assert.True(now == old || now == complete, $"After a kill at {k}/13 of the run the output is neither the old file nor the whole report ({now.Length} characters)");
            if (now != old) JsonDocument.Parse(now).Dispose();
        }
        Assert.True(killed >= 6, $"Only {killed} of 12 runs were still running when killed: the test would prove little");
    }

    private Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _cli.Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "alliance.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }
}
