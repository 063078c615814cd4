using AllianceRules.Diagnostics;

namespace AllianceRules.Cli;

/// <summary>
/// How large a file read whole may be (docs/robustness.md, limits): checked before reading, so a
/// file too large is a clear error (AR9020), not an out-of-memory crash. Histories that `check`
/// streams have no such limit.
/// </summary>
internal static class FileLimits
{
    /// <summary>Rule files are written by people: 16 MB is hundreds of thousands of lines.</summary>
    public const long RuleFileBytes = 16L << 20;

    /// <summary>Histories and dataset files read whole: their text takes about twice this in memory.</summary>
    public const long WholeFileBytes = 512L << 20;

    /// <summary>AR9020 when the file is larger than <paramref name="limit"/>; null otherwise, or when its size cannot be told (reading it will say why).</summary>
    public static Diagnostic? Check(string display, string fullPath, long limit, string what)
    {
        long size;
        try
        {
            size = new FileInfo(fullPath).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return size <= limit ? null : DiagnosticCatalog.FileTooLarge(display, size, limit, what);
    }

    public static Diagnostic? CheckRuleFile(string display, string fullPath) =>
        Check(display, fullPath, RuleFileBytes, "a rule file may be at most 16 MB");

    public static Diagnostic? CheckWholeHistory(string display, string fullPath) =>
        Check(display, fullPath, WholeFileBytes, "this command reads a history whole, up to 512 MB; 'alliance check' streams histories of any size");
}
