using System.Text.Json;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// Hover in rule files over the real server: verbs, party codes (with frozen spells), rule ids,
/// readings and assumptions, each said from the workspace's rule set, with the name's range.
/// </summary>
[Collection("cli")]
public sealed class LanguageServerHoverTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Hover_tells_what_a_verb_party_rule_and_assumption_are()
    {
        var root = Path.Combine(cli.Directory, "project");
        Assert.Equal(0, cli.Run("init", "project").Exit);
        var pact = Path.Combine(root, "rules", "pact.treaty");
        var lines = File.ReadAllLines(pact);
        await using var server = LspClient.Start(root);
        await server.Initialize(root);

        var verb = await Hover(server, pact, lines, "and there was $aggressor attack", "attack");
        Assert.Equal("**verb** `attack`: uses armed force against\n\nCAMEO 18, 19, 20", Text(verb));
        var line = Array.FindIndex(lines, l => l.Contains("and there was $aggressor attack", StringComparison.Ordinal));
        var at = lines[line].IndexOf("attack", StringComparison.Ordinal);
        var range = verb.GetProperty("range");
        Assert.Equal((line, at, line, at + 6), (range.GetProperty("start").GetProperty("line").GetInt32(), range.GetProperty("start").GetProperty("character").GetInt32(), range.GetProperty("end").GetProperty("line").GetInt32(), range.GetProperty("end").GetProperty("character").GetInt32()));

        Assert.Equal("**party** `ARM`: member of\n- `PACT`: 2020-01-01 ..", Text(await Hover(server, pact, lines, "ARM 2020-01-01", "ARM")));
        Assert.Equal("**assume** `PACT.prompt`\n\n= 30 days: The article names no deadline; 30 days is assumed.", Text(await Hover(server, pact, lines, "must assist $victim within prompt", "prompt")));
        Assert.Equal(
            "**rule** `PACT.art1` — No force among the parties\n\nkind: nonaggression\n\ncites: Article 1\n\n> The Parties shall refrain from the threat or use of force against one another.\n\neffective: whenever the treaty is in force",
            Text(await Hover(server, pact, lines, "rule art1", "art1")));
        // Keywords, comments and blank space say nothing.
        Assert.Equal(JsonValueKind.Null, (await Hover(server, pact, lines, "kind nonaggression", "kind")).ValueKind);
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Hover_in_the_bundled_rules_shows_frozen_spells_and_reading_options()
    {
        var root = Path.Combine(CliHarness.RepoRoot, "rules");
        var cst = Path.Combine(root, "cst.treaty");
        var lines = File.ReadAllLines(cst);
        await using var server = LspClient.Start(cli.Directory);
        await server.Initialize(root);
        var party = Text(await Hover(server, cst, lines, "    ARM 1994-04-20", "ARM"));
        Assert.Contains("\n- `CST`: 1994-04-20 .. 1999-04-21 if reading start is entry; ", party, StringComparison.Ordinal);
        Assert.EndsWith("2024-02-22 .. (frozen)", party.Split('\n').Single(l => l.StartsWith("- `CST`", StringComparison.Ordinal)), StringComparison.Ordinal);
        var reading = Text(await Hover(server, cst, lines, "reading start \"", "start"));
        Assert.StartsWith("**reading** `CST.start` — When a State's membership begins\n\nOptions:\n- `entry` (default): ", reading, StringComparison.Ordinal);
        Assert.Contains("\n- `signature`: ", reading, StringComparison.Ordinal);
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Definition_goes_to_where_a_name_is_declared_in_any_rule_file()
    {
        var root = Path.Combine(cli.Directory, "project");
        Assert.Equal(0, cli.Run("init", "project").Exit);
        var pact = Path.Combine(root, "rules", "pact.treaty");
        var vocabulary = Path.Combine(root, "rules", "vocabulary.treaty");
        var lines = File.ReadAllLines(pact);
        await using var server = LspClient.Start(root);
        await server.Initialize(root);

        var verb = Assert.Single((await At(server, "textDocument/definition", pact, lines, "must assist $victim", "assist")).EnumerateArray());
        Assert.Equal(LspClient.Uri(vocabulary), verb.GetProperty("uri").GetString());
        var vocabularyLines = File.ReadAllLines(vocabulary);
        var line = Array.FindIndex(vocabularyLines, l => l.Contains("verb assist", StringComparison.Ordinal));
        var character = vocabularyLines[line].IndexOf("assist", StringComparison.Ordinal);
        Assert.Equal("{\"start\":{\"line\":" + line + ",\"character\":" + character + "},\"end\":{\"line\":" + line + ",\"character\":" + (character + 6) + "}}", verb.GetProperty("range").GetRawText());

        var assumption = Assert.Single((await At(server, "textDocument/definition", pact, lines, "within prompt", "prompt")).EnumerateArray());
        Assert.Equal(LspClient.Uri(pact), assumption.GetProperty("uri").GetString());
        Assert.Equal(Array.FindIndex(lines, l => l.Contains("assume prompt", StringComparison.Ordinal)), assumption.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Hover_and_definition_on_a_history_line_tell_the_verb_and_what_the_event_did()
    {
        var root = Path.Combine(cli.Directory, "project");
        Assert.Equal(0, cli.Run("init", "project").Exit);
        var history = Path.Combine(root, "histories", "example.events");
        var vocabulary = Path.Combine(root, "rules", "vocabulary.treaty");
        var lines = File.ReadAllLines(history);
        await using var server = LspClient.Start(root);
        await server.Initialize(root);

        var request = await Hover(server, history, lines, "ARM request PACT", "request");
        Assert.Equal(
            "**verb** `request`: requests military assistance from\n\nCAMEO 0232, 0234\n\n---\n\n"
            + "In the workspace's evaluation (as of 2022-12-31), this event:\n- triggers `PACT.art4#1`: KAZ fulfilled on 2022-09-20\n- triggers `PACT.art4#2`: RUS violated on 2022-10-15",
            Text(request));
        var line = Array.FindIndex(lines, l => l.Contains("ARM request PACT", StringComparison.Ordinal));
        var at = lines[line].IndexOf("request", StringComparison.Ordinal);
        Assert.Equal("{\"start\":{\"line\":" + line + ",\"character\":" + at + "},\"end\":{\"line\":" + line + ",\"character\":" + (at + 7) + "}}", request.GetProperty("range").GetRawText());
        Assert.Equal(
            "**party** `KAZ`: member of\n- `PACT`: 2020-01-01 ..\n\n---\n\n"
            + "In the workspace's evaluation (as of 2022-12-31), this event:\n- decides `PACT.art4#1`: KAZ fulfilled on 2022-09-20",
            Text(await Hover(server, history, lines, "KAZ assist", "KAZ")));
        Assert.EndsWith("this event:\n- triggers and decides no obligation", Text(await Hover(server, history, lines, "AZE attack", "attack")), StringComparison.Ordinal);
        // The date, the attributes and the description name nothing.
        Assert.Equal(JsonValueKind.Null, (await Hover(server, history, lines, "2022-09-20 KAZ", "2022")).ValueKind);

        var verb = Assert.Single((await At(server, "textDocument/definition", history, lines, "KAZ assist", "assist")).EnumerateArray());
        Assert.Equal(LspClient.Uri(vocabulary), verb.GetProperty("uri").GetString());
        var vocabularyLines = File.ReadAllLines(vocabulary);
        var declared = Array.FindIndex(vocabularyLines, l => l.Contains("verb assist", StringComparison.Ordinal));
        var character = vocabularyLines[declared].IndexOf("assist", StringComparison.Ordinal);
        Assert.Equal("{\"start\":{\"line\":" + declared + ",\"character\":" + character + "},\"end\":{\"line\":" + declared + ",\"character\":" + (character + 6) + "}}", verb.GetProperty("range").GetRawText());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Hover_on_a_history_line_of_a_workspace_with_errors_names_the_error_that_stopped_the_evaluation()
    {
        var root = Path.Combine(cli.Directory, "project");
        Assert.Equal(0, cli.Run("init", "project").Exit);
        var history = Path.Combine(root, "histories", "example.events");
        File.AppendAllText(history, "2022-09-21 RUS asist ARM\n");
        var lines = File.ReadAllLines(history);
        await using var server = LspClient.Start(root);
        await server.Initialize(root);
        Assert.Equal(
            "**verb** `assist`: provides military assistance to\n\nCAMEO 072, 074\n\n---\n\nWhat this event did cannot be shown: the workspace's evaluation stopped at AR4001 (histories/example.events:6:16): unknown verb 'asist': no vocabulary of the rule set declares it; did you mean 'assist'?",
            Text(await Hover(server, history, lines, "KAZ assist", "assist")));
        Assert.Equal("**verb** `asist`: no vocabulary declares it.\n\n---\n\nWhat this event did cannot be shown: the workspace's evaluation stopped at AR4001 (histories/example.events:6:16): unknown verb 'asist': no vocabulary of the rule set declares it; did you mean 'assist'?", Text(await Hover(server, history, lines, "RUS asist", "asist")));
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public void History_hover_evaluates_once_per_workspace_generation()
    {
        var root = Path.Combine(cli.Directory, "project");
        Assert.Equal(0, cli.Run("init", "project").Exit);
        var history = Path.Combine(root, "histories", "example.events");
        var lines = File.ReadAllLines(history);
        var line = Array.FindIndex(lines, l => l.Contains("KAZ assist", StringComparison.Ordinal));
        var character = lines[line].IndexOf("KAZ", StringComparison.Ordinal) + 1;
        var workspace = new AllianceRules.Cli.LanguageServer.LspWorkspace { Root = AllianceRules.Cli.LanguageServer.LspUris.ToPath(LspClient.Uri(root)) };
        var parameters = System.Text.Json.Nodes.JsonNode.Parse($"{{\"textDocument\":{{\"uri\":\"{LspClient.Uri(history)}\"}},\"position\":{{\"line\":{line},\"character\":{character}}}}}");
        string Hover() => AllianceRules.Cli.LanguageServer.LspHover.Hover(workspace, parameters)!["contents"]!["value"]!.GetValue<string>();

        var before = AllianceRules.Cli.LanguageServer.LspHistoryHover.Evaluations;
        var first = Hover();
        Assert.Contains("- decides `PACT.art4#1`: KAZ fulfilled on 2022-09-20", first, StringComparison.Ordinal);
        Assert.Equal(first, Hover());
        Assert.Equal(before + 1, AllianceRules.Cli.LanguageServer.LspHistoryHover.Evaluations);
        // A changed file is a new generation: the event is evaluated again.
        File.AppendAllText(history, "2022-09-22 RUS assist ARM source=\"illustrative\" \"Late\"\n");
        Assert.Contains("KAZ fulfilled on 2022-09-20", Hover(), StringComparison.Ordinal);
        Assert.Equal(before + 2, AllianceRules.Cli.LanguageServer.LspHistoryHover.Evaluations);
    }

    [Fact]
    public void History_hover_does_not_evaluate_again_when_a_history_it_does_not_read_changes()
    {
        // The evaluation reads rule files and .events/.jsonl histories: a CSV or .gz changing is no new generation.
        var root = Path.Combine(cli.Directory, "project");
        Assert.Equal(0, cli.Run("init", "project").Exit);
        var history = Path.Combine(root, "histories", "example.events");
        var csv = Path.Combine(root, "histories", "extra.csv");
        File.WriteAllText(csv, "date,actor,verb,target\n2022-09-22,RUS,assist,ARM\n");
        var lines = File.ReadAllLines(history);
        var line = Array.FindIndex(lines, l => l.Contains("KAZ assist", StringComparison.Ordinal));
        var character = lines[line].IndexOf("KAZ", StringComparison.Ordinal) + 1;
        var workspace = new AllianceRules.Cli.LanguageServer.LspWorkspace { Root = AllianceRules.Cli.LanguageServer.LspUris.ToPath(LspClient.Uri(root)) };
        var parameters = System.Text.Json.Nodes.JsonNode.Parse($"{{\"textDocument\":{{\"uri\":\"{LspClient.Uri(history)}\"}},\"position\":{{\"line\":{line},\"character\":{character}}}}}");
        string Hover() => AllianceRules.Cli.LanguageServer.LspHover.Hover(workspace, parameters)!["contents"]!["value"]!.GetValue<string>();

        var before = AllianceRules.Cli.LanguageServer.LspHistoryHover.Evaluations;
        var first = Hover();
        File.AppendAllText(csv, "2022-09-23,RUS,assist,ARM\n");
        Assert.Equal(first, Hover());
        Assert.Equal(before + 1, AllianceRules.Cli.LanguageServer.LspHistoryHover.Evaluations);
        // A history it reads still makes a new generation.
        File.AppendAllText(history, "2022-09-22 RUS assist ARM source=\"illustrative\" \"Late\"\n");
        Hover();
        Assert.Equal(before + 2, AllianceRules.Cli.LanguageServer.LspHistoryHover.Evaluations);
    }

    private static Task<JsonElement> Hover(LspClient server, string path, string[] lines, string context, string word) =>
        At(server, "textDocument/hover", path, lines, context, word);

    /// <summary>Sends a position request over <paramref name="word"/> on the first line holding <paramref name="context"/>, at the word's middle.</summary>
    private static async Task<JsonElement> At(LspClient server, string method, string path, string[] lines, string context, string word)
    {
        var line = Array.FindIndex(lines, l => l.Contains(context, StringComparison.Ordinal));
        Assert.True(line >= 0, $"no line holds '{context}'");
        var character = lines[line].IndexOf(context, StringComparison.Ordinal) + context.IndexOf(word, StringComparison.Ordinal) + word.Length / 2;
        return await server.Request(method, new { textDocument = new { uri = LspClient.Uri(path) }, position = new { line, character } });
    }

    private static string Text(JsonElement hover) => hover.GetProperty("contents").GetProperty("value").GetString()!;
}
