using System.Collections.Immutable;
using System.Globalization;
using AllianceRules.Checking;
using AllianceRules.Parsing;
using AllianceRules.Playground.Bundle;
using AllianceRules.Playground.Workspace;
using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.Playground.Exercises;

/// <summary>One expectation of a key, as a predict exercise asks it: where it is and what answers it.</summary>
internal sealed record Question(string Id, RuleTestSyntax Test, ExpectationSyntax Expectation)
{
    public const string NoInstance = "no instance";

    /// <summary>The answers offered: the statuses and "no instance", or null for a number.</summary>
    public IReadOnlyList<string>? Choices => Expectation is SummaryExpectationSyntax ? null : [.. TestFileParser.Statuses, NoInstance];

    /// <summary>The key's answer.</summary>
    public string Answer => Expectation switch
    {
        InstanceExpectationSyntax i => i.Status,
        NoInstanceExpectationSyntax => NoInstance,
        SummaryExpectationSyntax s => s.Value.ToString(CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    /// <summary>What is asked, with the answer left out.</summary>
    public string Prompt => Expectation switch
    {
        InstanceExpectationSyntax i => $"{i.Rule} {i.Party} {i.TriggeredOn.Text}",
        NoInstanceExpectationSyntax n => $"{n.Rule} {n.Party}{(n.TriggeredOn is { } d ? " " + d.Text : string.Empty)}",
        SummaryExpectationSyntax s => $"{s.Treaty} {s.Party}{(s.Kind is { } k ? " " + k : string.Empty)} {s.Measure}",
        _ => Expectation.Text,
    };

    /// <summary>
    /// Whether an answer is the key's. A number matches to the precision the key writes, as
    /// <c>alliance test</c> reads it (0.33 accepts a third); a whole number is exact (1 accepts 1.0, not 0.5).
    /// </summary>
    public bool Accepts(string? given)
    {
        if (given is null) return false;
        if (Expectation is not SummaryExpectationSyntax s) return string.Equals(given.Trim(), Answer, StringComparison.Ordinal);
        if (!decimal.TryParse(given.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return false;
        var scale = s.Value.Scale;
        return scale == 0 ? number == s.Value : Math.Round(number, scale, MidpointRounding.AwayFromZero) == s.Value;
    }
}

/// <summary>"Check my answer": predictions against a key's expectations, or edited rules against the key itself.</summary>
internal static class AnswerChecker
{
    public static ImmutableArray<Question> Questions(Exercise exercise) =>
        [.. exercise.Key.Tests.SelectMany((t, ti) => t.Expectations.Select((e, ei) => new Question($"q{ti + 1}-{ei + 1}", t, e)))];

    /// <summary>
    /// Runs every test of the key on the page's files, each path the key names read from the page
    /// when the page has it (a solution file from the start file the student edited), else from the bundle.
    /// The page's bounds hold here too: a file past its limit is refused (AR9020) and a rule stops
    /// at its instance limit (AR8001), so "check my answer" cannot keep the page's one thread busy.
    /// </summary>
    public static ImmutableArray<RuleTestResult> Run(Exercise exercise, IReadOnlyList<WorkFile> files, BundledFiles bundle)
    {
        if (PlaygroundEngine.TooLarge(files) is { IsEmpty: false } refused) return [.. exercise.Key.Tests.Select(t => new RuleTestResult(t, [], refused))];
        var open = files.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        SourceFile Read(string keyPath)
        {
            var path = exercise.Opened(keyPath);
            return new SourceFile(path, open.GetValueOrDefault(path) ?? bundle.Text(path) ?? string.Empty);
        }
        IEnumerable<SourceFile> ReadAll(IEnumerable<StringLiteral> paths, bool rules) =>
            paths.SelectMany(p => ExerciseCatalog.Resolve(bundle, exercise.Folder, p.Value, rules)).Distinct(StringComparer.Ordinal).Select(Read);
        return [.. exercise.Key.Tests.Select(test =>
        {
            var histories = ReadAll(test.Histories, rules: false).ToList();
            if (test.InlineHistory is { } inline) histories.Add(inline);
            return RuleTestRunner.Run(test, exercise.KeyFile, [.. ReadAll(test.Rules, rules: true)], histories, maxInstancesPerRule: PlaygroundEngine.MaxInstancesPerRule);
        })];
    }
}
