using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AllianceRules.Formatting;
using AllianceRules.Text;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>
/// The language server's message loop: lifecycle (initialize, shutdown, exit), full document
/// synchronisation, pushed diagnostics, formatting, hover, go to definition, find references,
/// rename, completion and code actions. A reader thread reads ahead; requests are answered in
/// order on one thread, and one cancelled while it waited is answered with RequestCancelled;
/// checking the workspace runs in the background. No message, however malformed, ends the loop: a
/// handler's exception becomes an error response.
/// </summary>
internal sealed class LanguageServer
{
    // JSON-RPC and LSP error codes.
    private const int ParseError = -32700;
    private const int InvalidRequest = -32600;
    private const int MethodNotFound = -32601;
    private const int InvalidParams = -32602;
    private const int InternalError = -32603;
    private const int ServerNotInitialized = -32002;
    private const int RequestCancelled = -32800;

    /// <summary>How many messages the reader thread reads ahead of the one being answered.</summary>
    internal const int InboxCapacity = 64;

    private readonly JsonRpcChannel channel;
    private readonly TextWriter log;
    private readonly LspWorkspace workspace = new();
    private readonly DiagnosticsPublisher diagnostics;
    // Bounded, so a client that writes faster than the server answers is held back (its writes block)
    // rather than filling memory; the reader still notes each message (Receive) before it waits here.
    private readonly BlockingCollection<(JsonNode? Message, string? Problem)> inbox = new(boundedCapacity: InboxCapacity);
    private readonly CancellationTokenSource stopped = new();

    // The requests read and not yet answered, by their id's JSON; true once a $/cancelRequest named it.
    private readonly Dictionary<string, bool> requests = new(StringComparer.Ordinal);
    private bool initialized;
    private bool codeActionLiterals;
    private bool insertReplace;
    private bool shuttingDown;

    // Set as Run returns: the caller then disposes standard input, and the reader thread's read of it failing is no news.
    private volatile bool stopping;

    public LanguageServer(Stream input, Stream output, TextWriter log, TimeSpan? debounce = null)
        : this(input, output, log, wait: DiagnosticsPublisher.Delay(debounce ?? TimeSpan.FromMilliseconds(200)))
    {
    }

    /// <param name="wait">What a check waits for before it starts (a change made meanwhile cancels it); null checks at once, on the thread that made the change (the fuzz harness).</param>
    internal LanguageServer(Stream input, Stream output, TextWriter log, Func<CancellationToken, Task>? wait)
    {
        channel = new JsonRpcChannel(input, output);
        this.log = log;
        diagnostics = new DiagnosticsPublisher(workspace, channel, log, wait);
    }

    /// <summary>Serves until <c>exit</c> or the end of input; the exit status is 0 when <c>shutdown</c> came first, else 1.</summary>
    public int Run()
    {
        // A reader thread reads ahead, so a $/cancelRequest is seen while the request it names still
        // waits its turn (Receive); this thread answers the messages in order (Dispatch).
        var reader = new Thread(() =>
        {
            try
            {
                while (true)
                {
                    var (message, problem, ended) = channel.Read();
                    if (ended) break;
                    Receive(message);
                    inbox.Add((message, problem), stopped.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // Run returned while the inbox was full: nobody is left to answer.
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                if (!stopping) log.WriteLine($"alliance lsp: standard input failed: {e.Message}");
            }
            finally
            {
                inbox.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "alliance lsp reader" };
        reader.Start();
        try
        {
            foreach (var (message, problem) in inbox.GetConsumingEnumerable())
            {
                if (Dispatch(message, problem) is { } exit) return exit;
            }
            return shuttingDown ? 0 : 1;
        }
        finally
        {
            stopping = true;
            stopped.Cancel();
        }
    }

    /// <summary>
    /// One message, in process: what <see cref="Run"/> does with each message it reads (the fuzz
    /// harness feeds messages through here). Returns the exit status when the message ends the server.
    /// </summary>
    internal int? Handle(JsonNode? message, string? problem = null)
    {
        Receive(message);
        return Dispatch(message, problem);
    }

    /// <summary>
    /// As a message is read, before its turn: a request is noted as unanswered, and a
    /// <c>$/cancelRequest</c> marks the unanswered request it names, which is then answered with
    /// RequestCancelled instead of being run. A request already answered (or being answered) is not
    /// cancelled: its answer stands, as LSP allows.
    /// </summary>
    internal void Receive(JsonNode? message)
    {
        if (message is not JsonObject request) return;
        try
        {
            if (request["id"] is { } id && LspJson.String(request, "method") is { } method && method != "$/cancelRequest")
            {
                lock (requests) requests[id.ToJsonString()] = false;
            }
            else if (request["id"] is null && LspJson.String(request, "method") == "$/cancelRequest" && LspJson.At(request, "params", "id") is { } cancelled)
            {
                var key = cancelled.ToJsonString();
                lock (requests)
                {
                    if (requests.ContainsKey(key)) requests[key] = true;
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // Dispatch says what is wrong with the message.
        }
    }

    /// <summary>A message in its turn; the exit status when it ends the server, else null.</summary>
    internal int? Dispatch(JsonNode? message, string? problem)
    {
        if (message is not JsonObject request)
        {
            Fail(null, message is null ? ParseError : InvalidRequest, message is null ? $"not JSON: {problem}" : "a message must be a JSON object");
            return null;
        }
        string? method;
        JsonNode? id;
        try
        {
            method = LspJson.String(request, "method");
            id = request["id"];
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // A message no reader check caught must not end the server (found in review).
            Fail(null, InvalidRequest, $"the message cannot be read: {e.Message}");
            return null;
        }
        // Responses would answer requests of ours; the server sends none.
        if (method is null)
        {
            if (id is not null && request["result"] is null && request["error"] is null) Fail(id, InvalidRequest, "a request needs a 'method'");
            return null;
        }
        if (id is null)
        {
            if (method == "exit") return shuttingDown ? 0 : 1;
            Notify(method, request["params"]);
        }
        else if (TakeCancelled(id))
        {
            Fail(id, RequestCancelled, $"'{method}' was cancelled before it ran");
        }
        else
        {
            Answer(id, method, request["params"]);
        }
        return null;
    }

    /// <summary>Whether the request was cancelled while it waited; it is no longer unanswered either way.</summary>
    private bool TakeCancelled(JsonNode id)
    {
        lock (requests) return requests.Remove(id.ToJsonString(), out var cancelled) && cancelled;
    }

    private void Answer(JsonNode id, string method, JsonNode? parameters)
    {
        if (!initialized && method != "initialize")
        {
            Fail(id, ServerNotInitialized, "the server has not been initialised");
            return;
        }
        if (shuttingDown || (initialized && method == "initialize"))
        {
            Fail(id, InvalidRequest, shuttingDown ? "the server is shutting down" : "the server is already initialised");
            return;
        }
        try
        {
            JsonNode? result = method switch
            {
                "initialize" => Initialize(parameters),
                "shutdown" => Shutdown(),
                "textDocument/formatting" => Format(parameters),
                "textDocument/hover" => LspHover.Hover(workspace, parameters),
                "textDocument/definition" => LspDefinition.Definition(workspace, parameters),
                "textDocument/completion" => LspCompletion.Complete(workspace, parameters, insertReplace),
                // A client that takes no CodeAction literals may be sent only Command objects, and the fixes are edits: none for it.
                "textDocument/codeAction" => codeActionLiterals ? LspCodeActions.CodeActions(workspace, diagnostics, parameters) : new JsonArray(),
                "textDocument/references" => LspReferences.References(workspace, parameters),
                "textDocument/prepareRename" => LspReferences.PrepareRename(workspace, parameters),
                "textDocument/rename" => LspReferences.Rename(workspace, parameters),
                _ => throw new MethodNotFoundException(),
            };
            channel.Send(new JsonObject { ["id"] = id.DeepClone(), ["result"] = result });
        }
        catch (MethodNotFoundException)
        {
            Fail(id, MethodNotFound, $"'{method}' is not a method this server implements");
        }
        catch (LspParamsException e)
        {
            Fail(id, InvalidParams, e.Message);
        }
        catch (Exception e)
        {
            log.WriteLine($"alliance lsp: internal error in {method}: {e.GetType().Name}: {e.Message}");
            Fail(id, InternalError, $"internal error: {e.GetType().Name}: {e.Message}");
        }
    }

    private void Notify(string method, JsonNode? parameters)
    {
        if (!initialized || shuttingDown) return;
        try
        {
            switch (method)
            {
                case "textDocument/didOpen":
                    workspace.Open(LspJson.RequireString(parameters, "textDocument", "uri"), LspJson.RequireString(parameters, "textDocument", "text"), LspJson.Int(parameters, "textDocument", "version") ?? 0);
                    diagnostics.Schedule();
                    break;
                case "textDocument/didChange":
                    // Full synchronisation: the last change holds the whole text.
                    if (LspJson.At(parameters, "contentChanges") is not JsonArray { Count: > 0 } changes) throw new LspParamsException("'contentChanges' is missing or empty");
                    workspace.Change(LspJson.RequireString(parameters, "textDocument", "uri"), LspJson.RequireString(changes[^1], "text"), LspJson.Int(parameters, "textDocument", "version") ?? 0);
                    diagnostics.Schedule();
                    break;
                case "textDocument/didClose":
                    workspace.Close(LspJson.RequireString(parameters, "textDocument", "uri"));
                    diagnostics.Schedule();
                    break;
                case "textDocument/didSave":
                case "workspace/didChangeWatchedFiles":
                    // Files on disk changed: the last check no longer stands for the workspace.
                    diagnostics.Forget();
                    diagnostics.Schedule();
                    break;
            }
            // Other notifications need nothing here: $/cancelRequest was seen as it was read (Receive); initialized and configuration changes change nothing.
        }
        catch (Exception e)
        {
            // A notification has no answer: the problem goes to the log, and the server carries on.
            log.WriteLine($"alliance lsp: ignored {method}: {e.Message}");
        }
    }

    private JsonObject Initialize(JsonNode? parameters)
    {
        var rootUri = LspJson.String(parameters, "rootUri")
            ?? (LspJson.At(parameters, "workspaceFolders") is JsonArray { Count: > 0 } folders ? LspJson.String(folders[0], "uri") : null);
        workspace.Root = rootUri is not null ? LspUris.ToPath(rootUri)
            : LspJson.String(parameters, "rootPath") is { } rootPath ? InputDiscovery.RealPath(Path.GetFullPath(rootPath)) : null;
        initialized = true;
        codeActionLiterals = LspJson.At(parameters, "capabilities", "textDocument", "codeAction", "codeActionLiteralSupport") is JsonObject;
        insertReplace = LspJson.At(parameters, "capabilities", "textDocument", "completion", "completionItem", "insertReplaceSupport") is JsonValue ir && ir.TryGetValue<bool>(out var supports) && supports;
        return new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                // 'save' asks for didSave, which makes the server forget its last check and read the disk again.
                ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 1, ["save"] = new JsonObject { ["includeText"] = false } },
                ["documentFormattingProvider"] = true,
                ["hoverProvider"] = true,
                ["definitionProvider"] = true,
                ["completionProvider"] = new JsonObject { ["triggerCharacters"] = new JsonArray("$") },
                // Kinds may be named only to a client that takes CodeAction literals.
                ["codeActionProvider"] = codeActionLiterals
                    ? new JsonObject { ["codeActionKinds"] = new JsonArray("quickfix") }
                    : true,
                ["referencesProvider"] = true,
                // The object form only for a client that says it sends prepareRename.
                ["renameProvider"] = LspJson.At(parameters, "capabilities", "textDocument", "rename", "prepareSupport") is JsonValue p && p.TryGetValue<bool>(out var prepare) && prepare
                    ? new JsonObject { ["prepareProvider"] = true }
                    : true,
            },
            ["serverInfo"] = new JsonObject { ["name"] = "alliance", ["version"] = ToolVersion.Info.Version },
        };
    }

    private JsonNode? Shutdown()
    {
        shuttingDown = true;
        return null;
    }

    /// <summary>
    /// <c>alliance fmt</c> on the open buffer: one edit replacing the whole text, none when it is
    /// already canonical, and none when it does not parse (its diagnostics say why).
    /// </summary>
    private JsonArray Format(JsonNode? parameters)
    {
        var uri = LspJson.RequireString(parameters, "textDocument", "uri");
        if (LspUris.ToPath(uri) is not { } path || !(path.EndsWith(".treaty", StringComparison.Ordinal) || path.EndsWith(".events", StringComparison.Ordinal))) return [];
        var text = workspace.Get(uri)?.Text ?? (File.Exists(path) ? LspDisk.TryRead(path, LspWorkspace.Display(workspace.Root, path), isRules: path.EndsWith(".treaty", StringComparison.Ordinal)) : null);
        if (text is null) return [];
        var canonical = text.StartsWith('\uFEFF') ? text[1..] : text;
        var outcome = Formatter.Format(new SourceFile(LspWorkspace.Display(workspace.Root, path), canonical));
        if (outcome.Text is not { } formatted || !outcome.PreservesTokens || formatted == text) return [];
        // A JsonNode element: a JsonObject would pick JsonArray.Add<T>, which goes through reflection (not AOT-safe).
        return [(JsonNode)new JsonObject { ["range"] = LspJson.WholeRange(text), ["newText"] = formatted }];
    }

    private void Fail(JsonNode? id, int code, string message) =>
        channel.Send(new JsonObject { ["id"] = id?.DeepClone(), ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    private sealed class MethodNotFoundException : Exception;
}
