using System.Collections.Immutable;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace AllianceRules.Playground.Bundle;

/// <summary>
/// The files that travel inside the playground (its project file embeds them), keyed by their
/// path in the repository: <c>rules/cst.treaty</c>, <c>seeds/kazakhstan-2022.events</c>,
/// <c>docs/exercises/01-…/key.test</c>. A shared link names a bundled file by path and
/// <see cref="Stamp"/>, so a link made with other versions of the files can say so.
/// </summary>
public sealed class BundledFiles
{
    private const string Prefix = "bundle/";

    private readonly ImmutableSortedDictionary<string, string> _texts;

    public BundledFiles(IEnumerable<KeyValuePair<string, string>> texts) =>
        _texts = texts.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>The files embedded in this assembly.</summary>
    public static BundledFiles Embedded { get; } = Load(typeof(BundledFiles).Assembly);

    public IEnumerable<string> Paths => _texts.Keys;

    public bool Contains(string path) => _texts.ContainsKey(path);

    public string? Text(string path) => _texts.GetValueOrDefault(path);

    /// <summary>The paths under a folder (<c>rules/</c>), in order.</summary>
    public IEnumerable<string> Under(string folder) => _texts.Keys.Where(p => p.StartsWith(folder, StringComparison.Ordinal));

    /// <summary>A short digest of a file's text: enough to tell two versions apart in a link.</summary>
    public static string Stamp(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 6));

    private static BundledFiles Load(Assembly assembly)
    {
        var texts = new List<KeyValuePair<string, string>>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            // Line ends as the command line reads them on Linux: a checkout on Windows must not change a stamp.
            texts.Add(new(name[Prefix.Length..].Replace('\\', '/'), reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal)));
        }
        // The README's tour, as two files a reader would save from it.
        var readme = texts.FirstOrDefault(t => t.Key == "README.md").Value;
        if (readme is not null) texts.AddRange(Samples.TourFiles(readme));
        return new BundledFiles(texts);
    }
}
