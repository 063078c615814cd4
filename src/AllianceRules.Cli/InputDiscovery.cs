using AllianceRules.Diagnostics;

namespace AllianceRules.Cli;

/// <summary>
/// Expands the paths of the command line into files (language.md 5.1 rule 16): a directory
/// yields its .treaty, .events and .jsonl files recursively, in ordinal order of their paths,
/// skipping names that begin with '.' and files that are not regular files (a FIFO, a socket, a
/// device); a file reached twice is read once.
/// </summary>
internal static class InputDiscovery
{
    /// <param name="namedFilesAreHistories">With <c>--events-format</c>: a file named on the command line whose extension says nothing (a dataset's own name) is a history in that format.</param>
    public static (List<InputFile> Files, List<Diagnostic> Diagnostics) Discover(IEnumerable<string> paths, bool namedFilesAreHistories = false)
    {
        var files = new List<InputFile>();
        var diagnostics = new List<Diagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var given in paths)
        {
            if (File.Exists(given))
            {
                if ((InputFile.KindOf(given) ?? (namedFilesAreHistories ? InputKind.Dataset : null)) is not { } kind)
                {
                    diagnostics.Add(DiagnosticCatalog.UnsupportedExtension(given));
                    continue;
                }
                Add(RealPath(Path.GetFullPath(given)), Display(given), kind);
            }
            else if (Directory.Exists(given))
            {
                var root = Path.GetFullPath(given);
                var found = new List<(string Relative, string Full, InputKind Kind)>();
                Walk(root, string.Empty, found, diagnostics, [], given);
                foreach (var (relative, full, kind) in found.OrderBy(f => f.Relative, StringComparer.Ordinal))
                {
                    Add(full, Join(given, relative), kind);
                }
            }
            else
            {
                diagnostics.Add(DiagnosticCatalog.PathNotFound(given));
            }
        }
        return (files, diagnostics);

        void Add(string full, string display, InputKind kind)
        {
            if (seen.Add(full)) files.Add(new InputFile(full, display, kind));
        }
    }

    /// <summary>The path with symbolic links resolved, so a file reached twice (or a link loop) is seen for what it is.</summary>
    public static string RealPath(string fullPath)
    {
        try
        {
            var info = new FileInfo(fullPath);
            var target = info.Exists ? info.ResolveLinkTarget(returnFinalTarget: true) : new DirectoryInfo(fullPath).ResolveLinkTarget(returnFinalTarget: true);
            var resolved = target?.FullName ?? fullPath;
            var parent = Path.GetDirectoryName(resolved);
            return parent is null || parent == resolved ? resolved : Path.Combine(RealPath(parent), Path.GetFileName(resolved));
        }
        catch (IOException)
        {
            return fullPath;
        }
    }

    /// <summary>
    /// Collects files below a directory. A link back to an ancestor is not followed (a loop); other
    /// ways to reach one file are all collected, and the caller keeps the first in ordinal order.
    /// </summary>
    private static void Walk(string directory, string relative, List<(string, string, InputKind)> found, List<Diagnostic> diagnostics, List<string> ancestors, string given)
    {
        var real = RealPath(directory);
        if (ancestors.Contains(real)) return;
        ancestors.Add(real);
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The path as the user would write it, not the absolute one.
            diagnostics.Add(DiagnosticCatalog.CannotRead(relative.Length == 0 ? Display(given) : Join(given, relative), ReadFailure.Why(e)));
            ancestors.RemoveAt(ancestors.Count - 1);
            return;
        }
        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('.')) continue;
            var childRelative = relative.Length == 0 ? name : relative + "/" + name;
            if (Directory.Exists(entry)) Walk(entry, childRelative, found, diagnostics, ancestors, given);
            // A FIFO, socket or device is skipped as a file of another extension is: reading a FIFO
            // blocks until something writes to it, and one named x.treaty hung check and the
            // language server. A file named on the command line is read whatever it is: that was asked for.
            else if (InputFile.KindOf(name) is { } kind && FileType.IsRegularOrUnknown(entry)) found.Add((childRelative, RealPath(Path.GetFullPath(entry)), kind));
        }
        ancestors.RemoveAt(ancestors.Count - 1);
    }

    private static string Display(string path) => path.Replace('\\', '/');

    /// <summary>The path as given, joined with the path below the directory, with '/' separators.</summary>
    private static string Join(string directory, string relative)
    {
        var d = Display(directory);
        return d.EndsWith('/') ? d + relative : d + "/" + relative;
    }
}
