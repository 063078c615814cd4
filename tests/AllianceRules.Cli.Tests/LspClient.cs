using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Threading.Channels;
using StreamJsonRpc;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// Runs <c>alliance lsp --stdio</c> as its own process and talks to it with StreamJsonRpc, a
/// JSON-RPC client that shares no code with the server. Notifications the server pushes are queued
/// and waited for with a generous timeout; nothing here measures time.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    /// <summary>How long to wait for a message before failing: generous, since CI machines are slow.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly JsonRpc rpc;
    private readonly Channel<JsonElement> published = Channel.CreateUnbounded<JsonElement>();
    private readonly Task<string> stderr;

    private LspClient(Process process)
    {
        this.process = process;
        stderr = process.StandardError.ReadToEndAsync();
        var handler = new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, new SystemTextJsonFormatter());
        rpc = new JsonRpc(handler);
        rpc.AddLocalRpcMethod(
            typeof(LspClient).GetMethod(nameof(OnPublishDiagnostics), BindingFlags.NonPublic | BindingFlags.Instance)!,
            this,
            new JsonRpcMethodAttribute("textDocument/publishDiagnostics") { UseSingleObjectParameterDeserialization = true });
        rpc.StartListening();
    }

    public static LspClient Start(string workingDirectory, params string[] args)
    {
        // The native build when ALLIANCE_CLI_BINARY names it (CliHarness.Binary), as CI runs these tests twice.
        var start = new ProcessStartInfo(CliHarness.Binary ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (CliHarness.Binary is null) start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "alliance.dll"));
        start.ArgumentList.Add("lsp");
        foreach (var a in args) start.ArgumentList.Add(a);
        return new LspClient(Process.Start(start)!);
    }

    public static string Uri(string path) => new Uri(path).AbsoluteUri;

    public async Task<JsonElement> Request(string method, object? parameters) =>
        await rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters).WaitAsync(Patience);

    public Task Notify(string method, object? parameters) => rpc.NotifyWithParameterObjectAsync(method, parameters);

    /// <summary>Initialises as an editor that takes CodeAction literals (as VS Code does), and with <paramref name="insertReplace"/> InsertReplaceEdits in completions; it declares nothing else.</summary>
    public Task<JsonElement> Initialize(string root, bool insertReplace = false) =>
        Request("initialize", new
        {
            processId = (int?)null,
            rootUri = Uri(root),
            capabilities = new
            {
                textDocument = new
                {
                    codeAction = new { codeActionLiteralSupport = new { codeActionKind = new { valueSet = new[] { "quickfix" } } } },
                    completion = new { completionItem = new { insertReplaceSupport = insertReplace } },
                },
            },
        });

    public async Task Open(string path, string text, int version = 1) =>
        await Notify("textDocument/didOpen", new { textDocument = new { uri = Uri(path), languageId = "treaty", version, text } });

    public async Task Change(string path, string text, int version) =>
        await Notify("textDocument/didChange", new { textDocument = new { uri = Uri(path), version }, contentChanges = new[] { new { text } } });

    /// <summary>The next diagnostics published for <paramref name="path"/> (that <paramref name="wanted"/> accepts, if given), skipping the others.</summary>
    public async Task<JsonElement> Diagnostics(string path, Func<JsonElement, bool>? wanted = null)
    {
        var uri = Uri(path);
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var next = await published.Reader.ReadAsync(timeout.Token);
            if (next.GetProperty("uri").GetString() == uri && (wanted is null || wanted(next.GetProperty("diagnostics")))) return next.GetProperty("diagnostics");
        }
    }

    /// <summary>The next publishDiagnostics parameters for <paramref name="path"/> (uri, version, diagnostics) that <paramref name="wanted"/> accepts, skipping the others.</summary>
    public async Task<JsonElement> Published(string path, Func<JsonElement, bool> wanted)
    {
        var uri = Uri(path);
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var next = await published.Reader.ReadAsync(timeout.Token);
            if (next.GetProperty("uri").GetString() == uri && wanted(next)) return next;
        }
    }

    /// <summary>Asks for shutdown, sends exit, and returns the exit status and what the server wrote to standard error.</summary>
    public async Task<(int Exit, string Err)> ShutdownAndExit(bool shutdown = true)
    {
        if (shutdown) await rpc.InvokeAsync<object?>("shutdown").WaitAsync(Patience);
        await Notify("exit", null);
        return await Exited();
    }

    public async Task<(int Exit, string Err)> Exited()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr);
    }

    /// <summary>Closes the server's standard input, as a client that goes away without a word.</summary>
    public void CloseInput() => process.StandardInput.Close();

    public async ValueTask DisposeAsync()
    {
        rpc.Dispose();
        if (!process.HasExited) process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private void OnPublishDiagnostics(JsonElement parameters) => published.Writer.TryWrite(parameters.Clone());
}
