using System.Text;

namespace AllianceRules.Reporting;

/// <summary>The text reports' tables: two-space indent and gaps, numbers right-aligned, no trailing spaces.</summary>
internal static class TextTable
{
    /// <summary>Writes <paramref name="rows"/> aligned; columns <paramref name="numericFrom"/> to <paramref name="numericTo"/> (both included) are padded on the left.</summary>
    public static void Align(StringBuilder sb, List<string[]> rows, int numericFrom = int.MaxValue, int numericTo = -1)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            sb.Append("  ");
            sb.AppendLine(string.Join("  ", row.Select((cell, c) => c >= numericFrom && c <= numericTo ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
        }
    }
}
