using AllianceRules.History.Datasets;

namespace AllianceRules.History;

/// <summary>What one file has shown so far: its format (once its first line told it), CSV or ICEWS header, and whether an event has come yet.</summary>
internal sealed class FileState(HistoryFormat format)
{
    public HistoryFormat Format { get; set; } = format;

    public bool Sniffed { get; set; }

    public CsvHeader Csv { get; } = new();

    public IcewsRowReader? Icews { get; set; }

    public bool SawEvent { get; set; }
}
