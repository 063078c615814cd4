using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// What a few tests need beyond the .NET SDK, prepared by the tests themselves so that the README's
/// `dotnet test AllianceRules.sln` passes on a fresh clone: Node and npm with the packages of the
/// grammar test and of the VS Code extension, Debian's Chromium, and python3. Each is prepared once per test run, however many tests ask at
/// once. Debian packages are installed only as root; whatever cannot be had fails the asking test
/// with what is missing and the command that brings it (never a skip, which CI would not notice).
/// </summary>
public static class Prerequisites
{
    private static readonly TimeSpan AptTimeout = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(10);

    // Two tests may need apt at the same moment, and dpkg takes one install at a time.
    private static readonly SemaphoreSlim Apt = new(1, 1);
    private static bool _aptUpdated;

    /// <summary>The grammar test's folder, whose package-lock.json names its npm packages.</summary>
    public static string GrammarTestFolder { get; } = Path.Combine(CliHarness.RepoRoot, "editors", "vscode", "test");

    /// <summary>The VS Code extension's folder, whose package-lock.json pins vscode-languageclient and @vscode/vsce.</summary>
    public static string ExtensionFolder { get; } = Path.Combine(CliHarness.RepoRoot, "editors", "vscode");

    private static readonly Lazy<Task<string?>> Node = new(() => Task.Run(PrepareNodeAsync));
    private static readonly Lazy<Task<string?>> GrammarPackages =
        new(() => Task.Run(() => NpmCiAsync("The editor grammar test runs under Node", GrammarTestFolder)));
    // --ignore-scripts: vsce's optional keytar would try to fetch or build a native module, which packaging never uses.
    private static readonly Lazy<Task<string?>> ExtensionPackages =
        new(() => Task.Run(() => NpmCiAsync("The VS Code extension's tests run under Node", ExtensionFolder, "--ignore-scripts")));
    private static readonly Lazy<Task<string?>> Browser = new(() => Task.Run(PrepareChromiumAsync));
    private static readonly Lazy<Task<string?>> Python = new(() => Task.Run(PreparePythonAsync));

    /// <summary>The Chromium the browser test drives: ALLIANCE_CHROMIUM, or Debian's.</summary>
    public static string ChromiumExecutable =>
        Environment.GetEnvironmentVariable("ALLIANCE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Node, npm and the packages of <see cref="GrammarTestFolder"/>, installed when missing; fails the test when they cannot be.</summary>
    public static async Task NodePackagesAsync()
    {
        if (await GrammarPackages.Value is { } problem) Assert.Fail(problem);
    }

    /// <summary>Node, npm and the packages of <see cref="ExtensionFolder"/>, installed when missing; fails the test when they cannot be.</summary>
    public static async Task ExtensionPackagesAsync()
    {
        if (await ExtensionPackages.Value is { } problem) Assert.Fail(problem);
    }

    /// <summary>The path of Chromium, installed when missing; fails the test when it cannot be.</summary>
    public static async Task<string> ChromiumAsync()
    {
        if (await Browser.Value is { } problem) Assert.Fail(problem);
        return ChromiumExecutable;
    }

    /// <summary>
    /// python3, installed when missing (the CSV test reads the report back with Python's csv module, as
    /// a reader in another language would); fails the test when it cannot be.
    /// </summary>
    public static async Task<string> Python3Async()
    {
        if (await Python.Value is { } problem) Assert.Fail(problem);
        return "python3";
    }

    private static async Task<string?> PreparePythonAsync()
    {
        if (OnPath("python3")) return null;
        if (await AptInstallAsync("python3") is { } failed)
        {
            return $"The CSV test reads the report with Python, but 'python3' is not on PATH and {failed}.\n"
                + "Install it (as root): apt-get update && apt-get install -y python3";
        }
        return OnPath("python3") ? null : "The CSV test reads the report with Python: Debian's python3 was installed, yet 'python3' is not on PATH.";
    }

    private static async Task<string?> PrepareNodeAsync()
    {
        const string needs = "The editor tests run under Node";
        if (!OnPath("node") || !OnPath("npm"))
        {
            if (await AptInstallAsync("nodejs", "npm") is { } failed)
            {
                return $"{needs}, but {Missing("node", "npm")} not on PATH and {failed}.\n"
                    + "Install them (as root): apt-get update && apt-get install -y nodejs npm";
            }
            if (!OnPath("node") || !OnPath("npm")) return $"{needs}: Debian's nodejs and npm were installed, yet {Missing("node", "npm")} not on PATH.";
        }
        // The packages are held at versions that run on Node 18 (Debian 12's); an older node fails them in ways that do not say why.
        var (ran, version) = await RunAsync("node", ["--version"], null, TimeSpan.FromMinutes(1));
        var major = System.Text.RegularExpressions.Regex.Match(version, @"^v(\d+)\.", System.Text.RegularExpressions.RegexOptions.Multiline);
        if (!ran || !major.Success) return $"{needs}, but 'node --version' on PATH did not give a version:\n{version}";
        if (int.Parse(major.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < MinimumNodeMajor)
        {
            return $"{needs} {MinimumNodeMajor} or later, but the node on PATH is {major.Value.TrimEnd('.')}.\n"
                + $"Put a newer one first on PATH (Debian 12's: apt-get install -y nodejs npm gives Node 18).";
        }
        return null;
    }

    /// <summary>The oldest Node the editor tests and the extension's packaging run on (Debian 12's nodejs is 18).</summary>
    public const int MinimumNodeMajor = 18;

    /// <summary>Node and npm (<see cref="Node"/>), then 'npm ci' in the folder unless its node_modules is up to date with its lock file.</summary>
    private static async Task<string?> NpmCiAsync(string who, string folder, params string[] options)
    {
        if (await Node.Value is { } problem) return problem;
        var modules = Path.Combine(folder, "node_modules");
        // npm ci records what it installed in node_modules/.package-lock.json: older than the lock file means stale.
        var record = Path.Combine(modules, ".package-lock.json");
        var lockFile = Path.Combine(folder, "package-lock.json");
        if (File.Exists(record) && File.GetLastWriteTimeUtc(record) >= File.GetLastWriteTimeUtc(lockFile)) return null;
        string[] args = ["ci", "--no-audit", "--no-fund", .. options];
        var (ok, output) = await RunAsync("npm", args, folder, NpmTimeout);
        return ok ? null : $"{who}, and 'npm ci' failed in {folder}:\n{output}\n"
            + $"Install its packages: cd {folder} && npm {string.Join(' ', args)}";
    }

    private static async Task<string?> PrepareChromiumAsync()
    {
        var path = ChromiumExecutable;
        if (File.Exists(path)) return null;
        if (Environment.GetEnvironmentVariable("ALLIANCE_CHROMIUM") is { Length: > 0 })
        {
            return $"The browser test needs Chromium, but ALLIANCE_CHROMIUM names {path}, which does not exist. "
                + "Point it at a Chromium executable, or unset it to use Debian's /usr/bin/chromium (apt-get install chromium).";
        }
        if (await AptInstallAsync("chromium") is { } failed)
        {
            return $"The browser test needs Chromium at {path}, which is missing, and {failed}.\n"
                + "Install it (as root): apt-get update && apt-get install -y chromium; or set ALLIANCE_CHROMIUM to a Chromium executable.";
        }
        return File.Exists(path) ? null : $"The browser test needs Chromium at {path}: Debian's chromium was installed, yet that file is missing.";
    }

    /// <summary>Installs Debian packages; null on success, or why they could not be installed (with apt's output).</summary>
    private static async Task<string?> AptInstallAsync(params string[] packages)
    {
        if (!OperatingSystem.IsLinux() || !OnPath("apt-get")) return "this is not a Debian-like system with apt-get, so the tests cannot install it";
        if (!Environment.IsPrivilegedProcess) return "the tests are not running as root, so they cannot install it";
        await Apt.WaitAsync();
        try
        {
            // Wait for another apt (an unattended upgrade, another test run) rather than fail at once.
            string[] wait = ["-o", "DPkg::Lock::Timeout=600"];
            if (!_aptUpdated)
            {
                var (updated, log) = await RunAsync("apt-get", [.. wait, "update", "-qq"], null, AptTimeout);
                if (!updated) return $"'apt-get update' failed:\n{log}";
                _aptUpdated = true;
            }
            var (ok, output) = await RunAsync("apt-get", [.. wait, "install", "-y", "-qq", .. packages], null, AptTimeout);
            return ok ? null : $"'apt-get install {string.Join(' ', packages)}' failed:\n{output}";
        }
        finally
        {
            Apt.Release();
        }
    }

    /// <summary>Runs a command to its end; whether it succeeded, and its standard output and error interleaved (the last part, if long).</summary>
    private static async Task<(bool Ok, string Output)> RunAsync(string file, IEnumerable<string> args, string? directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        if (directory is not null) start.WorkingDirectory = directory;
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        var output = new StringBuilder();
        void Append(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
        }
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        var shown = $"{file} {string.Join(' ', start.ArgumentList)}";
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return (false, $"{shown}: {e.Message}");
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool finished;
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
            finished = true;
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            finished = false;
        }
        string text;
        lock (output) text = output.ToString();
        // Keep the end, where the cause is.
        if (text.Length > 6000) text = "…" + text[^6000..];
        if (!finished) return (false, $"{shown} did not finish within {timeout.TotalMinutes:0} minutes:\n{text}");
        return (process.ExitCode == 0, $"{shown} (exit code {process.ExitCode}):\n{text}");
    }

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, command)));

    private static string Missing(params string[] commands) =>
        commands.Where(c => !OnPath(c)).ToList() is [var one] ? $"'{one}' is" : $"'{string.Join("' and '", commands)}' are";
}
