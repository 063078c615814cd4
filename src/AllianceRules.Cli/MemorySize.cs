using System.Globalization;
using AllianceRules.Diagnostics;

namespace AllianceRules.Cli;

/// <summary>Reads a size such as <c>512MB</c>, <c>2GB</c>, <c>64KB</c> or a number of bytes (units of 1024).</summary>
internal static class MemorySize
{
    public static long? Parse(string text, List<Diagnostic> problems)
    {
        var t = text.Trim().ToUpperInvariant();
        var (digits, factor) = t switch
        {
            _ when t.EndsWith("GB", StringComparison.Ordinal) => (t[..^2], 1L << 30),
            _ when t.EndsWith("MB", StringComparison.Ordinal) => (t[..^2], 1L << 20),
            _ when t.EndsWith("KB", StringComparison.Ordinal) => (t[..^2], 1L << 10),
            _ when t.EndsWith('B') => (t[..^1], 1L),
            _ => (t, 1L),
        };
        if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= long.MaxValue / factor) return n * factor;
        problems.Add(DiagnosticCatalog.CommandLine($"--max-memory '{text}' is not a size such as 512MB, 2GB or 65536KB"));
        return null;
    }
}
