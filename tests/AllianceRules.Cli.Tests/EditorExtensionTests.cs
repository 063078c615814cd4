using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// The VS Code extension in editors/vscode, under Node as CI has it (no VS Code): its command lines and
/// activation (test/extension.test.mjs), a conversation with the real <c>alliance lsp --stdio</c> through
/// the vscode-jsonrpc it bundles (test/protocol.mjs), and its packaging as a .vsix by the pinned
/// @vscode/vsce (package.mjs). Node and the packages are installed when missing (<see cref="Prerequisites"/>).
/// </summary>
public sealed class EditorExtensionTests : IDisposable
{
    /// <summary>The checks test/protocol.mjs makes (its EXPECTED_CHECKS).</summary>
    private const int ProtocolChecks = 17;

    private readonly string scratch = Directory.CreateTempSubdirectory("alliance-vscode-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(scratch, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left behind is harmless.
        }
    }

    [Fact]
    public async Task The_extension_starts_alliance_lsp_stdio_from_its_setting()
    {
        await Prerequisites.ExtensionPackagesAsync();
        var (exit, stdout, output) = await NodeAsync(Path.Combine("test", "extension.test.mjs"));
        Assert.True(exit == 0, output);
        Assert.Matches(@"^(\d+) of \1 extension checks passed", LastLine(stdout));
    }

    [Fact]
    public async Task The_real_server_answers_the_extension_client_library()
    {
        await Prerequisites.ExtensionPackagesAsync();
        var dll = Path.Combine(AppContext.BaseDirectory, "alliance.dll");
        var (exit, stdout, output) = await NodeAsync(Path.Combine("test", "protocol.mjs"), "--dll", dll);
        Assert.True(exit == 0, output);
        // protocol.mjs counts against a fixed total, so a check skipped by mistake fails here.
        Assert.Equal($"{ProtocolChecks} of {ProtocolChecks} protocol checks passed", LastLine(stdout));
    }

    [Fact]
    public async Task The_extension_packages_as_a_vsix_with_its_grammars_and_client_library()
    {
        await Prerequisites.ExtensionPackagesAsync();
        // vsce walks the whole folder, test/node_modules too, before .vscodeignore leaves test/** out;
        // on a fresh clone the grammar test may be running 'npm ci' there at this moment, and files
        // vanishing under the walk fail it. Waiting for that install (done once per run) avoids it.
        await Prerequisites.NodePackagesAsync();
        var (exit, _, output) = await NodeAsync("package.mjs", "--out", scratch);
        Assert.True(exit == 0, output);
        using var manifestJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(Prerequisites.ExtensionFolder, "package.json")));
        var manifest = manifestJson.RootElement;
        var vsix = Path.Combine(scratch, $"{manifest.GetProperty("name").GetString()}-{manifest.GetProperty("version").GetString()}.vsix");
        Assert.True(File.Exists(vsix), $"no {vsix}:\n{output}");

        using var zip = ZipFile.OpenRead(vsix);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            "extension.vsixmanifest",
            "extension/package.json",
            "extension/README.md",
            "extension/extension.js",
            "extension/lib/command.js",
            "extension/language-configuration.json",
            "extension/node_modules/vscode-languageclient/package.json",
            "extension/node_modules/vscode-languageclient/node.js",
            "extension/node_modules/vscode-languageclient/lib/node/main.js",
            "extension/node_modules/vscode-languageserver-protocol/package.json",
            "extension/node_modules/vscode-jsonrpc/package.json",
        ];
        Assert.All(expected, e => Assert.True(entries.Contains(e), $"the .vsix has no {e}"));
        // Every grammar and the main script the packaged manifest names are in it.
        using var packaged = JsonDocument.Parse(zip.GetEntry("extension/package.json")!.Open());
        var grammars = packaged.RootElement.GetProperty("contributes").GetProperty("grammars").EnumerateArray().Select(g => g.GetProperty("path").GetString()!).ToList();
        Assert.Equal(3, grammars.Count);
        Assert.All(grammars.Append(packaged.RootElement.GetProperty("main").GetString()!), p => Assert.Contains("extension/" + p.TrimStart('.', '/'), entries));
        // Neither the tests nor the packaging tool are shipped.
        Assert.DoesNotContain(entries, e => e.StartsWith("extension/test/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("extension/node_modules/@vscode/", StringComparison.Ordinal));
        Assert.DoesNotContain("extension/package.mjs", entries);
    }

    private static string LastLine(string text) => text.Split('\n').Last(l => l.Length > 0).TrimEnd('\r');

    /// <summary>Runs a script of the extension's folder under Node; its exit code, standard output, and both outputs for a failure message.</summary>
    private static async Task<(int Exit, string Stdout, string Output)> NodeAsync(params string[] args)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Prerequisites.ExtensionFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        try
        {
            await node.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            node.Kill(entireProcessTree: true);
            throw;
        }
        var output = $"node {string.Join(' ', args)} (exit code {node.ExitCode}):\n{await stdout}{await stderr}";
        return (node.ExitCode, await stdout, output);
    }
}
