using AllianceRules.Diagnostics;
using AllianceRules.Reporting.Study;

namespace AllianceRules.Cli;

/// <summary>The options of <c>alliance study</c>, as typed.</summary>
public sealed record StudyRequest(CheckRequest Check, string By, string Split);

/// <summary>
/// <c>alliance study</c>: evaluate as <c>check</c> does, then sum the verdicts up as a Leeds-style
/// reliability study, by alliance and war (docs/replication.md).
/// </summary>
public sealed class StudyCommand(TextWriter stdout, TextWriter stderr)
{
    public static readonly string[] KnownOptions = ["--as-of", "--assume", "--by", "--split", "--format", "--output", "--max-memory", "--quiet", "--events-format", "--help"];

    public int Run(StudyRequest request)
    {
        List<Diagnostic> problems = [];
        if (!IsAttributeName(request.By)) problems.Add(DiagnosticCatalog.CommandLine($"--by '{request.By}' is not an attribute name such as 'war'"));
        var split = int.TryParse(request.Split, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 9999 ? year : (int?)null;
        if (split is null) problems.Add(DiagnosticCatalog.CommandLine($"--split '{request.Split}' is not a year such as 1945"));
        if (problems.Count > 0) return CommandInput.Fail(stderr, problems);

        var check = new CheckCommand(stdout, stderr);
        if (check.Evaluate(request.Check, KnownOptions, out var report, out _) is { } failed) return failed;
        var study = ReliabilityStudy.Build(report!, request.By, split!.Value);
        var text = request.Check.Format switch
        {
            "csv" => StudyCsvWriter.Write(study),
            "json" => StudyJsonWriter.Write(study, ToolVersion.Info),
            _ => StudyTextWriter.Write(study),
        };
        return CommandInput.Write(stdout, request.Check.Inputs.Output, text) is { } written ? CommandInput.Fail(stderr, [written]) : ExitCode.Evaluated;
    }

    /// <summary>As attribute names are written in histories: a lower-case letter, then letters, digits, '_' or '-'.</summary>
    private static bool IsAttributeName(string s) =>
        s.Length > 0 && char.IsAsciiLetterLower(s[0]) && s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-');
}
