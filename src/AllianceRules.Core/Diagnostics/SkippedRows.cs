using System.Collections.Immutable;

namespace AllianceRules.Diagnostics;

/// <summary>A row of imported data left out: where it was, why (a reason shared by many rows, for counting), and what exactly (the code or name).</summary>
public sealed record SkippedRow(string File, int Line, string Reason, string Detail);

/// <summary>How many rows of imported data were left out, by reason; and the rows themselves when they were asked for (<c>--verbose</c>).</summary>
public sealed record SkippedRows(ImmutableArray<(string Reason, long Count)> Counts, ImmutableArray<SkippedRow> Rows)
{
    public static readonly SkippedRows None = new([], []);

    public long Total => Counts.Sum(c => c.Count);

    public bool IsEmpty => Counts.IsEmpty;
}
