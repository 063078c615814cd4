using System.Text.Json;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// Completion over the real server, in the workspace <c>alliance init</c> creates: keywords by
/// place, rule kinds, verbs with their descriptions, parties, variables and assumptions, in buffers
/// that are half typed and do not parse; and never an error, wherever the cursor is.
/// </summary>
[Collection("cli")]
public sealed class LanguageServerCompletionTests : InitProjectTests
{
    private const int Function = 3;
    private const int Variable = 6;
    private const int Value = 12;
    private const int Keyword = 14;
    private const int EnumMember = 20;
    private const int Constant = 21;

    private int version = 1;

    [Fact]
    public async Task Completion_offers_what_the_place_allows_in_a_rule_file()
    {
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(Pact, PactText);

        var top = await Complete(server, Pact, PactText + "\ntre|");
        Assert.Equal(["vocabulary", "treaty"], top.Select(i => i.Label));
        Assert.All(top, i => Assert.Equal(Keyword, i.Kind));

        // A rule just begun, with no closing brace: the buffer does not parse.
        var inTreaty = PactText[..PactText.LastIndexOf('}')];
        var items = await Complete(server, Pact, inTreaty + "  rule x \"X\" {\n    |");
        Assert.Equal(["kind", "cites", "quote", "effective", "if", "when", "every", "forbid", "unless", "until", "judgment"], items.Take(11).Select(i => i.Label));
        var kinds = await Complete(server, Pact, inTreaty + "  rule x \"X\" {\n    kind de|");
        Assert.Equal(["defense", "offense", "neutrality", "nonaggression", "consultation", "other"], kinds.Select(i => i.Label));
        Assert.All(kinds, i => Assert.Equal(EnumMember, i.Kind));

        var verbs = await Complete(server, Pact, inTreaty + "  rule x \"X\" {\n    kind defense\n    when $victim |");
        Assert.Equal(["attack", "request", "assist"], verbs.Select(i => i.Label));
        Assert.Equal((Function, "uses armed force against"), (verbs[0].Kind, verbs[0].Detail));

        var subjects = await Complete(server, Pact, inTreaty + "  rule x \"X\" {\n    kind defense\n    when $victim request PACT\n    then |");
        Assert.Contains(subjects, i => i.Label == "each" && i.Kind == Keyword);
        Assert.Contains(subjects, i => i.Label == "$victim" && i.Kind == Variable);
        Assert.Contains(subjects, i => i.Label == "KAZ" && i.Kind == Constant && i.Detail == "member of PACT");

        var obligation = await Complete(server, Pact, inTreaty + "  rule x \"X\" {\n    kind defense\n    when $victim request PACT\n    then each member $ally must |");
        Assert.Equal(["not", "attack", "request", "assist"], obligation.Select(i => i.Label));

        var window = await Complete(server, Pact, inTreaty + "  rule x \"X\" {\n    kind defense\n    when $victim request PACT\n    then each member $ally must assist $victim within pr|");
        var prompt = Assert.Single(window);
        Assert.Equal(("prompt", Value), (prompt.Label, prompt.Kind));
        Assert.Equal("= 30 days: The article names no deadline; 30 days is assumed.", prompt.Detail);
        Assert.Equal(RangeOfTyped(inTreaty + "  rule x \"X\" {\n    kind defense\n    when $victim request PACT\n    then each member $ally must assist $victim within pr", "pr"), prompt.Range);

        var members = await Complete(server, Pact, PactText.Replace("    RUS 2020-01-01 ..\n", "    RUS 2020-01-01 ..\n    |\n", StringComparison.Ordinal));
        // The members of the treaties, the treaties, then the other parties of the histories.
        Assert.Equal(["ARM", "KAZ", "RUS", "PACT", "AZE"], members.Select(i => i.Label));
        Assert.Equal(Constant, members[0].Kind);

        // Inside a string or a comment there is nothing to complete.
        Assert.Empty(await Complete(server, Pact, PactText.Replace("\"Article 1\"", "\"Arti|cle 1\"", StringComparison.Ordinal)));
        Assert.Empty(await Complete(server, Pact, "# a comm|ent\n" + PactText));
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Completing_mid_word_replaces_the_rest_of_the_word()
    {
        // Only for a client that takes an InsertReplaceEdit: 'replace' covers the word, 'insert' ends at the cursor.
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root, insertReplace: true);
        await server.Open(Pact, PactText);
        var marked = PactText.Replace("kind defense", "kind de|fense", StringComparison.Ordinal);
        var items = await Complete(server, Pact, marked);
        var defense = Assert.Single(items, i => i.Label == "defense");
        var whole = marked[..marked.IndexOf('|')] + "fense";
        Assert.Equal(RangeOfTyped(whole, "defense"), defense.Replace);
        Assert.Equal(RangeOfTyped(marked[..marked.IndexOf('|')], "de"), defense.Range);
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Completing_mid_word_keeps_the_word_after_the_cursor()
    {
        // 'must n|assist', accepting 'not', must not lose 'assist': a plain edit ends at the cursor.
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(Pact, PactText);
        var inTreaty = PactText[..PactText.LastIndexOf('}')];
        var marked = inTreaty + "  rule x \"X\" {\n    kind defense\n    when $victim request PACT\n    then each member $ally must n|assist $victim\n  }\n}\n";
        var not = Assert.Single(await Complete(server, Pact, marked), i => i.Label == "not");
        Assert.Equal(RangeOfTyped(marked[..marked.IndexOf('|')], "n"), not.Range);
        Assert.Null(not.Replace);
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Completion_after_a_patterns_verb_offers_terms_not_clause_keywords()
    {
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(Pact, PactText);
        var inTreaty = PactText[..PactText.LastIndexOf('}')];
        foreach (var place in new[]
        {
            "  rule x \"X\" {\n    kind defense\n    when $victim request |",
            "  rule x \"X\" {\n    kind nonaggression\n    forbid $a attack |",
            "  rule x \"X\" {\n    kind defense\n    when $victim request PACT\n    then each member $ally must assist |",
            "  rule x \"X\" {\n    kind defense\n    when $victim request PACT\n    then each member $ally must not attack |",
        })
        {
            var items = await Complete(server, Pact, inTreaty + place);
            Assert.Contains(items, i => i.Label == "KAZ" && i.Kind == Constant);
            Assert.Contains(items, i => i.Label == "PACT");
            Assert.DoesNotContain(items, i => i.Kind == Keyword);
            if (place.Contains("$victim", StringComparison.Ordinal)) Assert.Contains(items, i => i.Label == "$victim" && i.Kind == Variable);
        }
        // TERM not in [...]: after a term's 'not' comes 'in'.
        var notIn = await Complete(server, Pact, inTreaty + "  rule x \"X\" {\n    kind defense\n    when $victim request PACT\n      where $victim not |");
        Assert.Equal(["in"], notIn.Select(i => i.Label));
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Completion_in_a_history_line_offers_parties_then_verbs()
    {
        var history = Path.Combine(Root, "histories", "example.events");
        var text = File.ReadAllText(history);
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(history, text);
        var actors = await Complete(server, history, text + "2022-09-21 |");
        Assert.Equal(["ARM", "KAZ", "RUS", "PACT", "AZE"], actors.Select(i => i.Label));
        Assert.Equal("party of the histories", actors[^1].Detail);
        var verbs = await Complete(server, history, text + "2022-09-21 AZE at|");
        Assert.Equal(["attack", "request", "assist"], verbs.Select(i => i.Label));
        var targets = await Complete(server, history, text + "2022-09-21 .. 2022-09-25 AZE attack |");
        Assert.Contains(targets, i => i.Label == "ARM");
        Assert.Equal(["as of", "observed"], (await Complete(server, history, text + "|")).Select(i => i.Label));
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Party_completion_finds_targets_in_CRLF_events_and_in_jsonl_histories()
    {
        File.WriteAllText(Path.Combine(Root, "histories", "windows.events"), "as of 2022-12-31\r\n2022-10-01 AZE attack GEO\r\n");
        File.WriteAllText(Path.Combine(Root, "histories", "more.jsonl"), "{\"date\":\"2022-10-02\",\"actor\":\"AZE\",\"verb\":\"attack\",\"target\":\"TUR\"}\n");
        var history = Path.Combine(Root, "histories", "example.events");
        var text = File.ReadAllText(history);
        await using var server = LspClient.Start(Root);
        await server.Initialize(Root);
        await server.Open(history, text);
        var parties = await Complete(server, history, text + "2022-09-21 |");
        Assert.Contains(parties, i => i.Label == "GEO" && i.Detail == "party of the histories");
        Assert.Contains(parties, i => i.Label == "TUR" && i.Detail == "party of the histories");
        // A history changed on disk is read again.
        File.WriteAllText(Path.Combine(Root, "histories", "windows.events"), "as of 2022-12-31\r\n2022-10-01 AZE attack ABK\r\n");
        File.SetLastWriteTimeUtc(Path.Combine(Root, "histories", "windows.events"), DateTime.UtcNow.AddMinutes(1));
        parties = await Complete(server, history, text + "2022-09-21 |");
        Assert.Contains(parties, i => i.Label == "ABK");
        Assert.DoesNotContain(parties, i => i.Label == "GEO");
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Completion_never_fails_on_a_half_typed_buffer()
    {
        var rules = Path.Combine(CliHarness.RepoRoot, "rules");
        var cst = Path.Combine(rules, "cst.treaty");
        var text = File.ReadAllText(cst);
        await using var server = LspClient.Start(Cli.Directory);
        await server.Initialize(rules);
        await server.Open(cst, text);
        // Every cut of the file, the cursor at its end, and the cursor inside the whole file.
        for (var cut = 0; cut < text.Length; cut += Math.Max(1, text.Length / 70))
        {
            var items = await Complete(server, cst, text[..cut] + "|");
            Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.Label)));
            await Complete(server, cst, text[..cut] + "|" + text[cut..]);
        }
        // A gate names the readings of the treaty in scope, then their options, the default first.
        var rule = text.IndexOf("    kind defense\n", StringComparison.Ordinal) + "    kind defense\n".Length;
        var readings = await Complete(server, cst, text[..rule] + "    if reading |\n" + text[rule..]);
        Assert.Contains(readings, i => i.Label == "start" && i.Detail == "When a State's membership begins");
        var options = await Complete(server, cst, text[..rule] + "    if reading start is |\n" + text[rule..]);
        Assert.Equal(["not", "entry", "signature"], options.Select(i => i.Label));
        // Positions past the end of a line or of the file are clamped, not refused.
        var far = await server.Request("textDocument/completion", new { textDocument = new { uri = LspClient.Uri(cst) }, position = new { line = 100000, character = 5 } });
        Assert.Equal(0, far.GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await server.ShutdownAndExit()).Exit);
    }

    [Fact]
    public async Task Every_hand_typed_completion_word_is_a_keyword_the_parser_accepts()
    {
        // LanguageWords.Clauses and HistoryLines are typed by hand, not taken from the parser: a
        // sample using every one parses, and misspelling any one of them makes it fail.
        const string Rules = """
            vocabulary {
              verb attack "a"
              verb assist "b"
            }
            treaty PACT "P" {
              members {
                ARM 2020-01-01 ..
              }
              reading start "S" {
                entry "E"
                signature "G"
              }
              rule r "R" {
                kind defense
                when $v attack $w
                  where $v is member of PACT and ($w is not frozen or $w not in [ARM, PACT])
                    and there was $w attack $v within 30 days strictly before
                    and reading start is entry
                then each member $a except $v must not assist $w within 30 days through PACT
              }
              rule s "S" {
                kind other
                every 30 days from 2020-01-01 then ARM must assist PACT
              }
              rule t "T" {
                kind other
                when ARM attack PACT then PACT must assist ARM before PACT attack ARM
              }
            }

            """;
        Assert.Empty(AllianceRules.Parsing.RuleFileParser.Parse(new AllianceRules.Text.SourceFile("sample.treaty", Rules)).Diagnostics.Where(d => d.IsError));
        foreach (var word in AllianceRules.Parsing.LanguageWords.Clauses)
        {
            var misspelt = System.Text.RegularExpressions.Regex.Replace(Rules, $@"(?<=[\s(]){word}(?=[\s\[])", word + "q");
            Assert.NotEqual(Rules, misspelt);
            Assert.Contains(AllianceRules.Parsing.RuleFileParser.Parse(new AllianceRules.Text.SourceFile("sample.treaty", misspelt)).Diagnostics, d => d.IsError);
        }
        const string History = "as of 2022-12-31\nobserved 2022-01-01 .. 2022-07-01\n2022-09-13 AZE attack ARM\n";
        static bool Parses(string text)
        {
            var bag = new AllianceRules.Diagnostics.DiagnosticBag();
            _ = AllianceRules.History.HistorySyntax.Read(new AllianceRules.Text.SourceFile("sample.events", text), bag).Count();
            return !bag.HasErrors;
        }
        Assert.True(Parses(History));
        foreach (var start in AllianceRules.Parsing.LanguageWords.HistoryLines)
        {
            Assert.Contains("\n" + start + " ", "\n" + History, StringComparison.Ordinal);
            Assert.False(Parses(History.Replace(start, start + "q", StringComparison.Ordinal)), start);
        }
        await Task.CompletedTask;
    }

    private sealed record Item(string Label, int Kind, string? Detail, string Range, string? Replace = null);

    /// <summary>Puts the text (without its '|') in the buffer and asks for completion where the '|' was.</summary>
    private async Task<List<Item>> Complete(LspClient server, string path, string marked)
    {
        var (text, line, character) = LspEdits.Cursor(marked);
        await server.Change(path, text, ++version);
        var result = await server.Request("textDocument/completion", new { textDocument = new { uri = LspClient.Uri(path) }, position = new { line, character } });
        Assert.False(result.GetProperty("isIncomplete").GetBoolean());
        return [.. result.GetProperty("items").EnumerateArray().Select(i => new Item(
            i.GetProperty("label").GetString()!,
            i.GetProperty("kind").GetInt32(),
            i.TryGetProperty("detail", out var d) ? d.GetString() : null,
            (i.GetProperty("textEdit").TryGetProperty("insert", out var insert) ? insert : i.GetProperty("textEdit").GetProperty("range")).GetRawText(),
            i.GetProperty("textEdit").TryGetProperty("replace", out var replace) ? replace.GetRawText() : null))];
    }

    /// <summary>The range of the last <paramref name="typed"/> in <paramref name="text"/>, as the server writes one.</summary>
    private static string RangeOfTyped(string text, string typed)
    {
        var end = text.Length;
        var start = end - typed.Length;
        var line = text[..start].Count(c => c == '\n');
        var column = start - (text.LastIndexOf('\n', start - 1) + 1);
        return $"{{\"start\":{{\"line\":{line},\"character\":{column}}},\"end\":{{\"line\":{line},\"character\":{column + typed.Length}}}}}";
    }
}
