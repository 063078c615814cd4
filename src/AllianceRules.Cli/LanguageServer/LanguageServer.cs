using System.Text.Json.Nodes;
using AllianceRules.Formatting;
using AllianceRules.Text;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>
/// The language server's message loop: lifecycle (initialize, shutdown, exit), full document
/// synchronisation, pushed diagnostics, formatting, hover, go to definition, find references,
/// rename, completion and code actions. Requests are answered in order on this thread; checking
/// the workspace runs in the background. No message, however malformed, ends the loop: a
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

    private readonly JsonRpcChannel channel;
    private readonly TextWriter log;
    private readonly LspWorkspace workspace = new();
    private readonly DiagnosticsPublisher diagnostics;
    private bool initialized;
    private bool codeActionLiterals;
    private bool shuttingDown;

    public LanguageServer(Stream input, Stream output, TextWriter log, TimeSpan? debounce = null)
    {
        channel = new JsonRpcChannel(input, output);
        this.log = log;
        diagnostics = new DiagnosticsPublisher(workspace, channel, log, debounce ?? TimeSpan.FromMilliseconds(200));
    }

    /// <summary>Serves until <c>exit</c> or the end of input; the exit status is 0 when <c>shutdown</c> came first, else 1.</summary>
    public int Run()
    {
        while (true)
        {
            var (message, problem, ended) = channel.Read();
            if (ended) return shuttingDown ? 0 : 1;
            if (message is not JsonObject request)
            {
                Fail(null, message is null ? ParseError : InvalidRequest, message is null ? $"not JSON: {problem}" : "a message must be a JSON object");
                continue;
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
                continue;
            }
            // Responses would answer requests of ours; the server sends none.
            if (method is null)
            {
                if (id is not null && request["result"] is null && request["error"] is null) Fail(id, InvalidRequest, "a request needs a 'method'");
                continue;
            }
            if (id is null)
            {
                if (method == "exit") return shuttingDown ? 0 : 1;
                Notify(method, request["params"]);
            }
            else
            {
                Answer(id, method, request["params"]);
            }
        }
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
                "textDocument/completion" => LspCompletion.Complete(workspace, parameters),
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
            // Other notifications ($/cancelRequest, initialized, configuration changes) need nothing.
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
        return new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 1, ["save"] = false },
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
        var text = workspace.Get(uri)?.Text ?? (File.Exists(path) ? File.ReadAllText(path) : null);
        if (text is null) return [];
        var canonical = text.StartsWith('\uFEFF') ? text[1..] : text;
        var outcome = Formatter.Format(new SourceFile(LspWorkspace.Display(workspace.Root, path), canonical));
        if (outcome.Text is not { } formatted || !outcome.PreservesTokens || formatted == text) return [];
        return [new JsonObject { ["range"] = LspJson.WholeRange(text), ["newText"] = formatted }];
    }

    private void Fail(JsonNode? id, int code, string message) =>
        channel.Send(new JsonObject { ["id"] = id?.DeepClone(), ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    private sealed class MethodNotFoundException : Exception;
}
