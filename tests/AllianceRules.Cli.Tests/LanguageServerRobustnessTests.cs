using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamJsonRpc;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// The language server under stale work and odd workspaces (issue #18): cancelled requests, a burst
/// of edits, a FIFO among the rule files, and what a .test file's names bind to.
/// </summary>
[Collection("cli")]
public sealed class LanguageServerRobustnessTests : InitProjectTests
{

    [Fact]
    public void A_request_cancelled_while_it_waits_is_answered_RequestCancelled_and_one_already_answered_is_not()
    {
        var output = new CapturingStream();
        var server = new AllianceRules.Cli.LanguageServer.LanguageServer(Stream.Null, output, new StringWriter(), wait: _ => new TaskCompletionSource().Task);
        Assert.Null(server.Handle(Request(1, "initialize", new JsonObject { ["rootUri"] = LspClient.Uri(Root), ["capabilities"] = new JsonObject() })));
        var hover = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LspClient.Uri(Pact) }, ["position"] = new JsonObject { ["line"] = 0, ["character"] = 0 } };
        // As the reader thread sees them: request 2, its cancellation, request 3, then a cancellation of request 1, answered already.
        JsonNode[] burst = [Request(2, "textDocument/hover", hover.DeepClone()), Cancel(2), Request(3, "textDocument/hover", hover.DeepClone()), Cancel(1)];
        foreach (var message in burst) server.Receive(message);
        foreach (var message in burst) Assert.Null(server.Dispatch(message, null));
        var answers = output.Messages().Where(m => m["id"] is not null).ToList();
        Assert.Equal([1, 2, 3], answers.Select(m => (int)m["id"]!));
        Assert.Equal(-32800, (int)answers[1]["error"]!["code"]!);
        Assert.True(answers[2].ContainsKey("result"));
    }

    [Fact]
    public async Task A_cancelled_request_gets_its_answer_or_RequestCancelled_and_the_server_stays_up()
    {
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(Pact, PactText);
        // Which of the two comes back depends on whether the cancellation was read before the request's turn.
        var hover = server.Request("textDocument/hover", new { textDocument = new { uri = LspClient.Uri(Pact) }, position = new { line = 0, character = 0 } });
        await server.Notify("$/cancelRequest", new { id = 2 });
        try
        {
            await hover;
        }
        catch (RemoteInvocationException e)
        {
            Assert.Equal(-32800, e.ErrorCode);
        }
        Assert.Equal(JsonValueKind.Array, (await server.Request("textDocument/formatting", new { textDocument = new { uri = LspClient.Uri(Pact) }, options = new { tabSize = 2, insertSpaces = true } })).ValueKind);
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public void A_burst_of_changes_publishes_the_diagnostics_of_the_last_version_only()
    {
        var output = new CapturingStream();
        // The checks wait for a signal the test gives, not for a time: every check but the last is overtaken before it.
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new AllianceRules.Cli.LanguageServer.LanguageServer(Stream.Null, output, new StringWriter(), wait: token => go.Task.WaitAsync(token));
        server.Handle(Request(1, "initialize", new JsonObject { ["rootUri"] = LspClient.Uri(Root), ["capabilities"] = new JsonObject() }));
        var uri = LspClient.Uri(Pact);
        server.Handle(Notification("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "treaty", ["version"] = 1, ["text"] = PactText } }));
        for (var version = 2; version <= 12; version++)
        {
            // Each version breaks the signing date in its own way; the last one, month 12+1.
            var text = PactText.Replace("signed 2020-01-01", $"signed 2020-{version + 1}-01", StringComparison.Ordinal);
            server.Handle(Notification("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
                ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
            }));
        }
        go.SetResult();
        var published = output.WaitFor(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == uri, LspClient.Patience);
        var parameters = published["params"]!;
        Assert.Equal(12, (int)parameters["version"]!);
        var diagnostic = Assert.Single(parameters["diagnostics"]!.AsArray());
        Assert.Equal("'2020-13-01' is not a real calendar date (there is no month 13)", (string?)diagnostic!["message"]);
        Assert.Single(output.Messages(), m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == uri);
    }

    [Fact]
    public async Task A_diagnostic_after_a_lone_CR_was_placed_past_the_end_of_the_line_before()
    {
        // An editor counts a lone CR as a line break, as LSP says; the command line counts LF only.
        var text = PactText.Replace("\n  signed 2020-01-01", "\r  signed 2020-13-01", StringComparison.Ordinal);
        Assert.NotEqual(PactText, text);
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(Pact, text);
        var diagnostic = Assert.Single((await server.Diagnostics(Pact)).EnumerateArray());
        Assert.Equal("AR1001", diagnostic.GetProperty("code").GetString());
        Assert.Equal("""{"start":{"line":3,"character":9},"end":{"line":3,"character":19}}""", diagnostic.GetProperty("range").GetRawText());
        // Hover reads positions the same way: line 7 is ARM's (counting LF only, it was KAZ's).
        var hover = await server.Request("textDocument/hover", new { textDocument = new { uri = LspClient.Uri(Pact) }, position = new { line = 7, character = 4 } });
        Assert.Contains("`ARM`", hover.GetProperty("contents").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task A_fifo_named_treaty_hung_check()
    {
        if (OperatingSystem.IsWindows()) return;
        Cli.Write("project/rules/pipe.treaty", string.Empty);
        MakeFifo(Path.Combine(Root, "rules", "pipe.treaty"));
        // A hang fails the test (a TimeoutException) rather than stopping the run.
        var (exit, _, err) = await Task.Run(() => Cli.Run("check", "project")).WaitAsync(LspClient.Patience);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("pipe.treaty", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_named_treaty_hung_the_language_server()
    {
        if (OperatingSystem.IsWindows()) return;
        Cli.Write("project/rules/pipe.treaty", string.Empty);
        MakeFifo(Path.Combine(Root, "rules", "pipe.treaty"));
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(Pact, PactText);
        Assert.Equal(0, (await server.Diagnostics(Pact)).GetArrayLength());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task A_fifo_named_in_a_test_file_hung_the_diagnostics_worker()
    {
        if (OperatingSystem.IsWindows()) return;
        Cli.Write("project/rules/pipe.treaty", string.Empty);
        MakeFifo(Path.Combine(Root, "rules", "pipe.treaty"));
        var test = Path.Combine(Root, "tests", "pipe.test");
        var text = "test \"pipe\"\n  rules \"../rules/pipe.treaty\"\n  history \"../histories\"\n  expect PACT.art4 KAZ 2022-09-14 fulfilled\nend\n";
        File.WriteAllText(test, text);
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(test, text);
        var found = Assert.Single((await server.Diagnostics(test)).EnumerateArray());
        Assert.Equal("AR9003", found.GetProperty("code").GetString());
        Assert.Contains("not a regular file", found.GetProperty("message").GetString(), StringComparison.Ordinal);
        // The worker is still there: a later change is published.
        await server.Open(Pact, PactText + "\n@@@\n");
        await server.Diagnostics(Pact, d => d.GetArrayLength() > 0);
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public void A_gzip_history_within_the_whole_file_limit_decompressed_without_bound()
    {
        // 4 MB of text in a few KB of gzip, against a limit of 1 MB: the limit holds for what comes out.
        var text = string.Concat(Enumerable.Repeat("2022-09-13 AZE attack ARM \"x\"\n", 4 << 20 >> 5));
        var compressed = new MemoryStream();
        using (var zip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }
        var bytes = compressed.ToArray();
        Assert.True(bytes.Length < 1 << 20);
        var e = Assert.Throws<DecompressedTooLargeException>(() => InputText.Decode("big.events.gz", bytes, limit: 1 << 20));
        var reported = ReadFailure.Report("histories/big.events.gz", e);
        Assert.Equal("AR9020", reported.Code);
        Assert.Contains("decompresses to more than 1,048,576 bytes", reported.Message, StringComparison.Ordinal);
        // Within the limit, the text is all there.
        Assert.Equal(text, InputText.Decode("big.events.gz", bytes, limit: 8 << 20));
    }

    [Fact]
    public async Task A_test_naming_a_folder_above_the_root_bound_only_the_workspace_rules()
    {
        Cli.Write("other/extra.treaty", "treaty OTHER \"Another pact\" {\n  signed 2020-01-01\n  source \"x\"\n\n  members {\n    ARM 2020-01-01 ..\n  }\n\n  rule r1 \"No force\" {\n    kind nonaggression\n    cites \"Article 1\"\n    quote \"No force.\"\n    forbid $a attack $b where $a is member and $b is member\n  }\n}\n");
        var test = Path.Combine(Root, "tests", "above.test");
        var text = "test \"above\"\n  rules \"../..\"\n  history \"../histories\"\n  expect OTHER.r1 ARM 2022-09-14 fulfilled\nend\n";
        File.WriteAllText(test, text);
        // alliance test reads every rule file under the folder, the other treaty's too.
        var (_, _, err) = Cli.Run("test", "project/tests/above.test");
        Assert.DoesNotContain("AR5008", err, StringComparison.Ordinal);
        Assert.DoesNotContain("AR3033", err, StringComparison.Ordinal);
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(test, text);
        Assert.Equal(0, (await server.Diagnostics(test)).GetArrayLength());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public void A_normal_exit_logged_standard_input_failed_cannot_access_a_disposed_object()
    {
        var input = new DisposedAfterMessagesStream(Frame(Request(1, "initialize", new JsonObject { ["rootUri"] = LspClient.Uri(Root), ["capabilities"] = new JsonObject() })) + Frame(Request(2, "shutdown", new JsonObject())) + Frame(Notification("exit", new JsonObject())));
        var log = new StringWriter();
        var server = new AllianceRules.Cli.LanguageServer.LanguageServer(input, new CapturingStream(), log, wait: null);
        Assert.Equal(0, server.Run());
        // As 'alliance lsp' disposes standard input once Run returns: the reader thread's next read fails.
        input.Dispose();
        Assert.True(input.Thrown.Wait(LspClient.Patience));
        Thread.Sleep(200);
        lock (log) Assert.Equal(string.Empty, log.ToString());
    }

    [Fact]
    public void A_lone_CR_was_not_a_line_start_for_history_completion_and_a_tsv_was_read_with_the_events_syntax()
    {
        var text = "2022-09-13 AZE attack ARM \"x\"\r2022-09-14 ";
        var context = AllianceRules.Cli.LanguageServer.CompletionContext.InHistory(text, text.Length);
        Assert.NotNull(context);
        Assert.DoesNotContain("attack", context.LineWords);
        Assert.DoesNotContain("AZE", context.LineWords);
        // A dataset's file is not the .events syntax: the code actions' own-syntax fallback reads nothing of it.
        var tsv = Cli.Write("project/histories/data.tsv", "20220913\tAZE\tARM\t190\n20220914\tRUS\tUKR\t190\n");
        var snapshot = new AllianceRules.Cli.LanguageServer.WorkspaceSnapshot(Root, new Dictionary<string, AllianceRules.Cli.LanguageServer.OpenDocument>(StringComparer.Ordinal));
        Assert.Empty(AllianceRules.Cli.LanguageServer.LspCodeActions.OwnSyntax(snapshot, tsv) ?? []);
    }

    [Fact]
    public void The_reader_thread_read_ahead_without_bound_while_answers_waited()
    {
        var messages = string.Concat(Enumerable.Range(1, 1000).Select(i => Frame(Request(i, "shutdown", new JsonObject()))));
        var input = new TrickleStream(Encoding.UTF8.GetBytes(messages));
        var output = new GatedStream();
        var server = new AllianceRules.Cli.LanguageServer.LanguageServer(input, output, new StringWriter(), wait: null);
        var run = new Thread(() => server.Run()) { IsBackground = true };
        run.Start();
        // The first answer waits on the gate: the reader reads ahead until the inbox is full, and then waits too.
        long last = -1;
        for (var i = 0; i < 100 && input.Consumed != last; i++)
        {
            last = input.Consumed;
            Thread.Sleep(100);
        }
        Assert.True(input.Consumed < messages.Length / 2, $"read {input.Consumed} of {messages.Length} bytes ahead");
        output.Open.Set();
        Assert.True(run.Join(LspClient.Patience));
    }

    [Fact]
    public async Task A_test_file_gets_what_alliance_test_reports_before_it_runs_unknown_names_and_missing_paths()
    {
        var test = Path.Combine(Root, "tests", "pact.test");
        var text = File.ReadAllText(test)
            .Replace("expect PACT.art4 RUS", "expect PACT.art44 RUS", StringComparison.Ordinal)
            .Replace("expect summary PACT KAZ", "expect summary PAKT KAZ", StringComparison.Ordinal)
            + "\ntest \"elsewhere\"\n  rules \"../nowhere\"\n  history \"../histories\"\n  expect PACT.art4 KAZ 2022-09-14 fulfilled\nend\n";
        // The command line says it too (AR5004 stops the second test; the first reports its unknown names).
        File.WriteAllText(test, text);
        var (exit, _, err) = Cli.Run("test", "project/tests");
        Assert.Equal(2, exit);
        Assert.Contains("error AR5008: no rule 'PACT.art44' in the rules this test reads", err, StringComparison.Ordinal);

        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(test, text);
        var found = (await server.Diagnostics(test)).EnumerateArray().ToList();
        Assert.Equal(["AR5004", "AR5008", "AR5008"], found.Select(d => d.GetProperty("code").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains(found, d => d.GetProperty("message").GetString()!.StartsWith("no rule 'PACT.art44' in the rules this test reads", StringComparison.Ordinal));
        Assert.Contains(found, d => d.GetProperty("message").GetString()!.StartsWith("no treaty 'PAKT' in the rules this test reads", StringComparison.Ordinal));
        // An open rule buffer is what the test binds to: with art44 declared there, only the others remain.
        await server.Open(Pact, PactText.Replace("rule art4 ", "rule art44 ", StringComparison.Ordinal));
        await server.Diagnostics(test, d => d.EnumerateArray().Any(e => e.GetProperty("message").GetString()!.StartsWith("no rule 'PACT.art4'", StringComparison.Ordinal)));
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Compressed_and_csv_histories_in_the_folder_are_checked_as_check_checks_them()
    {
        var csv = Cli.Write("project/histories/extra.csv", "date,actor,verb,target\n2022-09-13,AZE,atack,ARM\n");
        using (var gz = File.Create(Path.Combine(Root, "histories", "more.events.gz")))
        using (var zip = new System.IO.Compression.GZipStream(gz, System.IO.Compression.CompressionLevel.Fastest))
        {
            zip.Write(Encoding.UTF8.GetBytes("2022-09-13 AZE atack ARM \"x\"\n"));
        }
        var check = Cli.Run("check", "project");
        Assert.Equal(2, check.Exit);
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(Pact, PactText);
        var inCsv = Assert.Single((await server.Diagnostics(csv)).EnumerateArray());
        Assert.Equal("AR4001", inCsv.GetProperty("code").GetString());
        Assert.Contains($"project/histories/extra.csv:2:", check.Err, StringComparison.Ordinal);
        var inGz = Assert.Single((await server.Diagnostics(Path.Combine(Root, "histories", "more.events.gz"))).EnumerateArray());
        Assert.Equal("AR4001", inGz.GetProperty("code").GetString());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    private static string Frame(JsonNode message)
    {
        var json = message.ToJsonString();
        return $"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}";
    }

    /// <summary>Standard input as the server's reader thread sees it when the process disposes it: the messages, then a read that waits, and fails once the stream is disposed.</summary>
    private sealed class DisposedAfterMessagesStream(string messages) : Stream
    {
        private readonly MemoryStream bytes = new(Encoding.UTF8.GetBytes(messages));
        private readonly ManualResetEventSlim disposed = new();

        public ManualResetEventSlim Thrown { get; } = new();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = bytes.Read(buffer, offset, count);
            if (n > 0) return n;
            disposed.Wait();
            Thrown.Set();
            throw new ObjectDisposedException(nameof(Stream));
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            disposed.Set();
            base.Dispose(disposing);
        }
    }

    /// <summary>Input given out a few bytes a read, counting what was taken.</summary>
    private sealed class TrickleStream(byte[] bytes) : Stream
    {
        private long consumed;

        public long Consumed => Interlocked.Read(ref consumed);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var at = (int)Consumed;
            var n = Math.Min(Math.Min(count, 64), bytes.Length - at);
            Array.Copy(bytes, at, buffer, offset, n);
            Interlocked.Add(ref consumed, n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Output whose writes wait until the test opens it: a client slow to read the answers.</summary>
    private sealed class GatedStream : Stream
    {
        public ManualResetEventSlim Open { get; } = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush() => Open.Wait();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Open.Wait();
    }

    private static void MakeFifo(string path)
    {
        File.Delete(path);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { path } })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static JsonObject Request(int id, string method, JsonNode parameters) => new() { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters };

    private static JsonObject Notification(string method, JsonNode parameters) => new() { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters };

    private static JsonObject Cancel(int id) => Notification("$/cancelRequest", new JsonObject { ["id"] = id });

    /// <summary>The server's output, kept whole; written by the message thread and the checker's.</summary>
    private sealed class CapturingStream : Stream
    {
        private readonly Lock gate = new();
        private readonly MemoryStream bytes = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (gate) bytes.Write(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        /// <summary>The messages written so far, unframed.</summary>
        public List<JsonObject> Messages()
        {
            string text;
            lock (gate) text = Encoding.UTF8.GetString(bytes.ToArray());
            var messages = new List<JsonObject>();
            var at = 0;
            while (text.IndexOf("\r\n\r\n", at, StringComparison.Ordinal) is var end and >= 0)
            {
                var length = int.Parse(text[(at + "Content-Length: ".Length)..end], System.Globalization.CultureInfo.InvariantCulture);
                // The bodies are ASCII-safe here only if counted in bytes: re-encode to find the end.
                var body = Encoding.UTF8.GetBytes(text[(end + 4)..]);
                var json = Encoding.UTF8.GetString(body, 0, length);
                messages.Add(JsonNode.Parse(json)!.AsObject());
                at = end + 4 + json.Length;
            }
            return messages;
        }

        /// <summary>Waits (polling; the wait is not what is tested) for a message that <paramref name="wanted"/> accepts.</summary>
        public JsonObject WaitFor(Func<JsonObject, bool> wanted, TimeSpan patience)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                if (Messages().FirstOrDefault(wanted) is { } found) return found;
                Assert.True(clock.Elapsed < patience, "the message never came");
                Thread.Sleep(20);
            }
        }
    }
}
