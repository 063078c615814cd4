using System.Text;
using AllianceRules.Checking;
using AllianceRules.Reporting;
using AllianceRules.Tests.Support;
using AllianceRules.Text;

namespace AllianceRules.Tests.Golden;

/// <summary>
/// Cases/explain holds one rule set and one history, and per case a <c>NAME.select</c> (the
/// options of <c>alliance explain</c> that choose an instance) with its trace pinned as
/// <c>NAME.txt</c> and <c>NAME.json</c>. The first line of a trace states the instance's status,
/// which must be the one the case is named for.
/// </summary>
public sealed class ExplainCaseTests
{
    private static readonly string Folder = Repo.Path("tests", "AllianceRules.Tests", "Cases", "explain");

    public static TheoryData<string> Cases() =>
        [.. Directory.GetFiles(Folder, "*.select").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).Cast<string>()];

    private static readonly string Regressions = Repo.Path("tests", "AllianceRules.Tests", "Cases", "explain-regressions");

    public static TheoryData<string> RegressionCases() =>
        [.. Directory.GetDirectories(Regressions).Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()];

    /// <summary>
    /// Cases/explain-regressions: one folder per explanation bug, named after it, with its own
    /// rules and history, a <c>select</c> file (the options, then <c>status S</c>) and the trace;
    /// its JSON form is checked against the schema (the cases of Cases/explain pin theirs, which
    /// ReportSchemaTests checks).
    /// </summary>
    [Theory]
    [MemberData(nameof(RegressionCases))]
    public void Regression_trace_is_the_pinned_one(string name)
    {
        var dir = Path.Combine(Regressions, name);
        var lines = File.ReadAllLines(Path.Combine(dir, "select"));
        var explanation = Explain(dir, lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(lines[1].Split(' ')[1], explanation.Instance.Status.ToString().ToLowerInvariant());
        Baseline.Match(Path.Combine(dir, "expected.txt"), ExplanationTextWriter.Write(explanation));
        // The same trace as JSON keeps to docs/explain.schema.json, as every golden trace does.
        using var json = new MemoryStream();
        ExplanationJsonWriter.Write([explanation], JsonGolden.Tool, json);
        Schemas.AssertConforms(Schemas.Explain, Encoding.UTF8.GetString(json.ToArray()));
    }

    private static AllianceRules.Evaluation.Tracing.Explanation Explain(string dir, string[] options)
    {
        var sources = Directory.GetFiles(dir)
            .Where(p => p.EndsWith(".treaty", StringComparison.Ordinal) || p.EndsWith(".events", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => new SourceFile(Path.GetFileName(p), File.ReadAllText(p)))
            .ToList();
        string? Option(string key) => options.SkipWhile(o => o != key).Skip(1).FirstOrDefault();
        var instance = Option("--instance");
        var ruleId = instance?.Split('#')[0] ?? Option("--rule")!;
        var on = Option("--on") is { } date ? DateText.TryParse(date) : null;
        var outcome = Checker.Explain(
            sources.Where(s => s.Path.EndsWith(".treaty", StringComparison.Ordinal)).ToList(),
            sources.Where(s => s.Path.EndsWith(".events", StringComparison.Ordinal)).ToList(),
            null,
            ruleId,
            i => instance is not null ? i.Id == instance : i.Party == Option("--party") && (on is null || i.TriggeredOn == on));
        return Assert.Single(outcome.Explanations);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trace_is_the_pinned_one(string name)
    {
        var explanation = Explain(Folder, File.ReadAllText(Path.Combine(Folder, name + ".select")).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        var expectedStatus = name switch { "forbidden" => "violated", "calendar" => "fulfilled", _ => name };
        Assert.Equal(expectedStatus, explanation.Instance.Status.ToString().ToLowerInvariant());
        Baseline.Match(Path.Combine(Folder, name + ".txt"), ExplanationTextWriter.Write(explanation));
        using var json = new MemoryStream();
        ExplanationJsonWriter.Write([explanation], JsonGolden.Tool, json);
        Baseline.Match(Path.Combine(Folder, name + ".json"), JsonGolden.Mask(Encoding.UTF8.GetString(json.ToArray())));
    }
}
