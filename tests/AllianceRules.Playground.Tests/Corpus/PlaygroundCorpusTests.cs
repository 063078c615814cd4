using System.Text;
using AllianceRules.Playground.Bundle;
using AllianceRules.Playground.Highlighting;
using AllianceRules.Playground.Sharing;
using AllianceRules.Playground.Workspace;
using AllianceRules.Tests.Support;

namespace AllianceRules.Playground.Tests.Corpus;

/// <summary>
/// The bad-input corpus (tests/corpus/README.md) through the playground, as a visitor would paste
/// it: each rule file in place of the tour's, each history beside the tour's rule file. The page's
/// engine gives diagnostics, never an exception; each starts inside its file (or just past its
/// end, where "unexpected end of file" points), as the editor needs; the colouring covers every
/// character; and the page's link reads back to the same files.
/// </summary>
public sealed class PlaygroundCorpusTests
{
    private static readonly BundledFiles Bundle = BundledFiles.Embedded;

    public static TheoryData<string> Kinds() => ["treaty", "events", "jsonl"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_corpus_file_of_a_kind_is_checked_coloured_and_linked_as_the_page_would(string kind)
    {
        var paths = Directory.GetFiles(Repo.Path("tests", "corpus", "bad"), "*." + kind, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(paths.Count >= 20, $"only {paths.Count} .{kind} files in the corpus");
        var tour = new WorkFile(Samples.TourRules, Bundle.Text(Samples.TourRules)!, Samples.TourRules);
        var history = new WorkFile(Samples.TourHistory, Bundle.Text(Samples.TourHistory)!, Samples.TourHistory);
        var compared = 0;
        foreach (var path in paths)
        {
            // As a textarea holds it: the bytes decoded, invalid UTF-8 replaced.
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(path));
            var name = "corpus/" + Path.GetFileName(path);
            WorkFile[] files = kind == "treaty" ? [new WorkFile(name, text), history] : [tour, new WorkFile(name, text)];
            var result = PlaygroundEngine.Evaluate(files, ChoiceState.None);
            foreach (var d in result.Diagnostics)
            {
                Assert.True(d.File is null || (d.Span.Start >= 0 && d.Span.Start <= d.File.Text.Length), $"{path}: {d.Code} starts outside {d.File?.Path}");
            }
            if (CommandLineErrors(path, kind) is { } expected)
            {
                // The page refuses what 'alliance check FILE' refuses, with the same codes (the
                // tour's other file may add its own).
                var codes = result.Diagnostics.Where(d => d.IsError && d.File?.Path == name).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
                Assert.True(expected.All(codes.Contains), $"{path}: the command line gives {string.Join(", ", expected)}, the page {string.Join(", ", codes)}");
                compared++;
            }
            Assert.Equal(text.Length, Highlighter.Shades(text).Length);
            var page = new PageState([.. files], ChoiceState.None);
            var back = ShareLink.Read(ShareLink.Write(page, Bundle), Bundle);
            Assert.True(back.State is { } state && state.Files.SequenceEqual(page.Files), $"{path}: the link did not read back ({back.Error})");
        }
        if (kind == "treaty") Assert.True(compared >= 50, $"only {compared} rule files were compared with the command line");
    }

    /// <summary>
    /// The error codes a case expects when it is a rule file alone, checked alone
    /// (<c>check rules.treaty</c>, nothing built at run time); null for any other case.
    /// </summary>
    private static string[]? CommandLineErrors(string path, string kind)
    {
        var folder = Path.GetDirectoryName(path)!;
        var args = Path.Combine(folder, "args");
        var expected = Path.Combine(folder, "expected");
        if (kind != "treaty" || File.Exists(Path.Combine(folder, "setup")) || !File.Exists(args) || !File.Exists(expected)) return null;
        var inputs = Directory.GetFiles(folder).Where(f => Path.GetFileName(f) is not ("args" or "expected" or "expected.privileged")).ToList();
        if (inputs.Count != 1 || File.ReadAllText(args).Trim() != "check " + Path.GetFileName(path)) return null;
        var lines = File.ReadAllLines(expected);
        if (lines.Length == 0 || lines[0] != "2") return null;
        var codes = lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @": error (AR\d{4}):")).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().ToArray();
        return codes.Length == 0 ? null : codes;
    }
}
