using System.Text.Json;
using AllianceRules.Formatting;
using AllianceRules.Text;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// <c>alliance lsp</c> as an editor meets it: the real process, driven over standard input and
/// output by StreamJsonRpc. The workspace is what <c>alliance init</c> creates, which passes check
/// and lint, so every diagnostic seen is the one a test put there.
/// </summary>
[Collection("cli")]
public sealed class LanguageServerTests : InitProjectTests
{

    [Fact]
    public async Task Initialize_with_no_capabilities_advertises_only_what_is_implemented()
    {
        await using var server = LspClient.Start(Root, "--stdio");
        var result = await server.Initialize(Root);
        var capabilities = result.GetProperty("capabilities");
        Assert.Equal(
            ["codeActionProvider", "completionProvider", "definitionProvider", "documentFormattingProvider", "hoverProvider", "referencesProvider", "renameProvider", "textDocumentSync"],
            capabilities.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        // A client that does not say it sends prepareRename is told only that rename works.
        Assert.Equal(JsonValueKind.True, capabilities.GetProperty("renameProvider").ValueKind);
        Assert.Equal(1, capabilities.GetProperty("textDocumentSync").GetProperty("change").GetInt32());
        Assert.True(capabilities.GetProperty("textDocumentSync").GetProperty("openClose").GetBoolean());
        Assert.Equal("alliance", result.GetProperty("serverInfo").GetProperty("name").GetString());
        await server.Notify("initialized", new { });
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Initialize_asks_for_didSave_so_a_change_on_disk_is_checked_again()
    {
        // With 'save: false' VS Code never sent didSave, and the server never forgot its last check.
        await using var server = LspClient.Start(Root, "--stdio");
        var sync = (await server.Initialize(Root)).GetProperty("capabilities").GetProperty("textDocumentSync");
        Assert.Equal(JsonValueKind.Object, sync.GetProperty("save").ValueKind);
        Assert.False(sync.GetProperty("save").GetProperty("includeText").GetBoolean());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Initialize_with_full_capabilities_takes_the_root_from_the_workspace_folders()
    {
        await using var server = LspClient.Start(Root);
        var capabilities = JsonDocument.Parse("""
            {
              "general": { "positionEncodings": ["utf-16"] },
              "workspace": { "workspaceFolders": true, "configuration": true, "applyEdit": true },
              "textDocument": {
                "synchronization": { "dynamicRegistration": true, "willSave": true, "didSave": true },
                "publishDiagnostics": { "relatedInformation": true, "versionSupport": true, "codeDescriptionSupport": true },
                "hover": { "contentFormat": ["markdown", "plaintext"] },
                "formatting": { "dynamicRegistration": true },
                "completion": { "completionItem": { "snippetSupport": true } },
                "definition": { "linkSupport": true },
                "rename": { "prepareSupport": true }
              },
              "window": { "workDoneProgress": true }
            }
            """).RootElement;
        var result = await server.Request("initialize", new
        {
            processId = Environment.ProcessId,
            clientInfo = new { name = "test", version = "1" },
            capabilities,
            workspaceFolders = new[] { new { uri = LspClient.Uri(Root), name = "project" } },
            trace = "off",
        });
        Assert.Equal("[\"$\"]", result.GetProperty("capabilities").GetProperty("completionProvider").GetProperty("triggerCharacters").GetRawText());
        // This client takes no CodeAction literals, so no kinds are named to it.
        Assert.True(result.GetProperty("capabilities").GetProperty("codeActionProvider").GetBoolean());
        Assert.True(result.GetProperty("capabilities").GetProperty("renameProvider").GetProperty("prepareProvider").GetBoolean());
        await server.Notify("initialized", new { });
        // The rule file uses verbs declared in rules/vocabulary.treaty, on disk: no error means the Root was read.
        await server.Open(Pact, PactText);
        Assert.Equal(0, (await server.Diagnostics(Pact)).GetArrayLength());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task An_error_is_published_exactly_as_check_reports_it_and_cleared_when_fixed()
    {
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        var broken = PactText.Replace("signed 2020-01-01", "signed 2020-13-01", StringComparison.Ordinal);
        await server.Open(Pact, broken);
        var diagnostic = Assert.Single((await server.Diagnostics(Pact)).EnumerateArray());
        Assert.Equal("AR1001", diagnostic.GetProperty("code").GetString());
        Assert.Equal("'2020-13-01' is not a real calendar date (there is no month 13)", diagnostic.GetProperty("message").GetString());
        Assert.Equal(1, diagnostic.GetProperty("severity").GetInt32());
        Assert.Equal("""{"start":{"line":3,"character":9},"end":{"line":3,"character":19}}""", diagnostic.GetProperty("range").GetRawText());
        // The command line says the same of that text on disk, at line 4, column 10.
        File.WriteAllText(Pact, broken);
        var check = Cli.Run("check", "project");
        File.WriteAllText(Pact, PactText);
        Assert.Contains("project/rules/pact.treaty:4:10: error AR1001: '2020-13-01' is not a real calendar date (there is no month 13)", check.Err.Replace('\\', '/'), StringComparison.Ordinal);

        await server.Change(Pact, PactText, 2);
        Assert.Equal(0, (await server.Diagnostics(Pact)).GetArrayLength());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task A_lint_finding_is_a_warning()
    {
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        var text = PactText.Replace("  assume prompt", "  assume spare = 5 days \"Unused.\"\n  assume prompt", StringComparison.Ordinal);
        await server.Open(Pact, text);
        var diagnostic = Assert.Single((await server.Diagnostics(Pact)).EnumerateArray());
        Assert.Equal("AR6001", diagnostic.GetProperty("code").GetString());
        Assert.Equal("'assume spare' of treaty 'PACT' is never used: no 'within', 'every' or 'there was' of its rules names it", diagnostic.GetProperty("message").GetString());
        Assert.Equal(2, diagnostic.GetProperty("severity").GetInt32());
        Assert.Equal("""{"start":{"line":12,"character":9},"end":{"line":12,"character":14}}""", diagnostic.GetProperty("range").GetRawText());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task History_columns_count_utf16_code_units_and_test_files_are_parsed()
    {
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        var history = Path.Combine(Root, "histories", "example.events");
        var line = "2022-09-13 AZE attack ARM source=\"😀😀\" \"x\" 2022-99-01";
        await server.Open(history, $"as of 2022-12-31\n{line}\n");
        var diagnostic = Assert.Single((await server.Diagnostics(history)).EnumerateArray());
        Assert.Equal("AR2001", diagnostic.GetProperty("code").GetString());
        // Two emoji are four UTF-16 code units: the error starts at 44, not at the 42nd code point.
        Assert.Equal(44, line.IndexOf("2022-99-01", StringComparison.Ordinal));
        Assert.Equal("""{"start":{"line":1,"character":44},"end":{"line":1,"character":54}}""", diagnostic.GetProperty("range").GetRawText());

        var test = Path.Combine(Root, "tests", "pact.test");
        await server.Open(test, "test \"splendid\"\n  rules \"../rules\"\n  history \"../histories\"\n  expect PACT.art4 KAZ 2022-09-14 splendid\nend\n");
        // As 'alliance test' says: the expectation that does not parse, and so a test with none.
        var errors = (await server.Diagnostics(test)).EnumerateArray().ToList();
        Assert.Equal(["AR2001", "AR5003"], errors.Select(e => e.GetProperty("code").GetString()).Order(StringComparer.Ordinal));
        var error = errors.Single(e => e.GetProperty("code").GetString() == "AR2001");
        Assert.Equal("unexpected 'splendid'; expected a status: fulfilled, violated, pending, discharged, excused or indeterminate", error.GetProperty("message").GetString());
        Assert.Equal("""{"start":{"line":3,"character":34},"end":{"line":3,"character":42}}""", error.GetProperty("range").GetRawText());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Formatting_is_fmt_as_one_edit_and_nothing_when_canonical_or_unparsable()
    {
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        var untidy = PactText.Replace("  signed 2020-01-01", "      signed    2020-01-01", StringComparison.Ordinal);
        await server.Open(Pact, untidy);
        var edit = Assert.Single((await Format(server, Pact)).EnumerateArray());
        Assert.Equal(PactText, edit.GetProperty("newText").GetString());
        Assert.Equal(Formatter.Format(new SourceFile("pact.treaty", untidy)).Text, edit.GetProperty("newText").GetString());
        var lines = untidy.Split('\n');
        Assert.Equal("{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":" + (lines.Length - 1) + ",\"character\":" + lines[^1].Length + "}}", edit.GetProperty("range").GetRawText());

        await server.Change(Pact, PactText, 2);
        Assert.Equal(0, (await Format(server, Pact)).GetArrayLength());
        await server.Change(Pact, "treaty PACT \"unfinished\" {\n  signed", 3);
        Assert.Equal(0, (await Format(server, Pact)).GetArrayLength());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Unknown_methods_early_requests_and_bad_parameters_get_errors_and_the_server_stays_up()
    {
        await using var server = LspClient.Start(Root);
        var early = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => Format(server, Pact));
        Assert.Equal(-32002, (int)Assert.IsType<RemoteInvocationException>(early).ErrorCode);
        await server.Initialize(Root);
        var unknown = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => server.Request("textDocument/semanticTokens/full", new { textDocument = new { uri = LspClient.Uri(Pact) } }));
        Assert.Equal(JsonRpcErrorCode.MethodNotFound, unknown.ErrorCode);
        var bad = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => server.Request("textDocument/formatting", new { textDocument = 3 }));
        Assert.Equal(JsonRpcErrorCode.InvalidParams, bad.ErrorCode);
        var again = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => server.Initialize(Root));
        Assert.Equal(JsonRpcErrorCode.InvalidRequest, again.ErrorCode);
        await server.Notify("textDocument/didOpen", new { textDocument = "nonsense" });
        await server.Notify("workspace/didChangeConfiguration", new { settings = new { } });
        Assert.Equal(0, (await Format(server, Pact)).GetArrayLength());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Exit_without_shutdown_is_status_1()
    {
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        Assert.Equal(1, (await server.ShutdownAndExit(shutdown: false)).Exit);
    }

    [Fact]
    public async Task The_end_of_input_without_shutdown_is_status_1()
    {
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        server.CloseInput();
        Assert.Equal(1, (await server.Exited()).Exit);
    }

    [Fact]
    public void Help_says_what_the_server_provides()
    {
        var (exit, output, _) = Cli.Run("lsp", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("Language Server Protocol", output, StringComparison.Ordinal);
        foreach (var feature in new[] { "formatting", "hover", "find references", "rename", "completion", "quick fixes" })
        {
            Assert.Contains(feature, output, StringComparison.Ordinal);
        }
    }

    private static Task<JsonElement> Format(LspClient server, string path) =>
        server.Request("textDocument/formatting", new { textDocument = new { uri = LspClient.Uri(path) }, options = new { tabSize = 2, insertSpaces = true } });
}
