namespace AllianceRules.Cli;

/// <summary>Writes a file all at once: a temporary file beside it, then a rename. On failure the old file is untouched.</summary>
internal static class AtomicFile
{
    private static string Why(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "the directory does not exist",
        FileNotFoundException => "the file system does not allow it",
        _ => e.Message.TrimEnd('.'),
    };

    /// <summary>
    /// The test hook ALLIANCE_TEST_STALL_OUTPUT: a byte count, or "rename". It lets the output-safety
    /// test kill the real process at points it chooses rather than at moments that depend on the
    /// machine's speed: mid-write once the temporary file holds that many bytes, or with the file
    /// complete but not yet renamed.
    /// </summary>
    private const string StallVariable = "ALLIANCE_TEST_STALL_OUTPUT";

    private const long AtRename = -1;

    private static long? StallPoint() => Environment.GetEnvironmentVariable(StallVariable) switch
    {
        null or "" => null,
        "rename" => AtRename,
        var text when long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bytes) => bytes,
        var text => throw new InvalidOperationException($"{StallVariable} must be a byte count or 'rename', not '{text}'"),
    };

    /// <summary>Says so on standard error, for the test to see, and waits to be killed.</summary>
    private static void Stall()
    {
        Console.Error.WriteLine("stalled");
        Console.Error.Flush();
        Thread.Sleep(Timeout.Infinite);
    }

    /// <summary>Passes writes on until at least <c>bytes</c> have gone through, then flushes them to the file and stalls.</summary>
    private sealed class StallingStream(FileStream file, long bytes) : Stream
    {
        private long _written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override void Flush() => file.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            file.Write(buffer);
            _written += buffer.Length;
            if (_written >= bytes)
            {
                file.Flush();
                Stall();
            }
        }
    }

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
                var stall = StallPoint();
                using (var file = new FileStream(candidate, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    temporary = candidate;
                    write(stall is { } bytes and not AtRename ? new StallingStream(file, bytes) : file);
                }
                stage = "cannot replace it";
                // The new file keeps the old one's permissions (a private file stays private).
                if (mode is { } keep && !OperatingSystem.IsWindows()) File.SetUnixFileMode(candidate, keep);
                if (stall == AtRename) Stall();
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
