using AllianceRules.Diagnostics;

namespace AllianceRules.History.Datasets;

/// <summary>Counts the rows of imported data that cannot be events, by reason, and keeps them when asked to (<c>--verbose</c>).</summary>
internal sealed class SkipCounter(bool keepRows)
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly List<SkippedRow> _rows = [];

    public SkippedRows Skipped => _counts.Count == 0
        ? SkippedRows.None
        : new SkippedRows([.. _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value))], [.. _rows]);

    public void Skip(string path, int line, string reason, string detail)
    {
        _counts[reason] = _counts.GetValueOrDefault(reason) + 1;
        if (keepRows) _rows.Add(new SkippedRow(path, line, reason, detail));
    }
}
