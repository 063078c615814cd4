using System.Text.Json;
using StreamJsonRpc;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// The real server under random editing (issue #18): a real rule file of the repository is opened
/// and edited at random through didChange (a keyword or a character inserted, a range deleted, a
/// line duplicated), with hover, definition and formatting asked at random positions in between.
/// Every answer is a result or a proper error (never InternalError), the server stays up, and every
/// diagnostic it publishes lies inside the text of the version it names. The seeds are fixed, so a
/// failure repeats.
/// </summary>
[Collection("cli")]
public sealed class LanguageServerPropertyTests : IDisposable
{
    private const int InternalError = -32603;
    private const int Edits = 40;

    private static readonly string[] Keywords =
    [
        "rule", "treaty", "members", "verb", "when", "then", "must", "must not", "within", "forbid", "every", "where", "and", "or", "not",
        "assume", "reading", "cites", "quote", "effective", "each member", "except", "..", "{", "}", "(", ")", "[", "]", "=", "$party", "\"", "\"\"\"",
        "#", "\n", "\r\n", "\r", "\t", "2022-02-30", "9999-12-31", "😀", "\u0301", "CSTO", "ARM", "attack",
    ];

    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    public static TheoryData<int, string> Cases() => new()
    {
        { 1, "cst.treaty" },
        { 2, "vocabulary.treaty" },
        { 3, "nato.treaty" },
        { 4, "csto-charter.treaty" },
        { 5, "states.treaty" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Random_edits_and_requests_get_results_or_proper_errors_and_diagnostics_inside_the_text(int seed, string file)
    {
        foreach (var rules in Directory.GetFiles(Path.Combine(CliHarness.RepoRoot, "rules"), "*.treaty"))
        {
            cli.Write(Path.Combine("rules", Path.GetFileName(rules)), File.ReadAllText(rules));
        }
        var path = Path.Combine(cli.Directory, "rules", file);
        var random = new Random(seed);
        var text = File.ReadAllText(path);
        var texts = new Dictionary<int, string> { [1] = text };
        await using var server = LspClient.Start(cli.Directory);
        await server.Initialize(cli.Directory);
        await server.Open(path, text);
        var uri = LspClient.Uri(path);
        for (var version = 2; version <= Edits + 1; version++)
        {
            text = Edit(random, text);
            texts[version] = text;
            await server.Change(path, text, version);
            if (random.Next(3) == 0) continue;
            var lines = text.Split('\n');
            var line = random.Next(lines.Length + 2);
            var character = random.Next(2) == 0 ? random.Next(line < lines.Length ? lines[line].Length + 2 : 5) : random.Next(10_000);
            var position = new { line, character };
            (string Method, object Parameters) request = random.Next(3) switch
            {
                0 => ("textDocument/hover", new { textDocument = new { uri }, position }),
                1 => ("textDocument/definition", new { textDocument = new { uri }, position }),
                _ => ("textDocument/formatting", new { textDocument = new { uri }, options = new { tabSize = 2, insertSpaces = true } }),
            };
            var (method, parameters) = request;
            try
            {
                var result = await server.Request(method, parameters);
                if (method == "textDocument/formatting") Assert.Equal(JsonValueKind.Array, result.ValueKind);
            }
            catch (RemoteInvocationException e)
            {
                Assert.NotEqual(InternalError, e.ErrorCode);
            }
        }
        // Whatever was published on the way lies inside its version's text; the last version's diagnostics come.
        await server.Published(path, parameters =>
        {
            Assert.True(parameters.TryGetProperty("version", out var v), "publishDiagnostics for an open document carries its version");
            var of = texts[v.GetInt32()];
            foreach (var d in parameters.GetProperty("diagnostics").EnumerateArray()) Inside(of, d.GetProperty("range"));
            return v.GetInt32() == Edits + 1;
        });
        var (exit, err) = await server.ShutdownAndExit();
        Assert.Equal(0, exit);
        Assert.DoesNotContain("internal error", err, StringComparison.Ordinal);
    }

    /// <summary>One random edit: a keyword or character inserted, a range deleted, or a line duplicated.</summary>
    private static string Edit(Random random, string text)
    {
        var at = random.Next(text.Length + 1);
        switch (random.Next(4))
        {
            case 0:
                return text.Insert(at, Keywords[random.Next(Keywords.Length)]);
            case 1:
                return text.Insert(at, ((char)random.Next(32, 127)).ToString());
            case 2:
                return text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at));
            default:
                var start = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
                var end = text.IndexOf('\n', at);
                var line = end < 0 ? text[start..] + "\n" : text[start..(end + 1)];
                return text.Insert(start, line);
        }
    }

    /// <summary>A range runs forwards, on lines of the text, each end at most at its line's end (lines end at LF, CR LF or a lone CR, as LSP counts them).</summary>
    private static void Inside(string text, JsonElement range)
    {
        var lines = text.Split(["\r\n", "\r", "\n"], StringSplitOptions.None);
        var start = (range.GetProperty("start").GetProperty("line").GetInt32(), range.GetProperty("start").GetProperty("character").GetInt32());
        var end = (range.GetProperty("end").GetProperty("line").GetInt32(), range.GetProperty("end").GetProperty("character").GetInt32());
        Assert.True(start.CompareTo(end) <= 0, $"range {range} runs backwards");
        Assert.InRange(end.Item1, 0, lines.Length - 1);
        Assert.InRange(start.Item1, 0, lines.Length - 1);
        Assert.InRange(start.Item2, 0, lines[start.Item1].Length);
        Assert.InRange(end.Item2, 0, lines[end.Item1].Length);
    }
}
