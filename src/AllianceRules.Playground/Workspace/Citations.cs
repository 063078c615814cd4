using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AllianceRules.Playground.Workspace;

/// <summary>The <c>file:line</c> places an explanation cites, so the editor can mark those lines.</summary>
internal static partial class Citations
{
    [GeneratedRegex(@"(?<file>[\w./-]+\.(?:treaty|events|jsonl|test)):(?<line>\d{1,7})")]
    private static partial Regex Place();

    public static ImmutableHashSet<(string File, int Line)> In(string? text) =>
        text is null ? [] : [.. Place().Matches(text).Select(m => (m.Groups["file"].Value, int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture)))];

    /// <summary>The text split into plain runs and cited places, in order, for a page that links each place.</summary>
    public static IEnumerable<(string Text, (string File, int Line)? Place)> Split(string text)
    {
        var at = 0;
        foreach (Match m in Place().Matches(text))
        {
            if (m.Index > at) yield return (text[at..m.Index], null);
            yield return (m.Value, (m.Groups["file"].Value, int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture)));
            at = m.Index + m.Length;
        }
        if (at < text.Length) yield return (text[at..], null);
    }
}
