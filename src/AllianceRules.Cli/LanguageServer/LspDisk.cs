using AllianceRules.Diagnostics;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>
/// The language server's reads of files from disk, as check reads them: only a regular file (a
/// FIFO, socket or device would block the read, and with it the server's worker, for good), within
/// the whole-file limits, decoded through gzip for .gz.
/// </summary>
internal static class LspDisk
{
    /// <summary>
    /// The text of the file at <paramref name="fullPath"/>; null when it does not exist, is not a
    /// regular file, is too large or cannot be read, with the reason added to
    /// <paramref name="problems"/> (AR9003, AR9020) when it is given.
    /// </summary>
    public static string? TryRead(string fullPath, string display, bool isRules, List<Diagnostic>? problems = null)
    {
        if (!FileType.IsRegularOrUnknown(fullPath))
        {
            problems?.Add(DiagnosticCatalog.CannotRead(display, "it is not a regular file (a FIFO, socket or device)"));
            return null;
        }
        if ((isRules ? FileLimits.CheckRuleFile(display, fullPath) : FileLimits.CheckWholeHistory(display, fullPath)) is { } tooLarge)
        {
            problems?.Add(tooLarge);
            return null;
        }
        try
        {
            return InputText.Decode(fullPath, File.ReadAllBytes(fullPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            problems?.Add(ReadFailure.Report(display, e));
            return null;
        }
    }
}
