namespace AllianceRules.Cli;

public enum InputKind
{
    Rules,
    Events,
    JsonLines,

    /// <summary>A rule writers' test file, read only by <c>alliance test</c>.</summary>
    Tests,
}

/// <summary>A file to read: its path on disk, the path shown to the user, and what it holds.</summary>
public sealed record InputFile(string FullPath, string DisplayPath, InputKind Kind)
{
    public static InputKind? KindOf(string path) => Path.GetExtension(path) switch
    {
        ".treaty" => InputKind.Rules,
        ".events" => InputKind.Events,
        ".jsonl" => InputKind.JsonLines,
        ".test" => InputKind.Tests,
        _ => null,
    };
}
