namespace AllianceRules.History;

/// <summary>How a history file is written.</summary>
public enum HistoryFormat
{
    /// <summary><c>.events</c> lines (language.md §4).</summary>
    Events,

    /// <summary>JSON Lines, one object per line.</summary>
    JsonLines,

    /// <summary>CSV with a header row; or, when its first line shows it, a dataset file (GDELT's are named <c>.CSV</c>).</summary>
    Csv,

    /// <summary>GDELT 1.0 event files (57 or 58 tab-separated columns).</summary>
    Gdelt1,

    /// <summary>GDELT 2.0 event files (61 tab-separated columns).</summary>
    Gdelt2,

    /// <summary>ICEWS event files (tab-separated, with a header).</summary>
    Icews,

    /// <summary>A dataset file (<c>.tsv</c>, <c>.tab</c>) whose layout its first line tells.</summary>
    Dataset,
}

/// <summary>A history's format by the name of its file.</summary>
internal static class HistoryFormats
{
    /// <summary>A history's format by its extension, looking through a final <c>.gz</c>.</summary>
    public static HistoryFormat Of(string path) => Extension(path).ToLowerInvariant() switch
    {
        ".jsonl" => HistoryFormat.JsonLines,
        ".csv" => HistoryFormat.Csv,
        ".tsv" or ".tab" => HistoryFormat.Dataset,
        _ => HistoryFormat.Events,
    };

    /// <summary>A history's extension as written, looking through a final <c>.gz</c>.</summary>
    public static string Extension(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.Ordinal) ? path[..^3] : path;
        return Path.GetExtension(name);
    }

    /// <summary>Whether the format is rows of a dataset (GDELT, ICEWS), read by their columns rather than as text written by hand.</summary>
    internal static bool IsDataset(this HistoryFormat format) => format is HistoryFormat.Gdelt1 or HistoryFormat.Gdelt2 or HistoryFormat.Icews;
}
