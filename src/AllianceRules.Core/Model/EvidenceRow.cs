namespace AllianceRules.Model;

/// <summary>
/// A row kept by where it is, not by its text: its file, byte offset, length and line, and a hash of its
/// bytes, by which a row read back is known to be the row that was read (a file rewritten in between
/// fails loudly rather than print another row). The text is read each time it is asked for, so an
/// instance printed in two formats reads it twice, and nothing the report does not print is held.
/// </summary>
public sealed record EvidenceRow(RowSource Source, long Offset, int Length, int Hash, int Line)
{
    public string Text => Source.Read(this);
}

/// <summary>A file whose rows can be read again at their offsets, from any thread, after the run that read them.</summary>
public abstract class RowSource
{
    /// <summary>The path as the user gave it.</summary>
    public abstract string Path { get; }

    /// <summary>The text of a row, decoded as UTF-8; <see cref="HistoryChangedException"/> if the file no longer holds it.</summary>
    public abstract string Read(EvidenceRow row);
}

/// <summary>A history changed (or went away) between being read and a report printing one of its rows.</summary>
/// <remarks>
/// Not an <see cref="IOException"/>: it is thrown while a report is written, and a writer's own
/// handling of I/O errors (an output file that cannot be written) must not take it for its own.
/// </remarks>
public sealed class HistoryChangedException(string path, string why) : Exception($"{path}: {why}")
{
    public string Path { get; } = path;

    public string Why { get; } = why;
}
