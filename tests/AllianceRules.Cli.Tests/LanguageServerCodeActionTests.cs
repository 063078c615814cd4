using System.Text.Json;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// Quick fixes over the real server, in the workspace <c>alliance init</c> creates (which passes
/// check and lint): each test breaks the rule file one way, takes the fix offered for the
/// diagnostic the editor shows, applies its edit, and checks the exact text and that a new check
/// no longer reports it.
/// </summary>
[Collection("cli")]
public sealed class LanguageServerCodeActionTests : InitProjectTests
{

    [Fact]
    public async Task A_misspelt_party_is_fixed_to_the_suggested_code()
    {
        var broken = PactText.Replace("    RUS 2020-01-01 ..", "    UAS 2020-01-01 ..", StringComparison.Ordinal);
        var fixedText = PactText.Replace("    RUS 2020-01-01 ..", "    USA 2020-01-01 ..", StringComparison.Ordinal);
        await Fix(broken, "AR6012", "Change to 'USA'", fixedText);
    }

    [Fact]
    public async Task An_unknown_verb_is_fixed_to_the_suggested_verb()
    {
        var broken = PactText.Replace("forbid $a attack $b", "forbid $a atack $b", StringComparison.Ordinal);
        await Fix(broken, "AR3008", "Change to 'attack'", PactText);
    }

    [Fact]
    public async Task A_misspelt_kind_from_the_parser_is_fixed_too()
    {
        // AR2004 is a syntax error: the buffer does not parse, and the fix still comes with it.
        var broken = PactText.Replace("kind nonaggression", "kind nonagression", StringComparison.Ordinal);
        await Fix(broken, "AR2004", "Change to 'nonaggression'", PactText);
    }

    [Fact]
    public async Task A_bare_quote_in_a_string_is_escaped_or_the_string_made_triple_quoted()
    {
        const string Words = "The Parties shall refrain from the threat or use of force against one another.";
        const string Quoted = "The Parties shall refrain from the threat or \"use\" of force against one another.";
        var broken = PactText.Replace($"quote \"{Words}\"", $"quote \"{Quoted}\"", StringComparison.Ordinal);
        await Fix(broken, "AR2006", "Escape the quotes inside the string (\\\")", PactText.Replace(Words, Quoted.Replace("\"", "\\\"", StringComparison.Ordinal), StringComparison.Ordinal));
        await Fix(broken, "AR2006", "Make it a triple-quoted string (\"\"\"...\"\"\")", PactText.Replace($"\"{Words}\"", $"\"\"\"{Quoted}\"\"\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AR2006_fix_leaves_a_trailing_comment_out_of_the_string()
    {
        const string Words = "The Parties shall refrain from the threat or use of force against one another.";
        const string Quoted = "The Parties shall refrain from the threat or \"use\" of force against one another.";
        const string Comment = "  # see \"Art 4\"";
        var broken = PactText.Replace($"quote \"{Words}\"", $"quote \"{Quoted}\"{Comment}", StringComparison.Ordinal);
        Assert.NotEqual(PactText, broken);
        await Fix(broken, "AR2006", "Escape the quotes inside the string (\\\")", PactText.Replace($"\"{Words}\"", $"\"{Quoted.Replace("\"", "\\\"", StringComparison.Ordinal)}\"{Comment}", StringComparison.Ordinal));
        await Fix(broken, "AR2006", "Make it a triple-quoted string (\"\"\"...\"\"\")", PactText.Replace($"\"{Words}\"", $"\"\"\"{Quoted}\"\"\"{Comment}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rule_without_cites_and_quote_gets_stubs_after_its_kind()
    {
        const string Cites = "    cites \"Article 1\"\n    quote \"The Parties shall refrain from the threat or use of force against one another.\"\n";
        var broken = PactText.Replace(Cites, string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(PactText, broken);
        var fixedText = PactText.Replace(Cites, "    cites \"Article ?\"\n    quote \"…\"\n", StringComparison.Ordinal);
        var action = await Fix(broken, "AR6003", "Add 'cites' and 'quote' stubs", fixedText);
        // Both findings (no 'cites', no 'quote') are at the rule's id; the one action answers both.
        Assert.Equal(2, action.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public async Task Cites_stub_stays_in_its_rule_when_the_brace_ends_a_line_and_keeps_tab_indentation()
    {
        const string Rule = "  rule art1 \"No force among the parties\" {\n    kind nonaggression\n    cites \"Article 1\"\n    quote \"The Parties shall refrain from the threat or use of force against one another.\"\n    forbid $a attack $b where $a is member and $b is member\n  }\n";
        Assert.Contains(Rule, PactText, StringComparison.Ordinal);
        // The closing brace ends the last item's line, and the next rule has both cites and quote.
        var broken = PactText.Replace(Rule, "  rule art1 \"No force among the parties\" {\n\t\tkind nonaggression\n\t\tforbid $a attack $b where $a is member and $b is member }\n", StringComparison.Ordinal);
        var fixedText = PactText.Replace(Rule, "  rule art1 \"No force among the parties\" {\n\t\tkind nonaggression\n\t\tcites \"Article ?\"\n\t\tquote \"…\"\n\t\tforbid $a attack $b where $a is member and $b is member }\n", StringComparison.Ordinal);
        await Fix(broken, "AR6003", "Add 'cites' and 'quote' stubs", fixedText);
    }

    [Fact]
    public async Task Code_action_names_the_diagnostic_the_client_sent_not_its_twin_at_the_same_range()
    {
        const string Cites = "    cites \"Article 1\"\n    quote \"The Parties shall refrain from the threat or use of force against one another.\"\n";
        var broken = PactText.Replace(Cites, string.Empty, StringComparison.Ordinal);
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(Pact, broken);
        var shown = await server.Diagnostics(Pact, ds => ds.EnumerateArray().Count(d => d.GetProperty("code").GetString() == "AR6003") == 2);
        var twins = shown.EnumerateArray().Where(d => d.GetProperty("code").GetString() == "AR6003").ToList();
        Assert.Equal(twins[0].GetProperty("range").GetRawText(), twins[1].GetProperty("range").GetRawText());
        Assert.NotEqual(twins[0].GetProperty("message").GetString(), twins[1].GetProperty("message").GetString());
        foreach (var sent in new[] { twins[1], twins[0] })
        {
            // Asked about one of the two (an empty range away from it), the action names that one only.
            var actions = await server.Request("textDocument/codeAction", new
            {
                textDocument = new { uri = LspClient.Uri(Pact) },
                range = new { start = new { line = 0, character = 0 }, end = new { line = 0, character = 0 } },
                context = new { diagnostics = new[] { sent } },
            });
            var action = Assert.Single(actions.EnumerateArray());
            var named = Assert.Single(action.GetProperty("diagnostics").EnumerateArray());
            Assert.Equal(sent.GetProperty("message").GetString(), named.GetProperty("message").GetString());
        }
        // Sent twice, one diagnostic still stands for one of ours.
        var both = await server.Request("textDocument/codeAction", new
        {
            textDocument = new { uri = LspClient.Uri(Pact) },
            range = new { start = new { line = 0, character = 0 }, end = new { line = 0, character = 0 } },
            context = new { diagnostics = new[] { twins[0], twins[0] } },
        });
        Assert.Single(Assert.Single(both.EnumerateArray()).GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Each_fix_is_placed_in_its_own_diagnostics_file_not_the_first_ones()
    {
        // Each diagnostic is placed by its own source file, not by the first one's. A history read
        // in pieces (32K characters) has one source file per piece, with spans relative to it; the
        // server reads a buffer whole today, so this guards the fix far down a long history.
        var history = Path.Combine(Root, "histories", "example.events");
        var text = new System.Text.StringBuilder("as of 2022-12-31\n2022-09-13 AZE atack ARM\n");
        for (var i = 0; i < 1200; i++) text.Append("2022-09-20 KAZ assist ARM source=\"illustrative\" \"padding\"\n");
        text.Append("2022-09-21 KAZ asist ARM\n");
        var broken = text.ToString();
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(history, broken);
        var shown = await server.Diagnostics(history, ds => ds.EnumerateArray().Count(d => d.GetProperty("code").GetString() == "AR4001") == 2);
        var last = shown.EnumerateArray().Last(d => d.GetProperty("code").GetString() == "AR4001");
        Assert.Equal(1202, last.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        var actions = await server.Request("textDocument/codeAction", new
        {
            textDocument = new { uri = LspClient.Uri(history) },
            range = last.GetProperty("range"),
            context = new { diagnostics = new[] { last } },
        });
        var action = Assert.Single(actions.EnumerateArray());
        Assert.Equal("Change to 'assist'", action.GetProperty("title").GetString());
        var edits = action.GetProperty("edit").GetProperty("changes").GetProperty(LspClient.Uri(history));
        Assert.Equal(broken.Replace("KAZ asist ARM", "KAZ assist ARM", StringComparison.Ordinal), LspEdits.Apply(broken, edits));
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Fixes_are_offered_for_the_requested_range_without_the_clients_diagnostics()
    {
        var broken = PactText.Replace("forbid $a attack $b", "forbid $a atack $b", StringComparison.Ordinal);
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(Pact, broken);
        // Fixes that need the rule set come with the check published for these buffers.
        await server.Diagnostics(Pact, ds => ds.EnumerateArray().Any(d => d.GetProperty("code").GetString() == "AR3008"));
        var (line, character) = LspEdits.Find(broken, "atack");
        var position = new { line, character = character + 2 };
        var actions = await server.Request("textDocument/codeAction", new { textDocument = new { uri = LspClient.Uri(Pact) }, range = new { start = position, end = position }, context = new { diagnostics = Array.Empty<object>() } });
        var action = Assert.Single(actions.EnumerateArray());
        Assert.Equal("quickfix", action.GetProperty("kind").GetString());
        Assert.Equal("AR3008", action.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        // Asked for refactorings only, it offers none.
        var only = await server.Request("textDocument/codeAction", new { textDocument = new { uri = LspClient.Uri(Pact) }, range = new { start = position, end = position }, context = new { diagnostics = Array.Empty<object>(), only = new[] { "refactor" } } });
        Assert.Equal(0, only.GetArrayLength());
        Assert.Single((await server.Request("textDocument/codeAction", new { textDocument = new { uri = LspClient.Uri(Pact) }, range = new { start = position, end = position }, context = new { diagnostics = Array.Empty<object>(), only = new[] { "quickfix" } } })).EnumerateArray());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Code_actions_do_not_check_the_workspace_on_the_request_thread_while_the_check_is_stale()
    {
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(Pact, PactText);
        await server.Diagnostics(Pact, ds => ds.GetArrayLength() == 0);
        async Task<JsonElement> At(string text, string word)
        {
            var (line, character) = LspEdits.Find(text, word);
            var position = new { line, character = character + 1 };
            return await server.Request("textDocument/codeAction", new { textDocument = new { uri = LspClient.Uri(Pact) }, range = new { start = position, end = position }, context = new { diagnostics = Array.Empty<object>() } });
        }
        // Asked at once after a change (the check waits 200 ms): an unknown verb needs the rule set,
        // so no check is made for the request and its fix waits for the check to be published.
        var unknownVerb = PactText.Replace("forbid $a attack $b", "forbid $a atack $b", StringComparison.Ordinal);
        await server.Change(Pact, unknownVerb, 2);
        Assert.Equal(0, (await At(unknownVerb, "atack")).GetArrayLength());
        await server.Diagnostics(Pact, ds => ds.EnumerateArray().Any(d => d.GetProperty("code").GetString() == "AR3008"));
        Assert.Equal("Change to 'attack'", Assert.Single((await At(unknownVerb, "atack")).EnumerateArray()).GetProperty("title").GetString());
        // A syntax error's fix comes from reading the file alone, before any check.
        var misspeltKind = PactText.Replace("kind nonaggression", "kind nonagression", StringComparison.Ordinal);
        await server.Change(Pact, misspeltKind, 3);
        Assert.Equal("Change to 'nonaggression'", Assert.Single((await At(misspeltKind, "nonagression")).EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Code_actions_forget_the_published_check_when_files_change_on_disk()
    {
        var vocabulary = Path.Combine(Root, "rules", "vocabulary.treaty");
        var vocabularyText = File.ReadAllText(vocabulary);
        var declared = vocabularyText.Replace("  verb assist ", "  verb atack \"uses force, misspelt\"\n  verb assist ", StringComparison.Ordinal);
        Assert.NotEqual(vocabularyText, declared);
        var broken = PactText.Replace("forbid $a attack $b", "forbid $a atack $b", StringComparison.Ordinal);
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(Pact, broken);
        await server.Diagnostics(Pact, ds => ds.EnumerateArray().Any(d => d.GetProperty("code").GetString() == "AR3008"));
        async Task<JsonElement> AtAtack()
        {
            var (line, character) = LspEdits.Find(broken, "atack");
            var position = new { line, character = character + 1 };
            return await server.Request("textDocument/codeAction", new { textDocument = new { uri = LspClient.Uri(Pact) }, range = new { start = position, end = position }, context = new { diagnostics = Array.Empty<object>() } });
        }
        Assert.Single((await AtAtack()).EnumerateArray());
        // The vocabulary, closed, now declares 'atack': the published AR3008 no longer holds.
        File.WriteAllText(vocabulary, declared);
        await server.Notify("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = LspClient.Uri(vocabulary), type = 2 } } });
        Assert.Equal(0, (await AtAtack()).GetArrayLength());
        await server.Diagnostics(Pact, ds => !ds.EnumerateArray().Any(d => d.GetProperty("code").GetString() == "AR3008"));
        // Back as it was, then declared again and saved: a save forgets it too.
        File.WriteAllText(vocabulary, vocabularyText);
        await server.Notify("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = LspClient.Uri(vocabulary), type = 2 } } });
        await server.Diagnostics(Pact, ds => ds.EnumerateArray().Any(d => d.GetProperty("code").GetString() == "AR3008"));
        Assert.Single((await AtAtack()).EnumerateArray());
        File.WriteAllText(vocabulary, declared);
        await server.Notify("textDocument/didSave", new { textDocument = new { uri = LspClient.Uri(vocabulary) } });
        Assert.Equal(0, (await AtAtack()).GetArrayLength());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Only_quick_is_no_prefix_of_the_quickfix_kind()
    {
        var broken = PactText.Replace("forbid $a attack $b", "forbid $a atack $b", StringComparison.Ordinal);
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(Pact, broken);
        await server.Diagnostics(Pact, ds => ds.EnumerateArray().Any(d => d.GetProperty("code").GetString() == "AR3008"));
        var (line, character) = LspEdits.Find(broken, "atack");
        var position = new { line, character = character + 2 };
        foreach (var (kinds, expected) in new[] { (new[] { "quick" }, 0), (new[] { "quickfix.more" }, 0), (new[] { "refactor", "quickfix" }, 1) })
        {
            var actions = await server.Request("textDocument/codeAction", new { textDocument = new { uri = LspClient.Uri(Pact) }, range = new { start = position, end = position }, context = new { diagnostics = Array.Empty<object>(), only = kinds } });
            Assert.Equal(expected, actions.GetArrayLength());
        }
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task A_client_without_code_action_literal_support_is_sent_no_code_action_literals()
    {
        var broken = PactText.Replace("forbid $a attack $b", "forbid $a atack $b", StringComparison.Ordinal);
        await using var server = LspClient.Start(Root);
        await server.Request("initialize", new { processId = (int?)null, rootUri = LspClient.Uri(Root), capabilities = new { } });
        await server.Open(Pact, broken);
        var shown = await server.Diagnostics(Pact, ds => ds.EnumerateArray().Any(d => d.GetProperty("code").GetString() == "AR3008"));
        var diagnostic = shown.EnumerateArray().First(d => d.GetProperty("code").GetString() == "AR3008");
        // Such a client may be answered only with Command objects; the fixes are edits, so it gets none.
        var actions = await server.Request("textDocument/codeAction", new { textDocument = new { uri = LspClient.Uri(Pact) }, range = diagnostic.GetProperty("range"), context = new { diagnostics = new[] { diagnostic } } });
        Assert.Equal(0, actions.GetArrayLength());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task A_client_that_takes_code_action_literals_is_told_the_kind()
    {
        await using var server = LspClient.Start(Root);
        var capabilities = JsonDocument.Parse("""
            { "textDocument": { "codeAction": { "codeActionLiteralSupport": { "codeActionKind": { "valueSet": ["quickfix", "refactor"] } } } } }
            """).RootElement;
        var result = await server.Request("initialize", new { processId = (int?)null, rootUri = LspClient.Uri(Root), capabilities });
        Assert.Equal("{\"codeActionKinds\":[\"quickfix\"]}", result.GetProperty("capabilities").GetProperty("codeActionProvider").GetRawText());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    /// <summary>
    /// Opens <paramref name="broken"/>, waits for its <paramref name="code"/>, asks for code actions
    /// with that diagnostic as the client has it, applies the one titled <paramref name="title"/>,
    /// and checks the text and that the next check has no <paramref name="code"/>.
    /// </summary>
    private async Task<JsonElement> Fix(string broken, string code, string title, string expected)
    {
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(Pact, broken);
        var shown = await server.Diagnostics(Pact, ds => ds.EnumerateArray().Any(d => d.GetProperty("code").GetString() == code));
        var diagnostic = shown.EnumerateArray().First(d => d.GetProperty("code").GetString() == code);
        var actions = await server.Request("textDocument/codeAction", new
        {
            textDocument = new { uri = LspClient.Uri(Pact) },
            range = diagnostic.GetProperty("range"),
            context = new { diagnostics = new[] { diagnostic } },
        });
        var action = actions.EnumerateArray().SingleOrDefault(a => a.GetProperty("title").GetString() == title);
        Assert.True(action.ValueKind == JsonValueKind.Object, $"no action '{title}' among: {actions}");
        Assert.Equal("quickfix", action.GetProperty("kind").GetString());
        Assert.Equal(code, action.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        var edits = action.GetProperty("edit").GetProperty("changes").GetProperty(LspClient.Uri(Pact));
        var text = LspEdits.Apply(broken, edits);
        Assert.Equal(expected, text);
        await server.Change(Pact, text, 2);
        await server.Diagnostics(Pact, ds => !ds.EnumerateArray().Any(d => d.GetProperty("code").GetString() == code));
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
        return action.Clone();
    }
}
