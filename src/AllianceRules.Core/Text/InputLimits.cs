namespace AllianceRules.Text;

/// <summary>
/// How large an input read whole may be (docs/robustness.md, limits). The command line checks a
/// file's size before reading it; the pipeline checks texts it is handed in memory (an editor's
/// buffer), so no caller can make the engine parse an unbounded rule file.
/// </summary>
public static class InputLimits
{
    /// <summary>Rule files are written by people: 16 MB is hundreds of thousands of lines.</summary>
    public const long RuleFileBytes = 16L << 20;

    /// <summary>Histories and dataset files read whole: their text takes about twice this in memory.</summary>
    public const long WholeFileBytes = 512L << 20;

    /// <summary>What a rule file past <see cref="RuleFileBytes"/> is told.</summary>
    public const string RuleFileWhy = "a rule file may be at most 16 MB";

    /// <summary>The UTF-8 size of a text, or any number past <paramref name="limit"/> once it is surely larger (a UTF-8 byte per character at least).</summary>
    public static long Utf8Size(string text, long limit) =>
        text.Length > limit ? text.Length : System.Text.Encoding.UTF8.GetByteCount(text);
}
