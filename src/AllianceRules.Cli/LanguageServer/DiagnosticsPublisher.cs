using System.Text.Json.Nodes;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>
/// Re-checks the workspace a short while after the last change and pushes
/// <c>textDocument/publishDiagnostics</c> for every file that has diagnostics, had them last time,
/// or is open (an empty list clears the editor's). A change made meanwhile cancels the wait (and a
/// check still waiting for the one running), and the check running: the analysis takes the
/// cancellation between its steps (reading a file, the rule set and histories, each test file), and
/// a check overtaken by a later change publishes nothing. One step already under way (the engine
/// takes no token) runs to its end and its result is dropped.
/// </summary>
/// <param name="wait">What a check waits for before it starts, cancelled by the next change; null checks at once, on the caller's thread (the fuzz harness).</param>
internal sealed class DiagnosticsPublisher(LspWorkspace workspace, JsonRpcChannel channel, TextWriter log, Func<CancellationToken, Task>? wait)
{
    private readonly Lock gate = new();
    private readonly SemaphoreSlim running = new(1, 1);
    private CancellationTokenSource? pending;
    private int generation;
    private HashSet<string> published = new(StringComparer.Ordinal);
    private (WorkspaceSnapshot Snapshot, AnalysisResult Result)? latest;

    /// <summary>
    /// The last check published, when it was of the buffers <paramref name="snapshot"/> holds (an
    /// editor asks for code actions at every move of the cursor; they need not check again), else
    /// null; also null after <see cref="Forget"/>, until the next check is published.
    /// </summary>
    public AnalysisResult? LatestFor(WorkspaceSnapshot snapshot)
    {
        lock (gate)
        {
            if (latest is not { } last || last.Snapshot.Root != snapshot.Root || last.Snapshot.Open.Count != snapshot.Open.Count) return null;
            foreach (var (path, document) in snapshot.Open)
            {
                if (!last.Snapshot.Open.TryGetValue(path, out var then) || then.Text != document.Text) return null;
            }
            return last.Result;
        }
    }

    /// <summary>The debounce: a check starts this long after the last change.</summary>
    public static Func<CancellationToken, Task> Delay(TimeSpan delay) => token => Task.Delay(delay, token);

    /// <summary>
    /// Forgets the last check published: files on disk changed (a save, or the client's file
    /// watcher), which a snapshot of the buffers does not show. Call <see cref="Schedule"/> after.
    /// </summary>
    public void Forget()
    {
        lock (gate) latest = null;
    }

    public void Schedule()
    {
        CancellationToken token;
        int mine;
        lock (gate)
        {
            // Cancelled, not disposed: a check may still hold the token; the source is left to the collector.
            pending?.Cancel();
            pending = new CancellationTokenSource();
            token = pending.Token;
            mine = ++generation;
        }
        if (wait is null)
        {
            try
            {
                Check(mine, token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The harness's mode: the whole exception, so a finding can be triaged from the log.
                lock (gate) log.WriteLine($"alliance lsp: internal error while checking: {e}");
            }
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await wait(token).ConfigureAwait(false);
                // One check at a time: one that waited while another ran, and was overtaken meanwhile, never starts.
                await running.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    Check(mine, token);
                }
                finally
                {
                    running.Release();
                }
            }
            catch (OperationCanceledException)
            {
                // A later change took over.
            }
            catch (Exception e)
            {
                // A bug of ours must not take the server down: the editor keeps the last diagnostics.
                lock (gate) log.WriteLine($"alliance lsp: internal error while checking: {e.GetType().Name}: {e.Message}");
            }
        }, CancellationToken.None);
    }

    private void Check(int mine, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        var snapshot = workspace.Snapshot();
        var result = LspAnalysis.Analyze(snapshot, token);
        lock (gate)
        {
            if (mine != generation) return;
            Publish(snapshot, result);
        }
    }

    private void Publish(WorkspaceSnapshot snapshot, AnalysisResult result)
    {
        var now = new HashSet<string>(result.ByPath.Where(p => p.Value.Count > 0).Select(p => p.Key), StringComparer.Ordinal);
        var targets = new SortedSet<string>(now, StringComparer.Ordinal);
        targets.UnionWith(published);
        targets.UnionWith(snapshot.Open.Keys);
        foreach (var path in targets)
        {
            var open = snapshot.Open.GetValueOrDefault(path);
            var found = result.ByPath.GetValueOrDefault(path) ?? [];
            var parameters = new JsonObject
            {
                ["uri"] = open?.Uri ?? LspUris.FromPath(path),
                ["diagnostics"] = new JsonArray([.. found.Select(LspJson.Diagnostic)]),
            };
            if (open is not null) parameters["version"] = open.Version;
            channel.Send(new JsonObject { ["method"] = "textDocument/publishDiagnostics", ["params"] = parameters });
        }
        published = now;
        latest = (snapshot, result);
    }
}
