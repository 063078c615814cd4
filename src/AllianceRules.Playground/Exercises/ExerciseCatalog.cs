using System.Collections.Immutable;
using AllianceRules.Parsing;
using AllianceRules.Playground.Bundle;
using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.Playground.Exercises;

/// <summary>
/// The exercises among the bundled files: every folder under <see cref="Root"/> with a
/// <c>question.md</c> and a <c>key.test</c> that parses. Adding a folder and publishing again is
/// all an instructor does (docs/teaching.md).
/// </summary>
internal static class ExerciseCatalog
{
    public const string Root = "docs/exercises/";

    public static ImmutableArray<Exercise> All(BundledFiles bundle) =>
        [.. bundle.Under(Root)
            .Where(p => p.EndsWith("/key.test", StringComparison.Ordinal))
            .Select(p => p[Root.Length..^"/key.test".Length])
            .Where(id => !id.Contains('/', StringComparison.Ordinal))
            .Select(id => Load(bundle, id))
            .OfType<Exercise>()];

    private static Exercise? Load(BundledFiles bundle, string id)
    {
        var folder = Root + id + "/";
        if (bundle.Text(folder + "question.md") is not { } question) return null;
        var keyFile = new SourceFile(folder + "key.test", bundle.Text(folder + "key.test")!);
        var (key, problems) = TestFileParser.Parse(keyFile);
        if (problems.Count > 0) return null;
        var kind = bundle.Under(folder + "solution/").Any() ? ExerciseKind.Edit : ExerciseKind.Predict;
        var title = question.Split('\n')[0].TrimStart('#', ' ').Trim();
        var draft = new Exercise(id, title, question, kind, keyFile, key, []);
        var files = key.Tests
            .SelectMany(t => t.Rules.Select(r => (r.Value, Rules: true)).Concat(t.Histories.Select(h => (h.Value, Rules: false))))
            .SelectMany(p => Resolve(bundle, folder, p.Value, p.Rules))
            .Select(draft.Opened)
            .Concat(bundle.Under(folder + "start/"))
            .Where(bundle.Contains)
            .Distinct(StringComparer.Ordinal);
        return draft with { Files = [.. files] };
    }

    /// <summary>
    /// The bundled files a key's path names, relative to the key's folder: the file itself, or the
    /// rule files (histories) of a folder, as <c>alliance test</c> reads a folder.
    /// </summary>
    public static IEnumerable<string> Resolve(BundledFiles bundle, string folder, string relative, bool rules)
    {
        var path = Normalize(folder + relative);
        if (path is null) return [];
        if (bundle.Contains(path)) return [path];
        string[] extensions = rules ? [".treaty"] : [".events", ".jsonl"];
        return bundle.Under(path.TrimEnd('/') + "/").Where(p => extensions.Any(e => p.EndsWith(e, StringComparison.Ordinal)));
    }

    /// <summary>A path with its <c>.</c> and <c>..</c> parts resolved; null if it climbs above the repository.</summary>
    public static string? Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }
        return string.Join('/', parts);
    }
}
