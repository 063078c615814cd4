using System.Text;
using AllianceRules.Text;

namespace AllianceRules.History;

/// <summary>
/// A history to read: the path shown to the user, its format, and how to open its bytes (the caller
/// does the I/O, the History part the rest).
/// </summary>
/// <remarks>
/// A history is bytes, not text: the reader decodes them as UTF-8 (dropping a byte order mark) a
/// piece at a time, or, for a dataset, reads its rows as bytes; every piece knows where it starts in
/// the file. An evidence row of a dataset keeps its file and byte offset, to be read again when a
/// report shows it, instead of holding its text: it keeps its offset when
/// <see cref="OpenSeekable"/> can open the file again (a plain file), and its text otherwise (gzip).
/// </remarks>
public sealed record HistorySource(string Path, HistoryFormat Format, Func<Stream> Open)
{
    /// <summary>A history already in memory as text (tests, tools), read as its UTF-8 bytes.</summary>
    public static HistorySource FromText(string path, HistoryFormat format, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Stream Open() => new MemoryStream(bytes, writable: false);
        return new(path, format, Open) { OpenSeekable = Open };
    }

    /// <summary>
    /// A history already in memory as a source file, read whole as it is: a piece of a larger file
    /// (a .test file's inline history) keeps the line numbers it has there.
    /// </summary>
    public static HistorySource FromSource(SourceFile file) =>
        new(file.Path, HistoryFormats.Of(file.Path), () => new MemoryStream(Encoding.UTF8.GetBytes(file.Text), writable: false)) { Whole = file };

    /// <summary>
    /// Opens the bytes again, as a stream that can seek, to read an evidence row back at its offset when
    /// a report prints it (from any thread, after the run); null when they cannot be (gzip, a pipe), and
    /// then each evidence row keeps its text as it is read.
    /// </summary>
    public Func<Stream>? OpenSeekable { get; init; }

    /// <summary>
    /// Asked once <see cref="Open"/> has returned: whether the file just opened can be opened again
    /// (a named pipe, <c>&lt;(zcat x.gz)</c>, cannot: opening it again would wait for a writer for ever).
    /// </summary>
    public Func<bool> CanReopen { get; init; } = static () => true;

    /// <summary>With <see cref="FromSource"/>: the text itself, read as one piece.</summary>
    public SourceFile? Whole { get; init; }

    /// <summary>The text of the bytes, decoded as UTF-8 as <c>check</c> reads every history, in a buffer of 64 KB.</summary>
    internal TextReader OpenText() => new StreamReader(Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
}
