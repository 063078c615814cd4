using System.Diagnostics;
using System.Text;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// The browser playground, published once for the test class that uses it
/// (<c>dotnet publish src/AllianceRules.Playground -c Release -o TMP</c>) and served from TMP/wwwroot
/// by a <see cref="StaticSiteServer"/> in this process. A failed publish fails every test with its output.
/// </summary>
public sealed class PlaygroundSite : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(15);

    private readonly string _folder = Directory.CreateTempSubdirectory("alliance-playground-").FullName;
    private StaticSiteServer? _server;
    private string? _failure;

    /// <summary>http://127.0.0.1:PORT, where the site is served.</summary>
    public string Origin => _server?.Origin ?? throw new InvalidOperationException(_failure);

    /// <summary>The page itself: the origin and a slash.</summary>
    public string Url => Origin + "/";

    /// <summary>The published site's folder.</summary>
    public string Root => Path.Combine(_folder, "wwwroot");

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in new[] { "publish", Path.Combine(CliHarness.RepoRoot, "src", "AllianceRules.Playground"), "-c", "Release", "-o", _folder, "--nologo" })
        {
            start.ArgumentList.Add(a);
        }
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync().WaitAsync(PublishTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        string log;
        lock (output) log = output.ToString();
        if (!process.HasExited || process.ExitCode != 0 || !File.Exists(Path.Combine(Root, "index.html")))
        {
            _failure = $"'dotnet {string.Join(' ', start.ArgumentList)}' failed (exit code {(process.HasExited ? process.ExitCode : -1)}):\n{log}";
            return;
        }
        _server = new StaticSiteServer(Root);
    }

    /// <summary>Fails the asking test with the publish output when the publish failed.</summary>
    public void EnsurePublished()
    {
        if (_failure is not null) Assert.Fail(_failure);
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A published site left in /tmp is harmless.
        }
        return Task.CompletedTask;
    }
}
