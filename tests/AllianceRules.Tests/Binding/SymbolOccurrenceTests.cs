using AllianceRules.Binding;
using AllianceRules.Parsing;
using AllianceRules.Tests.Support;
using AllianceRules.Text;

namespace AllianceRules.Tests.Binding;

/// <summary>
/// The one walk of a rule file's names (<see cref="SymbolLocator"/>) as find references reads it,
/// and the names a history's event lines write (<see cref="HistorySymbols"/>), with exact spans.
/// </summary>
public sealed class SymbolOccurrenceTests
{
    private const string Rules = """
        vocabulary { verb attack "uses force" verb assist }
        treaty T "t" {
          members { ARM 2000-01-01 .. RUS 2000-01-01 .. }
          assume prompt = 30 days
          rule r1 "r" {
            kind defense
            when $a attack $v where $v is member and $a is not member of U
            then each member $m except $v must assist $v within prompt
          }
        }
        treaty U "u" {
          members { RUS 2000-01-01 .. }
          assume prompt = 10 days
          rule r2 "r" {
            kind defense
            when $a attack RUS
            then RUS must assist RUS within prompt
          }
        }
        """;

    private static readonly SourceFile File = new("t.treaty", Rules);

    [Fact]
    public void Occurrences_of_an_assumption_stay_in_its_treaty_and_mark_the_declaration()
    {
        var (syntax, _) = RuleFileParser.Parse(File);
        var prompt = new SymbolReference(SymbolKind.Assumption, "prompt", "T", default);
        var found = SymbolLocator.Occurrences(syntax, prompt).ToList();
        Assert.Equal([(Nth("prompt", 0), true), (Nth("prompt", 1), false)], found.Select(s => (s.Span, s.IsDeclaration)));
        Assert.Equal([Nth("prompt", 0)], SymbolDeclarations.Find(syntax, prompt));
    }

    [Fact]
    public void Occurrences_of_a_verb_and_a_party_cross_treaties()
    {
        var (syntax, _) = RuleFileParser.Parse(File);
        var attack = SymbolLocator.Occurrences(syntax, new SymbolReference(SymbolKind.Verb, "attack", null, default)).ToList();
        Assert.Equal([Nth("attack", 0), Nth("attack", 1), Nth("attack", 2)], attack.Select(s => s.Span));
        Assert.Equal([true, false, false], attack.Select(s => s.IsDeclaration));
        var rus = SymbolLocator.Occurrences(syntax, new SymbolReference(SymbolKind.Party, "RUS", null, default)).ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => Nth("RUS", i)), rus.Select(s => s.Span));
        Assert.Equal([true, true, false, false, false], rus.Select(s => s.IsDeclaration));
    }

    [Fact]
    public void A_treaty_code_is_found_where_declared_and_in_is_member_of()
    {
        var (syntax, _) = RuleFileParser.Parse(File);
        var of = Nth("of U", 0).Start + 3;
        var symbol = SymbolLocator.Find(syntax, of);
        Assert.Equal(new SymbolReference(SymbolKind.Treaty, "U", null, new TextSpan(of, 1)), symbol);
        var all = SymbolLocator.Occurrences(syntax, symbol!).ToList();
        Assert.Equal([(of, false), (Nth("treaty U", 0).Start + 7, true)], all.Select(s => (s.Span.Start, s.IsDeclaration)));
    }

    [Fact]
    public void Find_and_All_read_the_same_walk()
    {
        var (syntax, _) = RuleFileParser.Parse(File);
        foreach (var s in SymbolLocator.All(syntax))
        {
            Assert.Equal(s, SymbolLocator.Find(syntax, s.Span.Start + (s.Span.Length / 2)));
        }
    }

    [Fact]
    public void A_history_names_actors_verbs_and_targets_of_its_events()
    {
        var text = "as of 2022-12-31\n# ARM attack AZE in a comment\n2022-09-13 AZE attack ARM \"Shelling\"\n  2022-09-14 .. 2022-09-20 RUS assist ARM article=\"4\"\n";
        var history = new SourceFile("h.events", text);
        var all = HistorySymbols.All(history);
        Assert.Equal(
            [(SymbolKind.Party, "AZE", Offset(text, "AZE attack")), (SymbolKind.Verb, "attack", Offset(text, "attack ARM")), (SymbolKind.Party, "ARM", Offset(text, "ARM \"")),
             (SymbolKind.Party, "RUS", Offset(text, "RUS")), (SymbolKind.Verb, "assist", Offset(text, "assist")), (SymbolKind.Party, "ARM", Offset(text, "ARM article"))],
            all.Select(s => (s.Kind, s.Name, s.Span.Start)));
        Assert.All(all, s => Assert.Equal(s.Name.Length, s.Span.Length));
        Assert.Equal(all[4], HistorySymbols.Find(history, Offset(text, "assist") + 6));
        Assert.Null(HistorySymbols.Find(history, Offset(text, "ARM attack")));
        Assert.Null(HistorySymbols.Find(history, Offset(text, "Shelling")));
        Assert.Equal(2, HistorySymbols.Occurrences(history, new SymbolReference(SymbolKind.Party, "ARM", null, default)).Count());
    }

    [Fact]
    public void A_json_lines_name_is_the_text_inside_its_quotes()
    {
        var text = "{\"asOf\":\"2022-12-31\"}\n{\"date\":\"2022-09-13\", \"actor\":\"AZE\",\"verb\":\"attack\",\"target\":\"ARM\"}\n{\"date\":\"2022-09-14\",\"actor\":\"RUS\",\"verb\":\"\\u0061ssist\",\"target\":\"ARM\"}\n";
        var history = new SourceFile("h.jsonl", text);
        var verbs = HistorySymbols.All(history).Where(s => s.Kind == SymbolKind.Verb).ToList();
        Assert.Equal(new TextSpan(Offset(text, "attack"), 6), verbs[0].Span);
        // Written with an escape, the name is the whole quoted value.
        Assert.Equal(("assist", new TextSpan(Offset(text, "\"\\u0061"), 13)), (verbs[1].Name, verbs[1].Span));
        Assert.Equal("AZE", HistorySymbols.Find(history, Offset(text, "AZE"))?.Name);
    }

    [Fact]
    public void A_rule_test_names_rules_parties_assumptions_and_its_inline_history()
    {
        var text = "test \"t\"\r\n  rules \"r\"\r\n  assume prompt = 5 days\r\n  history {\r\n    2022-09-13 AZE attack ARM\r\n  }\r\n  expect T.r1 ARM 2022-09-13 violated\r\n  expect no T.r1 RUS\r\n  expect summary T ARM reliability 0\r\nend\r\n";
        var file = new SourceFile("t.test", text);
        IEnumerable<int> Starts(SymbolKind kind, string name, string? treaty) =>
            TestSymbols.Occurrences(file, new SymbolReference(kind, name, treaty, default)).Select(s => s.Span.Start);
        Assert.Equal([Offset(text, "r1 ARM"), Offset(text, "r1 RUS")], Starts(SymbolKind.Rule, "r1", "T"));
        Assert.Empty(Starts(SymbolKind.Rule, "r1", "U"));
        Assert.Equal([Offset(text, "T.r1 ARM"), Offset(text, "T.r1 RUS"), Offset(text, "T ARM")], Starts(SymbolKind.Treaty, "T", null));
        Assert.Equal([Offset(text, "prompt")], Starts(SymbolKind.Assumption, "prompt", "T"));
        // The inline history's lines are blanked around it, CRLF and all: its names keep the test file's offsets.
        Assert.Equal([Offset(text, "attack")], Starts(SymbolKind.Verb, "attack", null));
        Assert.Equal([Offset(text, "ARM 2022-09-13 violated"), Offset(text, "ARM reliability"), Offset(text, "ARM\r\n")], Starts(SymbolKind.Party, "ARM", null));
    }

    /// <summary>Every rule file, history and rule test of the repository (the bad-input corpus too): no exception, every span within its text, and the name at each occurrence is that occurrence.</summary>
    [Fact]
    public void Every_file_of_the_repository_gives_occurrences_that_find_themselves()
    {
        string[] extensions = [".treaty", ".events", ".jsonl", ".test"];
        var paths = new[] { "rules", "seeds", Path.Combine("tests", "corpus") }
            .SelectMany(d => Directory.GetFiles(Repo.Path(d), "*", SearchOption.AllDirectories))
            .Where(p => extensions.Contains(Path.GetExtension(p)))
            .ToList();
        Assert.True(paths.Count > 150, $"only {paths.Count} files were found");
        var total = 0;
        foreach (var path in paths)
        {
            var file = new SourceFile(Path.GetFileName(path), System.IO.File.ReadAllText(path));
            var ext = Path.GetExtension(path);
            var syntax = ext == ".treaty" ? RuleFileParser.Parse(file).Syntax : null;
            var all = syntax is not null ? SymbolLocator.All(syntax)
                : ext == ".test" ? [.. TestSymbols.Occurrences(file, new SymbolReference(SymbolKind.Party, "RUS", null, default))]
                : HistorySymbols.All(file);
            foreach (var s in all)
            {
                Assert.InRange(s.Span.End, s.Span.Start, file.Text.Length);
                if (syntax is not null) Assert.Equal(s, SymbolLocator.Find(syntax, s.Span.Start));
                else if (ext != ".test") Assert.Equal(s, HistorySymbols.Find(file, s.Span.Start));
                else Assert.Equal("RUS", file.Text.Substring(s.Span.Start, s.Span.Length));
            }
            total += all.Count;
        }
        Assert.True(total > 1000, $"only {total} names were found");
    }

    private static int Offset(string text, string what) => text.IndexOf(what, StringComparison.Ordinal);

    /// <summary>The span of the <paramref name="n"/>th occurrence of <paramref name="word"/> in the rules, as a whole word.</summary>
    private static TextSpan Nth(string word, int n)
    {
        var at = -1;
        for (var i = 0; i <= n; i++)
        {
            do at = Rules.IndexOf(word, at + 1, StringComparison.Ordinal);
            while (at > 0 && char.IsAsciiLetterOrDigit(Rules[at - 1]));
        }
        return new TextSpan(at, word.Length);
    }
}
