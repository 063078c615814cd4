namespace AllianceRules.Playground.Workspace;

/// <summary>
/// One file of the page: its path, its text, and the bundled file it was loaded from (null for a
/// file the user added). A file whose text differs from its bundled one is edited, and a shared
/// link carries its text; an unedited one travels as its path and stamp.
/// </summary>
public sealed record WorkFile(string Path, string Text, string? BundledFrom = null)
{
    public bool IsRules => Path.EndsWith(".treaty", StringComparison.Ordinal);

    public bool IsHistory => Path.EndsWith(".events", StringComparison.Ordinal) || Path.EndsWith(".jsonl", StringComparison.Ordinal);

    /// <summary>The name shown on the file's tab: the last part of its path.</summary>
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];
}
