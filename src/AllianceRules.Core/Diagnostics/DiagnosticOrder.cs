using System.Collections.Immutable;

namespace AllianceRules.Diagnostics;

/// <summary>Orders diagnostics by file (in first-seen order), then line and column (so pieces of one file, read apart, sort as one), then code.</summary>
public static class DiagnosticOrder
{
    /// <param name="files">The files in the order they were given, when that is not the order their diagnostics were found in (a merge reads files by date).</param>
    public static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics, IEnumerable<string>? files = null)
    {
        var list = diagnostics.Distinct().ToList();
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in files ?? []) fileOrder.TryAdd(path, fileOrder.Count);
        foreach (var d in list)
        {
            var path = d.File?.Path ?? string.Empty;
            fileOrder.TryAdd(path, fileOrder.Count);
        }
        return [.. list
            .OrderBy(d => fileOrder[d.File?.Path ?? string.Empty])
            .ThenBy(d => d.Position?.Line ?? 0)
            .ThenBy(d => d.Position?.Column ?? 0)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
    }
}
