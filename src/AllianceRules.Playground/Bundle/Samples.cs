using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace AllianceRules.Playground.Bundle;

/// <summary>What the menu loads: files by bundled path, and the teaching note shown beside them.</summary>
internal sealed record Sample(string Id, string Title, ImmutableArray<string> Files, string? Note);

/// <summary>
/// The menu, read from the bundled files themselves so it follows the repository: the README's
/// tour (its <c>example=tour</c> blocks, as the documentation tests read them), and each crisis of
/// the table in <c>seeds/README.md</c> with the whole library and the note the table links.
/// </summary>
internal static partial class Samples
{
    public const string TourRules = "tour/tour.treaty";
    public const string TourHistory = "tour/tour.events";

    [GeneratedRegex(@"^```(?<kind>[a-z]+) example=tour[ \t]*\n(?<body>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex TourBlock();

    // | `a.events`, `b.events` | crisis | 13 | [notes](../docs/cases/x.md) |
    [GeneratedRegex(@"^\|(?<files>(?:\s*`[^`]+\.events`,?)+)\s*\|(?<title>[^|]+)\|[^|]*\|\s*\[notes\]\(\.\./(?<note>docs/cases/[^)]+\.md)\)\s*\|\s*$", RegexOptions.Multiline)]
    private static partial Regex CrisisRow();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Quoted();

    /// <summary>The tour's two files, cut from the README as a reader would save them.</summary>
    public static IEnumerable<KeyValuePair<string, string>> TourFiles(string readme)
    {
        var blocks = TourBlock().Matches(readme).ToList();
        string Join(string kind) => string.Concat(blocks.Where(b => b.Groups["kind"].Value == kind).Select(b => b.Groups["body"].Value));
        yield return new(TourRules, Join("treaty"));
        yield return new(TourHistory, Join("events"));
    }

    public static ImmutableArray<Sample> All(BundledFiles bundle)
    {
        var library = bundle.Under("rules/").Where(p => p.EndsWith(".treaty", StringComparison.Ordinal)).ToImmutableArray();
        var list = ImmutableArray.CreateBuilder<Sample>();
        list.Add(new Sample("tour", "The README's tour", [TourRules, TourHistory], null));
        foreach (Match row in CrisisRow().Matches(bundle.Text("seeds/README.md") ?? string.Empty))
        {
            var files = Quoted().Matches(row.Groups["files"].Value).Select(m => "seeds/" + m.Groups[1].Value).Where(bundle.Contains).ToList();
            var note = row.Groups["note"].Value;
            var title = row.Groups["title"].Value.Trim();
            // A row of several files is several crises: each loads alone, under the row's note, named by its file.
            foreach (var file in files)
            {
                var id = Path.GetFileNameWithoutExtension(file);
                list.Add(new Sample(id, $"{title} ({id})", [.. library, file], bundle.Contains(note) ? note : null));
            }
        }
        list.Add(new Sample("library", "The whole library and every crisis", [.. library, .. bundle.Under("seeds/").Where(p => p.EndsWith(".events", StringComparison.Ordinal))], null));
        return list.ToImmutable();
    }
}
