using AllianceRules.History;
using AllianceRules.Bench.Gen;
using AllianceRules.Evaluation;
using AllianceRules.Model;
using AllianceRules.Text;

namespace AllianceRules.Bench.Micro;

/// <summary>The inputs the benchmarks share: generated histories and the repository's rule files.</summary>
public static class Inputs
{
    public static string Root { get; } = FindRoot();

    public static SourceFile Repository(string relative) => new(relative, File.ReadAllText(Path.Combine(Root, relative)));

    /// <summary>Every rule file of rules/, as <c>alliance check rules</c> reads them.</summary>
    public static IReadOnlyList<SourceFile> BundledRules() =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, "rules"), "*.treaty").Order(StringComparer.Ordinal)
            .Select(p => Repository("rules/" + Path.GetFileName(p)))];

    public static RuleSet Rules(params SourceFile[] files)
    {
        var result = RuleSetLoader.Load(files);
        return result.Value ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    public static SourceFile History(long events, ulong seed = 1, double attackRate = 0.001) =>
        new($"generated-{events}.events", EventsWriter.ToText(new GeneratorOptions { Events = events, Seed = seed, AttackRate = attackRate }));

    public static EventHistory Load(SourceFile history, RuleSet rules) =>
        HistoryLoader.Load([history], rules.Verbs.Select(v => v.Name), rules.Verbs).Value
        ?? throw new InvalidOperationException("the generated history does not load");

    /// <summary>Evaluates and returns a number that depends on the whole report, so nothing is optimised away.</summary>
    public static int Evaluate(RuleSet rules, EventHistory history) => Evaluator.Evaluate(rules, history).Instances.Length;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AllianceRules.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("AllianceRules.sln not found above " + AppContext.BaseDirectory);
    }
}
