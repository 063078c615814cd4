using System.Text;
using AllianceRules.Formatting;
using AllianceRules.Tests.Formatting;
using AllianceRules.Tests.Support;
using AllianceRules.Text;
using CsCheck;

namespace AllianceRules.Tests.Properties;

/// <summary>
/// The canonical layout depends on nothing but the tokens: a file with its white space scrambled
/// (indentation, spaces between tokens, blank lines) formats to the same text as the original.
/// </summary>
public sealed class FormatProperties
{
    private static readonly string[] Samples =
    [
        "rules/cst.treaty", "rules/nato.treaty", "rules/vocabulary.treaty", "rules/memorandum-2000.treaty",
        "seeds/armenia-2022-09.events", "seeds/kazakhstan-2022.events", "seeds/csto-sessions-2022.events",
        "tests/AllianceRules.Tests/Cases/eval/240-calendar-duties/rules.treaty",
        "tests/AllianceRules.Tests/Cases/explain/pact.treaty",
    ];

    [Fact]
    public void Scrambled_white_space_formats_to_the_same_text()
    {
        var files = Samples.Select(p => new SourceFile(p, File.ReadAllText(Repo.Path(p)))).ToList();
        Gen.Select(Gen.Int[0, files.Count - 1], Gen.Int).Sample((which, seed) =>
        {
            var file = files[which];
            var scrambled = Scramble(file.Text, new Random(seed), file.Path.EndsWith(".treaty", StringComparison.Ordinal));
            var expected = Formatter.Format(file).Text;
            var actual = Formatter.Format(new SourceFile(file.Path, scrambled));
            Assert.True(actual.Text is not null, $"The scrambled file does not parse:\n{scrambled}\n{string.Join("\n", actual.Diagnostics.Select(d => d.Message))}");
            Assert.Equal(expected, actual.Text);
            Assert.Equal(FormatterTests.Meaning(file), FormatterTests.Meaning(new SourceFile(file.Path, scrambled)));
        }, iter: 200);
    }

    /// <summary>
    /// Rewrites only the white space the language ignores: indentation, the spaces between tokens
    /// on a line (never none where a space separates words), tabs, CRLF, and longer runs of blank lines.
    /// Strings and comments are copied as they are; line breaks stay where they are.
    /// </summary>
    private static string Scramble(string text, Random random, bool treaty)
    {
        var sb = new StringBuilder();
        var i = 0;
        var atLineStart = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                var end = text.IndexOf(text.AsSpan(i).StartsWith("\"\"\"") ? "\"\"\"" : "\"", i + (text.AsSpan(i).StartsWith("\"\"\"") ? 3 : 1), StringComparison.Ordinal);
                while (end > 0 && !text.AsSpan(i).StartsWith("\"\"\"") && text[end - 1] == '\\' && !IsEscapedBackslash(text, end - 1)) end = text.IndexOf('"', end + 1);
                end += text.AsSpan(i).StartsWith("\"\"\"") ? 3 : 1;
                sb.Append(text, i, end - i);
                i = end;
                atLineStart = false;
            }
            else if (c == '#')
            {
                var end = text.IndexOf('\n', i);
                if (end < 0) end = text.Length;
                sb.Append(text, i, end - i);
                i = end;
            }
            else if (c == '\n')
            {
                sb.Append(random.Next(4) == 0 ? "\r\n" : "\n");
                // Blank lines are the writer's paragraphs, kept (one at most): a blank line may grow, none appears.
                // In a history every line keeps its number, so there the blank lines stay as they are.
                if (treaty && i + 1 < text.Length && text[i + 1] == '\n' && random.Next(2) == 0) sb.Append('\n', random.Next(1, 3));
                i++;
                atLineStart = true;
                sb.Append(' ', random.Next(0, 7));
            }
            else if (c is ' ' or '\t')
            {
                while (i < text.Length && text[i] is ' ' or '\t') i++;
                if (i < text.Length && text[i] is '\n' or '#') continue;
                if (!atLineStart) sb.Append(random.Next(3) == 0 ? "\t" : new string(' ', random.Next(1, 4)));
            }
            else
            {
                sb.Append(c);
                atLineStart = false;
                i++;
            }
        }
        return sb.ToString();
    }

    private static bool IsEscapedBackslash(string text, int at)
    {
        var count = 0;
        while (at - count >= 0 && text[at - count] == '\\') count++;
        return count % 2 == 0;
    }
}
