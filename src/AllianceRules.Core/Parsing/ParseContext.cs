using AllianceRules.Diagnostics;
using AllianceRules.Text;
using Sprache;

namespace AllianceRules.Parsing;

/// <summary>
/// What one parse of a <c>.treaty</c> file writes as it goes. The parsers themselves are static and
/// shared by every thread, so this travels with the input (<see cref="TextInput.Context"/>) and is
/// never seen by another parse.
/// </summary>
internal sealed class ParseContext(SourceFile file, DiagnosticBag diagnostics)
{
    public SourceFile File { get; } = file;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>Where the last token (not its trivia) ended, for spans.</summary>
    public int LastTokenEnd { get; set; }

    /// <summary>Whether a """ string ran to the end of the file, which explains any block left open.</summary>
    public bool UnterminatedLongString { get; set; }

    /// <summary>The depth (nesting of blocks) of every item skipped so far.</summary>
    public List<int> Skips { get; } = [];

    /// <summary>How many blocks enclose the item being parsed.</summary>
    public int Depth { get; set; }

    /// <summary>How many parentheses and 'not's enclose the condition being parsed.</summary>
    public int ConditionNesting { get; set; }

    public static ParseContext Of(IInput input) =>
        (input as TextInput)?.Context ?? throw new InvalidOperationException("The treaty grammar runs only over a TextInput with a ParseContext.");

    public void Report(Diagnostic diagnostic)
    {
        if (diagnostic.Code == "AR1002" && string.CompareOrdinal(File.Text, diagnostic.Span.Start, "\"\"\"", 0, 3) == 0) UnterminatedLongString = true;
        Diagnostics.Add(diagnostic);
    }
}
