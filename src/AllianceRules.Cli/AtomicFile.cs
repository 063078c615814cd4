namespace AllianceRules.Cli;

/// <summary>Writes a file all at once: a temporary file beside it, then a rename. On failure the old file is untouched.</summary>
public static class AtomicFile
{
    /// <summary>Null on success, or why it failed.</summary>
    public static string? TryWrite(string path, string contents)
    {
        string? temporary = null;
        try
        {
            var full = Path.GetFullPath(path);
            var directory = Path.GetDirectoryName(full) ?? ".";
            if (Directory.Exists(full)) return "it is a directory";
            if (!Directory.Exists(directory)) return $"the directory '{directory}' does not exist";
            temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
            File.WriteAllText(temporary, contents);
            File.Move(temporary, full, overwrite: true);
            temporary = null;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return e.Message;
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
