using AllianceRules.Diagnostics;
using AllianceRules.Text;

namespace AllianceRules.Cli;

/// <summary>
/// How large a file read whole may be (docs/robustness.md, limits): checked before reading, so a
/// file too large is a clear error (AR9020), not an out-of-memory crash. Histories that `check`
/// streams have no such limit.
/// </summary>
internal static class FileLimits
{
    public const long RuleFileBytes = InputLimits.RuleFileBytes;

    public const long WholeFileBytes = InputLimits.WholeFileBytes;

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
        Check(display, fullPath, RuleFileBytes, InputLimits.RuleFileWhy);

    public static Diagnostic? CheckWholeHistory(string display, string fullPath) =>
        Check(display, fullPath, WholeFileBytes, "this command reads a history whole, up to 512 MB; 'alliance check' streams histories of any size");
}
