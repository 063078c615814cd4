using System.Collections.Immutable;
using AllianceRules.Diagnostics;

namespace AllianceRules.Importing;

/// <summary>A file an importer generated: its name inside the output folder, and its text.</summary>
public sealed record GeneratedFile(string Name, string Text);

/// <summary>A row of a dataset that could not be placed: where it is, why (a short phrase) and the value at fault.</summary>
public sealed record SkippedRow(string File, int Line, string Reason, string Detail);

/// <summary>
/// What an importer produced: the files, the rows it skipped (never silently), and a summary for the
/// person who ran it; or, when the input could not be read, the errors and no files.
/// </summary>
public sealed record ImportOutcome(ImmutableArray<GeneratedFile> Files, ImmutableArray<SkippedRow> Skipped, ImmutableArray<Diagnostic> Diagnostics, string Summary)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    internal static ImportOutcome Failed(IEnumerable<Diagnostic> diagnostics) => new([], [], [.. diagnostics], string.Empty);

    /// <summary>The skipped rows counted by reason, in ordinal order of the reasons.</summary>
    public IEnumerable<(string Reason, int Count)> SkipCounts =>
        Skipped.GroupBy(s => s.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()));
}
