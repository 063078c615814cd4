using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// Find references and rename over the real server, in the workspace <c>alliance init</c> makes
/// (rules/pact.treaty, rules/vocabulary.treaty, histories/example.events, tests/pact.test) with a
/// JSON Lines history added: every occurrence in rule files, histories and rule tests, at exact
/// ranges; a new name that is not a name, or is taken, is refused.
/// </summary>
[Collection("cli")]
public sealed class LanguageServerReferenceTests : InitProjectTests
{
    private const string PactFile = "rules/pact.treaty";
    private const string Vocabulary = "rules/vocabulary.treaty";
    private const string Example = "histories/example.events";
    private const string More = "histories/more.jsonl";
    private const string Tests = "tests/pact.test";


    public LanguageServerReferenceTests()
    {
        File.WriteAllText(Full(More), "{\"date\":\"2022-09-21\",\"actor\":\"RUS\",\"verb\":\"assist\",\"target\":\"ARM\"}\n");
    }

    [Fact]
    public async Task References_of_a_verb_cover_both_rule_files_and_the_histories_with_or_without_the_declaration()
    {
        await using var server = await Start();
        var with = await At(server, "textDocument/references", PactFile, "forbid $a attack", "attack", new { includeDeclaration = true });
        Assert.Equal(
            [Where(Example, "AZE attack", "attack"), Where(PactFile, "forbid $a attack", "attack"), Where(PactFile, "there was $aggressor attack", "attack"), Where(Vocabulary, "verb attack", "attack")],
            Locations(with));
        var without = await At(server, "textDocument/references", PactFile, "forbid $a attack", "attack", new { includeDeclaration = false });
        Assert.Equal([Where(Example, "AZE attack", "attack"), Where(PactFile, "forbid $a attack", "attack"), Where(PactFile, "there was $aggressor attack", "attack")], Locations(without));

        // From a history, and into JSON Lines, where the name is the text inside the quotes.
        var assist = await At(server, "textDocument/references", Example, "KAZ assist", "assist", new { includeDeclaration = true });
        Assert.Equal(
            [Where(Example, "KAZ assist", "assist"), Where(More, "\"assist\"", "assist"), Where(PactFile, "must assist", "assist"), Where(Vocabulary, "verb assist", "assist")],
            Locations(assist));
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task References_of_a_party_and_a_rule_reach_the_rule_tests()
    {
        await using var server = await Start();
        var kaz = Locations(await At(server, "textDocument/references", PactFile, "KAZ 2020", "KAZ", new { includeDeclaration = false }));
        Assert.Equal([Where(Example, "KAZ assist", "KAZ"), Where(Tests, "art4 KAZ", "KAZ"), Where(Tests, "PACT KAZ", "KAZ")], kaz);
        var art4 = Locations(await At(server, "textDocument/references", PactFile, "rule art4", "art4", new { includeDeclaration = true }));
        Assert.Equal([Where(PactFile, "rule art4", "art4"), Where(Tests, "PACT.art4 KAZ", "art4"), Where(Tests, "PACT.art4 RUS", "art4"), Where(Tests, "PACT.art4 ARM", "art4")], art4);
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Rename_an_assumption_edits_its_declaration_and_uses()
    {
        await using var server = await Start();
        var edit = await Rename(server, PactFile, "within prompt", "prompt", "deadline");
        Assert.Equal([(Where(PactFile, "assume prompt", "prompt"), "deadline"), (Where(PactFile, "within prompt", "prompt"), "deadline")], Edits(edit));
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Rename_a_reading_edits_the_rules_and_the_rule_tests()
    {
        var pact = File.ReadAllText(Full(PactFile))
            .Replace("  rule art4 ", "  reading help \"What counts as help\" {\n    any \"Any assistance\"\n    armed \"Armed assistance only\"\n  }\n\n  rule art4 ", StringComparison.Ordinal)
            .Replace("    cites \"Article 4\"", "    cites \"Article 4\"\n    if reading help is any", StringComparison.Ordinal);
        File.WriteAllText(Full(PactFile), pact);
        File.WriteAllText(Full(Tests), File.ReadAllText(Full(Tests)).Replace("  expect PACT.art4 KAZ", "  reading help=any\n  expect PACT.art4 KAZ", StringComparison.Ordinal));
        await using var server = await Start();
        var edit = await Rename(server, PactFile, "if reading help", "help", "aid");
        Assert.Equal(
            [(Where(PactFile, "reading help \"", "help"), "aid"), (Where(PactFile, "if reading help", "help"), "aid"), (Where(Tests, "reading help=", "help"), "aid")],
            Edits(edit));
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Rename_a_verb_edits_the_vocabulary_the_rules_and_both_histories()
    {
        await using var server = await Start();
        var edit = await Rename(server, Vocabulary, "verb assist", "assist", "help");
        Assert.Equal(
            [(Where(Example, "KAZ assist", "assist"), "help"), (Where(More, "\"assist\"", "assist"), "help"), (Where(PactFile, "must assist", "assist"), "help"), (Where(Vocabulary, "verb assist", "assist"), "help")],
            Edits(edit));
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Rename_a_rule_edits_its_declaration_and_the_expectations_that_cite_it()
    {
        await using var server = await Start();
        var edit = await Rename(server, PactFile, "rule art4", "art4", "art4-request");
        Assert.Equal(
            [(Where(PactFile, "rule art4", "art4"), "art4-request"), (Where(Tests, "PACT.art4 KAZ", "art4"), "art4-request"), (Where(Tests, "PACT.art4 RUS", "art4"), "art4-request"), (Where(Tests, "PACT.art4 ARM", "art4"), "art4-request")],
            Edits(edit));
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Rename_a_party_edits_the_members_block_the_histories_and_the_tests_unless_the_code_is_taken()
    {
        await using var server = await Start();
        var edit = await Rename(server, Example, "KAZ assist", "KAZ", "KAZ2");
        Assert.Equal(
            [(Where(Example, "KAZ assist", "KAZ"), "KAZ2"), (Where(PactFile, "KAZ 2020", "KAZ"), "KAZ2"), (Where(Tests, "art4 KAZ", "KAZ"), "KAZ2"), (Where(Tests, "PACT KAZ", "KAZ"), "KAZ2")],
            Edits(edit));
        var taken = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => Rename(server, Example, "KAZ assist", "KAZ", "RUS"));
        Assert.Equal("cannot rename party 'KAZ' to 'RUS': party 'RUS' already exists (histories/more.jsonl:1:31)", taken.Message);
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Hover_on_a_json_lines_event_tells_what_it_decided()
    {
        await using var server = await Start();
        var hover = await At(server, "textDocument/hover", More, "\"assist\"", "assist");
        Assert.Equal(
            "**verb** `assist`: provides military assistance to\n\nCAMEO 072, 074\n\n---\n\n"
            + "In the workspace's evaluation (as of 2022-12-31), this event:\n- decides `PACT.art4#2`: RUS fulfilled on 2022-09-21",
            hover.GetProperty("contents").GetProperty("value").GetString());
        Assert.Equal(Where(More, "\"assist\"", "assist"), Range(More, hover.GetProperty("range")));
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Rename_refuses_a_name_that_is_not_one_and_a_name_that_is_taken()
    {
        await using var server = await Start();
        var invalid = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => Rename(server, Vocabulary, "verb assist", "assist", "2x"));
        Assert.Equal(JsonRpcErrorCode.InvalidParams, invalid.ErrorCode);
        Assert.Equal("'2x' is not a valid verb name: a name is lower-case letters, digits, '_' and '-', starting with a letter, such as 'art4-request'", invalid.Message);
        var taken = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => Rename(server, Vocabulary, "verb assist", "assist", "attack"));
        Assert.Equal(JsonRpcErrorCode.InvalidParams, taken.ErrorCode);
        Assert.Equal("cannot rename verb 'assist' to 'attack': verb 'attack' already exists (histories/example.events:3:16)", taken.Message);
        var rule = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => Rename(server, PactFile, "rule art4", "art4", "art1"));
        Assert.Equal("cannot rename rule 'art4' to 'art1': rule 'art1' already exists in treaty PACT (rules/pact.treaty:15:8)", rule.Message);
        var party = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => Rename(server, PactFile, "KAZ 2020", "KAZ", "kaz"));
        Assert.Equal("'kaz' is not a valid party code: a code is capital letters, digits and '_', starting with a letter, such as 'RUS'", party.Message);
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Prepare_rename_gives_the_name_and_its_range_nothing_off_a_name_and_refuses_a_treaty()
    {
        await using var server = await Start();
        var prepared = await At(server, "textDocument/prepareRename", PactFile, "within prompt", "prompt");
        Assert.Equal("prompt", prepared.GetProperty("placeholder").GetString());
        Assert.Equal(Where(PactFile, "within prompt", "prompt"), Range(PactFile, prepared.GetProperty("range")));
        Assert.Equal(JsonValueKind.Null, (await At(server, "textDocument/prepareRename", PactFile, "kind nonaggression", "kind")).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await At(server, "textDocument/prepareRename", Example, "\"illustrative\" \"An attack", "An attack")).ValueKind);
        var treaty = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => At(server, "textDocument/prepareRename", PactFile, "treaty PACT", "PACT"));
        Assert.StartsWith("treaty 'PACT' cannot be renamed here", treaty.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Rename_refuses_an_assumption_a_rule_test_sets_for_another_treaty_too()
    {
        File.WriteAllText(Full("rules/cst.treaty"), """
            treaty CST "Another treaty" {
              members {
                ARM 1994-04-20 ..
              }
              assume prompt = 10 days
              rule art4 "Assistance" {
                kind defense
                cites "Article 4"
                quote "q"
                when $a attack $v where $v is member
                then each member $m except $v must assist $v within prompt
              }
            }

            """);
        File.WriteAllText(Full(Tests), File.ReadAllText(Full(Tests)).Replace("  expect PACT.art4 KAZ", "  assume prompt = 14 days\n  expect PACT.art4 KAZ", StringComparison.Ordinal));
        await using var server = await Start();
        var shared = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => Rename(server, PactFile, "within prompt", "prompt", "quick"));
        Assert.Equal(JsonRpcErrorCode.InvalidParams, shared.ErrorCode);
        var (_, line, character, _) = Where(Tests, "assume prompt", "prompt");
        Assert.Equal($"cannot rename assumption 'prompt' to 'quick': the rule test at tests/pact.test:{line + 1}:{character + 1} sets 'prompt' for every treaty declaring it, treaty CST too; rename it by hand", shared.Message);
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Rename_is_not_refused_by_a_rule_test_whose_rules_do_not_load_the_other_treaty()
    {
        // CST declares 'prompt' too, but outside the rules tests/pact.test loads; tests/cst.test loads CST alone.
        Directory.CreateDirectory(Full("other"));
        File.WriteAllText(Full("other/cst.treaty"), """
            treaty CST "Another treaty" {
              members {
                ARM 1994-04-20 ..
              }
              assume prompt = 10 days
              rule art4 "Assistance" {
                kind defense
                cites "Article 4"
                quote "q"
                when $a attack $v where $v is member
                then each member $m except $v must assist $v within prompt
              }
            }

            """);
        File.WriteAllText(Full(Tests), File.ReadAllText(Full(Tests)).Replace("  expect PACT.art4 KAZ", "  assume prompt = 14 days\n  expect PACT.art4 KAZ", StringComparison.Ordinal));
        File.WriteAllText(Full("tests/cst.test"), "test \"CST alone\"\n  rules \"../other\"\n  history \"../histories\"\n  assume swift = 3 days\n  expect no CST.art4 ARM\nend\n");
        await using var server = await Start();
        // The test setting 'prompt' loads PACT alone; the test setting 'swift' does not load PACT.
        var edit = Edits(await Rename(server, PactFile, "within prompt", "prompt", "swift"));
        Assert.Contains(edit, e => e.Item1.Item1 == Tests && e.Item2 == "swift");
        Assert.DoesNotContain(edit, e => e.Item1.Item1 is "other/cst.treaty" or "tests/cst.test");
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Rename_refuses_an_assumption_name_a_rule_test_already_sets()
    {
        File.WriteAllText(Full(Tests), File.ReadAllText(Full(Tests)).Replace("  expect PACT.art4 KAZ", "  assume swift = 14 days\n  expect PACT.art4 KAZ", StringComparison.Ordinal));
        await using var server = await Start();
        var taken = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => Rename(server, PactFile, "within prompt", "prompt", "swift"));
        Assert.Equal(JsonRpcErrorCode.InvalidParams, taken.ErrorCode);
        var (_, line, character, _) = Where(Tests, "assume swift", "swift");
        Assert.Equal($"cannot rename assumption 'prompt' to 'swift': the rule test at tests/pact.test:{line + 1}:{character + 1} already sets 'swift', which would then apply to treaty PACT", taken.Message);
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Rename_refuses_an_assumption_name_its_treaty_gives_a_reading()
    {
        var pact = File.ReadAllText(Full(PactFile))
            .Replace("  rule art4 ", "  reading help \"What counts as help\" {\n    any \"Any assistance\"\n    armed \"Armed assistance only\"\n  }\n\n  rule art4 ", StringComparison.Ordinal)
            .Replace("    cites \"Article 4\"", "    cites \"Article 4\"\n    if reading help is any", StringComparison.Ordinal);
        File.WriteAllText(Full(PactFile), pact);
        await using var server = await Start();
        var assumption = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => Rename(server, PactFile, "within prompt", "prompt", "help"));
        Assert.Equal(JsonRpcErrorCode.InvalidParams, assumption.ErrorCode);
        var (_, line, character, _) = Where(PactFile, "reading help \"", "help");
        Assert.Equal($"cannot rename assumption 'prompt' to 'help': treaty PACT already declares reading 'help' (rules/pact.treaty:{line + 1}:{character + 1}), and a treaty may not use one name for a reading and an assumption (AR3035)", assumption.Message);
        var reading = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => Rename(server, PactFile, "if reading help", "help", "prompt"));
        Assert.StartsWith("cannot rename reading 'help' to 'prompt': treaty PACT already declares assumption 'prompt'", reading.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Rename_refuses_a_verb_named_not_that_would_break_must_not()
    {
        await using var server = await Start();
        var not = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => Rename(server, Vocabulary, "verb assist", "assist", "not"));
        Assert.Equal(JsonRpcErrorCode.InvalidParams, not.ErrorCode);
        Assert.StartsWith("cannot rename verb 'assist' to 'not': the rules would no longer read as before (rules/pact.treaty:", not.Message, StringComparison.Ordinal);
        // A name the grammar reads as a name still renames.
        var edit = await Rename(server, Vocabulary, "verb assist", "assist", "aid");
        Assert.Equal(4, Edits(edit).Count);
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task References_give_the_uri_of_a_history_whose_name_holds_a_percent_escape()
    {
        File.WriteAllText(Full("histories/b%41 c.events"), "2022-09-22 RUS assist ARM source=\"illustrative\" \"Late\"\n");
        var uri = LspClient.Uri(Root) + "/histories/b%2541%20c.events";
        await using var server = await Start();
        var found = await At(server, "textDocument/references", Vocabulary, "verb assist", "assist", new { includeDeclaration = false });
        Assert.Contains(uri, found.EnumerateArray().Select(l => l.GetProperty("uri").GetString()));
        Assert.DoesNotContain(found.EnumerateArray(), l => l.GetProperty("uri").GetString()!.Contains("bA", StringComparison.Ordinal));
        // The URI given back names the file again.
        var back = await server.Request("textDocument/references", new { textDocument = new { uri }, position = new { line = 0, character = 17 }, context = new { includeDeclaration = true } });
        Assert.Contains(uri, back.EnumerateArray().Select(l => l.GetProperty("uri").GetString()));
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Rename_refuses_a_verb_or_party_a_csv_history_it_does_not_edit_names()
    {
        File.WriteAllText(Full("histories/extra.csv"), "date,actor,verb,target\n2022-09-22,RUS,assist,ARM\n");
        await using var server = await Start();
        var verb = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => Rename(server, Vocabulary, "verb assist", "assist", "help"));
        Assert.Equal(JsonRpcErrorCode.InvalidParams, verb.ErrorCode);
        Assert.Equal("cannot rename verb 'assist' to 'help': histories/extra.csv may name it, and rename edits only .events and .jsonl histories within the size limit; rename it in those files by hand first", verb.Message);
        var party = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => Rename(server, PactFile, "RUS 2020", "RUS", "RUS2"));
        Assert.StartsWith("cannot rename party 'RUS' to 'RUS2': histories/extra.csv may name it", party.Message, StringComparison.Ordinal);
        // A name the CSV does not hold renames.
        Assert.Equal(4, Edits(await Rename(server, Vocabulary, "verb attack", "attack", "strike")).Count);
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Rename_is_not_refused_by_a_history_holding_the_name_as_a_substring_or_gzipped_or_coded()
    {
        // The name inside another value, a gzipped history of other events, an ICEWS file of CAMEO codes.
        File.WriteAllText(Full("histories/extra.csv"), "date,actor,verb,target\n2022-09-22,RUSSIA,assistance,ARM\n");
        using (var gz = new System.IO.Compression.GZipStream(File.Create(Full("histories/old.events.gz")), System.IO.Compression.CompressionLevel.Fastest))
        {
            gz.Write(System.Text.Encoding.UTF8.GetBytes("2022-09-20 AZE attack ARM\n"));
        }
        File.WriteAllText(Full("histories/icews.tsv"), "Event ID\tEvent Date\tSource Country\tCAMEO Code\tTarget Country\n1\t2022-09-23\tRussian Federation\t042\tArmenia\n");
        await using var server = await Start();
        Assert.Equal(4, Edits(await Rename(server, Vocabulary, "verb assist", "assist", "help")).Count);
        // The gzipped history's own verb and the ICEWS file's parties still refuse.
        var verb = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => Rename(server, Vocabulary, "verb attack", "attack", "strike"));
        Assert.StartsWith("cannot rename verb 'attack' to 'strike': histories/old.events.gz may name it", verb.Message, StringComparison.Ordinal);
        var party = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => Rename(server, PactFile, "RUS 2020", "RUS", "RUS2"));
        Assert.StartsWith("cannot rename party 'RUS' to 'RUS2': histories/icews.tsv may name it", party.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    private async Task<LspClient> Start()
    {
        var server = LspClient.Start(Root);
        await server.Request("initialize", new
        {
            processId = (int?)null,
            rootUri = LspClient.Uri(Root),
            capabilities = new { textDocument = new { rename = new { prepareSupport = true } } },
        });
        return server;
    }

    private string Full(string relative) => Path.Combine(Root, relative);

    private Task<JsonElement> Rename(LspClient server, string file, string context, string word, string newName) =>
        At(server, "textDocument/rename", file, context, word, newName: newName);

    /// <summary>Sends a position request inside <paramref name="word"/> on the first line holding <paramref name="context"/>.</summary>
    private async Task<JsonElement> At(LspClient server, string method, string file, string context, string word, object? referenceContext = null, string? newName = null)
    {
        var (_, line, character, _) = Where(file, context, word);
        var textDocument = new { uri = LspClient.Uri(Full(file)) };
        var position = new { line, character = character + 1 };
        object parameters = referenceContext is not null ? new { textDocument, position, context = referenceContext }
            : newName is not null ? new { textDocument, position, newName }
            : new { textDocument, position };
        return await server.Request(method, parameters);
    }

    /// <summary>Where <paramref name="word"/> is written within the first line of <paramref name="file"/> holding <paramref name="context"/>: the file, the 0-based line and the characters.</summary>
    private (string, int, int, int) Where(string file, string context, string word)
    {
        var lines = File.ReadAllLines(Full(file));
        var line = Array.FindIndex(lines, l => l.Contains(context, StringComparison.Ordinal));
        Assert.True(line >= 0, $"no line of {file} holds '{context}'");
        var start = lines[line].IndexOf(context, StringComparison.Ordinal) + context.IndexOf(word, StringComparison.Ordinal);
        return (file, line, start, start + word.Length);
    }

    private List<(string, int, int, int)> Locations(JsonElement result) =>
        [.. result.EnumerateArray().Select(l => Range(RelativeOf(l.GetProperty("uri").GetString()!), l.GetProperty("range")))];

    private List<((string, int, int, int), string)> Edits(JsonElement result) =>
        [.. result.GetProperty("changes").EnumerateObject().SelectMany(f => f.Value.EnumerateArray().Select(e => (Range(RelativeOf(f.Name), e.GetProperty("range")), e.GetProperty("newText").GetString()!)))];

    private string RelativeOf(string uri) => Path.GetRelativePath(Root, new Uri(uri).LocalPath).Replace('\\', '/');

    /// <summary>A range on one line, as (file, line, start, end).</summary>
    private static (string, int, int, int) Range(string file, JsonElement range)
    {
        var start = range.GetProperty("start");
        var end = range.GetProperty("end");
        Assert.Equal(start.GetProperty("line").GetInt32(), end.GetProperty("line").GetInt32());
        return (file, start.GetProperty("line").GetInt32(), start.GetProperty("character").GetInt32(), end.GetProperty("character").GetInt32());
    }
}
