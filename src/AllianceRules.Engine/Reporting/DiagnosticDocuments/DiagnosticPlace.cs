using AllianceRules.Diagnostics;

namespace AllianceRules.Reporting.DiagnosticDocuments;

/// <summary>What the documents share: severity names, and a path as a URI reference.</summary>
internal static class DiagnosticPlace
{
    /// <summary>The level as the text output names it: error, warning or info.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Information => "info",
        _ => "warning",
    };

    /// <summary>
    /// The path as shown, as a URI reference: a relative path stays relative (forward slashes, each
    /// segment escaped), so a code-scanning tool resolves it against the repository; an absolute path
    /// becomes a file: URI.
    /// </summary>
    public static string Uri(string path)
    {
        var slashed = path.Replace('\\', '/');
        var escaped = string.Join('/', slashed.Split('/').Select(s => IsDrive(s) ? s : System.Uri.EscapeDataString(s)));
        if (slashed.StartsWith('/')) return "file://" + escaped;
        return slashed.Length >= 2 && IsDrive(slashed[..2]) ? "file:///" + escaped : escaped;
    }

    private static bool IsDrive(string segment) => segment.Length == 2 && char.IsAsciiLetter(segment[0]) && segment[1] == ':';
}
