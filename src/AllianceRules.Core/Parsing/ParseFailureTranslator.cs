using AllianceRules.Diagnostics;
using AllianceRules.Text;
using Sprache;

namespace AllianceRules.Parsing;

/// <summary>Turns a Sprache failure into a diagnostic in the user's words.</summary>
internal static class ParseFailureTranslator
{
    /// <summary>
    /// With <paramref name="itemStart"/>, a failure at the first token of a later line than the item's
    /// start is reported at the end of the line before: that is where the missing token belongs.
    /// </summary>
    public static Diagnostic Translate<T>(SourceFile file, IResult<T> failure, int? itemStart = null)
    {
        var position = failure.Remainder.Position;
        if (CustomFailure.TryRead(failure.Message, out var code, out var at, out var length, out var message))
        {
            // AR2004 travelled as text; made again by its factory, it carries its fix too.
            if (code == "AR2004" && at >= 0 && at + length <= file.Text.Length) return DiagnosticCatalog.UnknownKind(file.At(new TextSpan(at, length)), file.Text.Substring(at, length), Keywords.Kinds);
            return new Diagnostic(code, Severity.Error, file, new TextSpan(at, length), message);
        }
        var found = Lexical.Describe(file.Text, position);
        if (itemStart is { } start && position > start && found != "end of file"
            && Lexical.EndOfPreviousLine(file.Text, position) is { } endOfLine && endOfLine > start)
        {
            position = endOfLine;
            found = "end of line";
        }
        var expectations = failure.Expectations.Where(e => !string.IsNullOrWhiteSpace(e)).ToList();
        var expected = expectations.Count == 0 ? "something else" : Friendly.List(expectations);
        var width = found.StartsWith('\'') ? Math.Max(1, found.Length - 2) : 1;
        return DiagnosticCatalog.SyntaxError(file.At(new TextSpan(position, width)), found, expected);
    }
}
