using System.Collections.Immutable;
using AllianceRules.Diagnostics;
using AllianceRules.Text;

namespace AllianceRules.Validation.Lint;

/// <summary>
/// The severity of each lint code, from a small file of lines <c>AR6005 = off</c> (or
/// <c>info</c>, <c>warning</c>, <c>error</c>); codes not named keep their own level (a warning; information for AR6015). <c>#</c> starts a comment.
/// </summary>
public sealed record LintConfig(ImmutableDictionary<string, string> Levels)
{
    public static readonly LintConfig Default = new(ImmutableDictionary<string, string>.Empty);

    public static readonly string[] LevelNames = ["off", "info", "warning", "error"];

    public static readonly string[] KnownCodes = ["AR6001", "AR6002", "AR6003", "AR6004", "AR6005", "AR6006", "AR6007", "AR6008", "AR6009", "AR6011", "AR6012", "AR6013", "AR6014", "AR6015"];

    public static (LintConfig Config, ImmutableArray<Diagnostic> Diagnostics) Parse(SourceFile file)
    {
        var levels = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        var offset = 0;
        foreach (var raw in file.Text.Split('\n'))
        {
            var start = offset;
            offset += raw.Length + 1;
            var line = raw.Split('#')[0].TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            var first = start + line.Length - line.TrimStart().Length;
            var span = new TextSpan(first, line.Trim().Length);
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !parts[0].StartsWith("AR6", StringComparison.Ordinal) || parts[0].Length != 6 || !parts[0][3..].All(char.IsAsciiDigit))
            {
                problems.Add(DiagnosticCatalog.BadLintConfig(file.At(span), "each line is 'AR6nnn = off', 'info', 'warning' or 'error'"));
                continue;
            }
            if (!KnownCodes.Contains(parts[0]))
            {
                problems.Add(DiagnosticCatalog.BadLintConfig(file.At(span), $"there is no lint code {parts[0]}; they are {KnownCodes[0]} to {KnownCodes[^1]}"));
                continue;
            }
            if (!LevelNames.Contains(parts[1]))
            {
                problems.Add(DiagnosticCatalog.BadLintConfig(file.At(span), $"'{parts[1]}' is not a level; use off, info, warning or error{SpellingSuggester.DidYouMean(parts[1], LevelNames)}"));
                continue;
            }
            levels[parts[0]] = parts[1];
        }
        return (new LintConfig(levels.ToImmutable()), problems.ToImmutable());
    }

    /// <summary>The findings as configured: some dropped, some raised to errors, some lowered to information.</summary>
    public ImmutableArray<Diagnostic> Apply(IEnumerable<Diagnostic> findings) =>
        [.. findings
            .Where(d => Levels.GetValueOrDefault(d.Code) != "off")
            .Select(d => Levels.GetValueOrDefault(d.Code) switch
            {
                "error" => d with { Severity = Severity.Error },
                "warning" => d with { Severity = Severity.Warning },
                "info" => d with { Severity = Severity.Information },
                _ => d,
            })];
}
