using AllianceRules.Cli.LanguageServer;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// The bad-input corpus (tests/corpus/README.md) through the language server: every rule file,
/// history and rule test in it is opened in an editor buffer. Checking it gives diagnostics, never
/// an exception, and the server keeps answering.
/// </summary>
[Collection("cli")]
public sealed class LanguageServerCorpusTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    private static List<string> CorpusFiles() =>
        [.. Directory.GetFiles(Path.Combine(CliHarness.RepoRoot, "tests", "corpus", "bad"), "*", SearchOption.AllDirectories)
            .Where(LspAnalysis.IsChecked)
            .Order(StringComparer.Ordinal)];

    /// <summary>One file open in an editor with no workspace folder.</summary>
    private static AnalysisResult Analyze(string path)
    {
        var document = new OpenDocument(LspUris.FromPath(path), File.ReadAllText(path), 1);
        return LspAnalysis.Analyze(new WorkspaceSnapshot(null, new Dictionary<string, OpenDocument> { [Path.GetFullPath(path)] = document }));
    }

    [Fact]
    public void Every_corpus_file_is_checked_without_an_exception_and_its_diagnostics_are_located()
    {
        var files = CorpusFiles();
        Assert.True(files.Count > 300, $"only {files.Count} corpus files were found");
        foreach (var path in files)
        {
            var result = Analyze(path);
            foreach (var diagnostic in result.ByPath.Values.SelectMany(d => d))
            {
                // Every range converts: the span lies within its file.
                Assert.InRange(diagnostic.Span.End, 0, diagnostic.File!.Text.Length);
                Assert.NotNull(System.Text.Json.Nodes.JsonNode.Parse(LspJson.Diagnostic(diagnostic).ToJsonString()));
            }
        }
    }

    [Fact]
    public async Task The_server_answers_after_every_corpus_file_is_opened_formatted_and_closed()
    {
        await using var server = LspClient.Start(cli.Directory);
        await server.Initialize(cli.Directory);
        var files = CorpusFiles();
        foreach (var path in files)
        {
            await server.Open(path, File.ReadAllText(path));
            var uri = LspClient.Uri(path);
            var edits = await server.Request("textDocument/formatting", new { textDocument = new { uri }, options = new { tabSize = 2, insertSpaces = true } });
            Assert.Equal(System.Text.Json.JsonValueKind.Array, edits.ValueKind);
            await server.Notify("textDocument/didClose", new { textDocument = new { uri } });
        }
        // The checker is still alive: a broken rule file of the corpus, opened again, gets its errors
        // (earlier publications for it, queued while the loop ran, are passed over).
        var again = files.First(f => f.EndsWith(".treaty", StringComparison.Ordinal) && Analyze(f).ByPath.Values.Any(d => d.Any(e => e.IsError)));
        await server.Open(again, File.ReadAllText(again));
        await server.Diagnostics(again, d => d.EnumerateArray().Any(e => e.GetProperty("severity").GetInt32() == 1));
        var (exit, err) = await server.ShutdownAndExit();
        Assert.Equal(0, exit);
        Assert.DoesNotContain("internal error", err, StringComparison.Ordinal);
    }
}
