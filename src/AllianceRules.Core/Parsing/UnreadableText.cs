using System.Buffers;
using AllianceRules.Diagnostics;
using AllianceRules.Text;

namespace AllianceRules.Parsing;

/// <summary>
/// Finds what a text file written by hand cannot hold: bytes that are not UTF-8 (which the
/// decoder turned into U+FFFD), NUL bytes, and a byte-order mark after the start. They were
/// once read silently (a Latin-1 'é' in a description became '�', exit 0) or echoed raw into
/// messages (bad-input corpus, issue #8). Each line's first such character is an
/// error (AR1007); it is then read as a space, so that the rest of the file is still checked and
/// no message prints it raw.
/// </summary>
internal static class UnreadableText
{
    // Other control characters stay allowed: a bell in a description is the writer's to show
    // (the HTML and JUnit writers replace it), and earlier tests pin that.
    private static readonly SearchValues<char> Bad = SearchValues.Create("\0\uFEFF\uFFFD");

    /// <summary>The file with such characters made spaces, and an error for the first of them on each line.</summary>
    public static SourceFile Check(SourceFile file, DiagnosticBag diagnostics)
    {
        var text = file.Text;
        var next = text.AsSpan().IndexOfAny(Bad);
        if (next < 0) return file;
        var chars = text.ToCharArray();
        var reportedLine = -1;
        var found = new List<(int Offset, char Character)>();
        for (var i = next; i < chars.Length; i++)
        {
            if (!Bad.Contains(chars[i])) continue;
            found.Add((i, chars[i]));
            chars[i] = ' ';
        }
        var cleaned = new SourceFile(file.Path, new string(chars), file.FirstLine, file.FirstOffset);
        foreach (var (offset, character) in found)
        {
            var line = cleaned.GetPosition(offset).Line;
            if (line == reportedLine) continue;
            reportedLine = line;
            diagnostics.Add(DiagnosticCatalog.UnreadableCharacter(cleaned.At(new TextSpan(offset, 1)), Describe(character)));
        }
        return cleaned;
    }

    private static string Describe(char c) => c switch
    {
        '\uFFFD' => "bytes that are not UTF-8 text (or the replacement character U+FFFD); save the file as UTF-8",
        '\uFEFF' => "a byte-order mark (U+FEFF) after the start of the file; remove it",
        _ => "a NUL byte (U+0000); is this a binary file?",
    };
}
