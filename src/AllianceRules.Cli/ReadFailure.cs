using System.Text.RegularExpressions;
using AllianceRules.Diagnostics;

namespace AllianceRules.Cli;

/// <summary>
/// Why a file could not be read, in the user's words. .NET's own messages name the absolute path
/// (often another one than the user gave, through a link) and read like "Too many levels of
/// symbolic links : '/tmp/…/a.treaty'" (bad-input corpus, issue #8).
/// </summary>
internal static partial class ReadFailure
{
    /// <summary>What a read that failed reports: AR9020 for a gzip file whose text is past the whole-file limit, else AR9003 with <see cref="Why"/>.</summary>
    public static Diagnostic Report(string display, Exception e) => e is DecompressedTooLargeException tooLarge
        ? DiagnosticCatalog.DecompressedTooLarge(display, tooLarge.Limit, "this command reads a history whole, up to 512 MB of text; 'alliance check' streams histories of any size")
        : DiagnosticCatalog.CannotRead(display, Why(e));

    public static string Why(Exception e) => e switch
    {
        TruncatedGzipException => "its gzip data ends early: the file is cut short (download it again)",
        InvalidDataException => "it is not valid gzip data",
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "it does not exist (is it a link to a file that is gone?)",
        IOException when e.Message.Contains("symbolic links", StringComparison.OrdinalIgnoreCase) => "its symbolic links form a loop",
        _ => PathSuffix().Replace(e.Message, string.Empty).TrimEnd('.'),
    };

    /// <summary>The " : '/the/path'" that .NET appends to an error of the operating system.</summary>
    [GeneratedRegex(@"\s*:\s*'[^']*'\s*\.?$")]
    private static partial Regex PathSuffix();
}
