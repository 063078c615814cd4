using AllianceRules.Text;

namespace AllianceRules.Diagnostics;

/// <summary>
/// The structured side of a did-you-mean: the factories that suggest a name also give the edit
/// that writes it (<see cref="Diagnostic.Fix"/>), so an editor never reads it back out of the message.
/// </summary>
public static partial class DiagnosticCatalog
{
    /// <summary>"; did you mean 'x'?" for a suggestion, or the empty string: as <see cref="SpellingSuggester.DidYouMean"/> words it.</summary>
    private static string DidYouMean(string? suggestion) => suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";

    /// <summary>
    /// <paramref name="diagnostic"/> with a fix replacing <paramref name="misspelt"/> by
    /// <paramref name="suggestion"/>, at the diagnostic's span when it holds exactly that text, else
    /// at the one whole-word occurrence of it inside the span; with no suggestion, no file, or no
    /// such place, the diagnostic as it is.
    /// </summary>
    private static Diagnostic Suggesting(Diagnostic diagnostic, string misspelt, string? suggestion)
    {
        if (suggestion is null || diagnostic.File is not { } file || misspelt.Length == 0) return diagnostic;
        var span = diagnostic.Span;
        if (span.Start < 0 || span.End > file.Text.Length) return diagnostic;
        var text = file.Text.AsSpan(span.Start, span.Length);
        if (!text.SequenceEqual(misspelt))
        {
            if (WholeWord(text, misspelt) is not { } at) return diagnostic;
            span = new TextSpan(span.Start + at, misspelt.Length);
        }
        return diagnostic with { Fix = new DiagnosticFix(span, suggestion) };
    }

    /// <summary>Where <paramref name="word"/> occurs in <paramref name="text"/> exactly once, not inside a longer word; else null.</summary>
    private static int? WholeWord(ReadOnlySpan<char> text, string word)
    {
        int? found = null;
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0;)
        {
            var end = i + word.Length;
            if ((i == 0 || !IsWordChar(text[i - 1])) && (end == text.Length || !IsWordChar(text[end])))
            {
                if (found is not null) return null;
                found = i;
            }
            var next = text[(i + 1)..].IndexOf(word, StringComparison.Ordinal);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return found;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$' or '.';
}
