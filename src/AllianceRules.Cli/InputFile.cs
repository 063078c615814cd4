namespace AllianceRules.Cli;

internal enum InputKind
{
    Rules,
    Events,
    JsonLines,

    /// <summary>A rule writers' test file, read only by <c>alliance test</c>.</summary>
    Tests,

    /// <summary>A history as CSV, with a header (or a GDELT file, which GDELT names <c>.CSV</c>).</summary>
    Csv,

    /// <summary>A dataset's own file (<c>.tsv</c>, <c>.tab</c>): GDELT or ICEWS, told by its first line or <c>--events-format</c>.</summary>
    Dataset,
}

/// <summary>A file to read: its path on disk, the path shown to the user, and what it holds.</summary>
internal sealed record InputFile(string FullPath, string DisplayPath, InputKind Kind)
{
    /// <summary>Whether the file is an event history of some format.</summary>
    public bool IsHistory => Kind is InputKind.Events or InputKind.JsonLines or InputKind.Csv or InputKind.Dataset;

    /// <summary>What a file holds, by its extension; a history may be gzip-compressed (<c>.events.gz</c>, <c>.csv.gz</c>, <c>.jsonl.gz</c>, <c>.tsv.gz</c>).</summary>
    public static InputKind? KindOf(string path) => path.EndsWith(".gz", StringComparison.Ordinal)
        ? KindOf(path[..^3]) is InputKind.Events or InputKind.JsonLines or InputKind.Csv or InputKind.Dataset ? KindOf(path[..^3]) : null
        : Path.GetExtension(path) switch
    {
        ".csv" or ".CSV" => InputKind.Csv,
        ".tsv" or ".tab" => InputKind.Dataset,
        ".treaty" => InputKind.Rules,
        ".events" => InputKind.Events,
        ".jsonl" => InputKind.JsonLines,
        ".test" => InputKind.Tests,
        _ => null,
    };
}

/// <summary>Reads input files: bytes as they are on disk, and text decoded from them (through gzip for .gz).</summary>
internal static class InputText
{
    /// <summary>
    /// The text of a file's bytes. Through gzip, at most <paramref name="limit"/> bytes (the
    /// whole-file limit, which the file's own size was checked against) are decompressed; past it,
    /// <see cref="DecompressedTooLargeException"/>, which <see cref="ReadFailure.Report"/> reports as AR9020.
    /// </summary>
    public static string Decode(string path, byte[] bytes, long limit = FileLimits.WholeFileBytes)
    {
        Stream stream = new MemoryStream(bytes);
        if (path.EndsWith(".gz", StringComparison.Ordinal)) stream = new CheckedGzipStream(stream, () => new MemoryStream(bytes, writable: false), limit);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
