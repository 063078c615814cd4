using AllianceRules.Diagnostics;
using AllianceRules.Text;
using Sprache;

namespace AllianceRules.Parsing;

/// <summary>Turns a Sprache failure into a diagnostic in the user's words.</summary>
internal static class ParseFailureTranslator
{
    public static Diagnostic Translate<T>(SourceFile file, IResult<T> failure, int offsetShift = 0)
    {
        var position = failure.Remainder.Position + offsetShift;
        if (CustomFailure.TryRead(failure.Message, out var code, out var length, out var message))
        {
            return new Diagnostic(code, Severity.Error, file, new TextSpan(position, length), message);
        }
        var found = Lexical.Describe(file.Text, position);
        var expectations = failure.Expectations.Where(e => !string.IsNullOrWhiteSpace(e)).ToList();
        var expected = expectations.Count == 0 ? "something else" : Friendly.List(expectations);
        var width = found.StartsWith('\'') ? Math.Max(1, found.Length - 2) : 1;
        return DiagnosticCatalog.SyntaxError(file.At(new TextSpan(position, width)), found, expected);
    }
}
