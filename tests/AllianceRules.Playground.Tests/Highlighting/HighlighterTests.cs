using AllianceRules.Parsing;
using AllianceRules.Playground.Highlighting;
using CsCheck;

namespace AllianceRules.Playground.Tests.Highlighting;

/// <summary>The editor's colours: one shade per character, from the language's own word lists.</summary>
public sealed class HighlighterTests
{
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.OneOf("\"", "\"\"\"", "\"\"", "\\", "\\\"", "#", "$", "=", "\n", "\r\n", "2022-09-13", "2022-", "1.", "-", "A", "ab", "_", "é", "😀", " ")
            .Array[0, 30].Select(string.Concat));

    [Fact]
    public void Every_character_gets_one_shade_whatever_the_text() =>
        Text.Sample(text => Assert.Equal(text.Length, Highlighter.Shades(text).Length), iter: 2000);

    public static TheoryData<string> Words() =>
        [.. LanguageWords.TopLevel.Concat(LanguageWords.TreatyItems).Concat(LanguageWords.RuleItems).Concat(LanguageWords.Kinds).Concat(LanguageWords.Clauses).Distinct()];

    [Theory]
    [MemberData(nameof(Words))]
    public void Every_word_of_the_language_is_a_keyword(string word)
    {
        Assert.Equal([(Shade.Keyword, word)], Runs(word));
        Assert.Equal([(Shade.Plain, "  "), (Shade.Keyword, word), (Shade.Plain, " ")], Runs($"  {word} "));
    }

    [Fact]
    public void A_history_line_and_a_quote_get_their_shades()
    {
        const string text = "2022-09-13 AZE attack ARM source=\"x \\\"y\" $victim 30 days # hi\nquote \"\"\"one\ntwo\"\"\"\n";
        Assert.Equal(
        [
            (Shade.Date, "2022-09-13"), (Shade.Plain, " "), (Shade.Code, "AZE"), (Shade.Plain, " attack "), (Shade.Code, "ARM"), (Shade.Plain, " "),
            (Shade.Attribute, "source"), (Shade.Plain, "="), (Shade.String, "\"x \\\"y\""), (Shade.Plain, " "), (Shade.Variable, "$victim"),
            (Shade.Plain, " "), (Shade.Number, "30"), (Shade.Plain, " "), (Shade.Keyword, "days"), (Shade.Plain, " "), (Shade.Comment, "# hi"),
            (Shade.Plain, "\n"), (Shade.Keyword, "quote"), (Shade.Plain, " "), (Shade.String, "\"\"\"one\ntwo\"\"\""), (Shade.Plain, "\n"),
        ], Runs(text));
    }

    [Fact]
    public void A_string_left_open_ends_at_its_line_and_a_triple_quote_left_open_at_the_text()
    {
        const string open = "\"open \\\nrule";
        var shades = Highlighter.Shades(open);
        Assert.Equal([(Shade.String, "\"open \\")], Highlighter.Runs(open, shades, new bool[open.Length], 0, 7).Select(r => (r.Shade, r.Text)));
        Assert.Equal([(Shade.Keyword, "rule")], Highlighter.Runs(open, shades, new bool[open.Length], 8, 12).Select(r => (r.Shade, r.Text)));
        Assert.Equal([(Shade.String, "\"\"\"open\nrule")], Runs("\"\"\"open\nrule"));
    }

    [Fact]
    public void The_runs_of_each_line_reassemble_it_exactly() =>
        Gen.Select(Text, Gen.Int).Sample((text, seed) =>
        {
            var shades = Highlighter.Shades(text);
            var random = new Random(seed);
            var flagged = Enumerable.Range(0, text.Length).Select(_ => random.Next(4) == 0).ToArray();
            var start = 0;
            foreach (var end in Enumerable.Range(0, text.Length).Where(i => text[i] == '\n').Append(text.Length))
            {
                var runs = Highlighter.Runs(text, shades, flagged, start, end).ToList();
                Assert.Equal(text[start..end], string.Concat(runs.Select(r => r.Text)));
                var at = start;
                foreach (var run in runs)
                {
                    Assert.All(Enumerable.Range(at, run.Text.Length), i => Assert.Equal((run.Shade, run.Flagged), (shades[i], flagged[i])));
                    at += run.Text.Length;
                }
                start = end + 1;
            }
        }, iter: 1000);

    private static List<(Shade, string)> Runs(string text)
    {
        var shades = Highlighter.Shades(text);
        return [.. Highlighter.Runs(text, shades, new bool[text.Length], 0, text.Length).Select(r => (r.Shade, r.Text))];
    }
}
