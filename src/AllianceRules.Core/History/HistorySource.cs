namespace AllianceRules.History;

/// <summary>A history to read: the path shown to the user, its format, and how to open its text (the caller does the I/O).</summary>
public sealed record HistorySource(string Path, HistoryFormat Format, Func<TextReader> Open);
