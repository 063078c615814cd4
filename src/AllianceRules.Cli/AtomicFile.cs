namespace AllianceRules.Cli;

/// <summary>Writes a file all at once: a temporary file beside it, then a rename. On failure the old file is untouched.</summary>
public static class AtomicFile
{
    private static string Why(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "the directory does not exist",
        FileNotFoundException => "the file system does not allow it",
        _ => e.Message.TrimEnd('.'),
    };

    private static string Shown(string? directory) => string.IsNullOrEmpty(directory) ? "." : directory.Replace('\\', '/');

    /// <summary>Null on success, or why it failed.</summary>
    public static string? TryWrite(string path, string contents) =>
        TryWrite(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(contents);
        });

    /// <summary>Null on success, or why it failed; <paramref name="write"/> fills the temporary file.</summary>
    public static string? TryWrite(string path, Action<Stream> write)
    {
        string? temporary = null;
        try
        {
            var full = Path.GetFullPath(path);
            var directory = Path.GetDirectoryName(full) ?? ".";
            if (Directory.Exists(full)) return "it is a directory";
            // Named as the user gave it: the absolute path was once printed here (bad-input corpus, issue #8).
            if (!Directory.Exists(directory)) return $"the directory '{Shown(Path.GetDirectoryName(path))}' does not exist";
            // A read-only file is the user's decision, which a rename would override (even as root).
            UnixFileMode? mode = null;
            if (File.Exists(full) && !OperatingSystem.IsWindows())
            {
                var existing = File.GetUnixFileMode(full);
                if ((existing & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0) return "it is read-only";
                mode = existing;
            }
            if (File.Exists(full) && new FileInfo(full).IsReadOnly) return "it is read-only";
            var candidate = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
            var stage = $"cannot create a temporary file in '{directory}'";
            try
            {
                using (var stream = new FileStream(candidate, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    temporary = candidate;
                    write(stream);
                }
                stage = "cannot replace it";
                // The new file keeps the old one's permissions (a private file stays private).
                if (mode is { } keep && !OperatingSystem.IsWindows()) File.SetUnixFileMode(candidate, keep);
                File.Move(candidate, full, overwrite: true);
                temporary = null;
                return null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The temporary file is ours, not the user's: never name it.
                return $"{stage} ({Why(e).Replace(candidate, full, StringComparison.Ordinal)})";
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Why(e);
        }
        finally
        {
            if (temporary is not null)
            {
                try
                {
                    File.Delete(temporary);
                }
                catch (IOException)
                {
                    // Nothing more can be done; the target itself was never touched.
                }
            }
        }
    }
}
