using System.Collections.Immutable;
using System.Globalization;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Evaluation.Tracing;
using AllianceRules.Syntax;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Checking;

/// <summary>One expectation of a rule test, met or not, with what was found and, for a wrong status, how the engine reached it.</summary>
public sealed record ExpectationResult(ExpectationSyntax Expectation, bool Passed, string Expected, string Actual, Explanation? Explanation);

/// <summary>A rule test's outcome: each expectation's result, or the diagnostics that kept it from running.</summary>
public sealed record RuleTestResult(RuleTestSyntax Test, ImmutableArray<ExpectationResult> Expectations, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Passed => Diagnostics.IsEmpty && Expectations.All(e => e.Passed);
}

/// <summary>Runs a rule test over files the caller has read: the engine stays free of I/O.</summary>
public static class RuleTestRunner
{
    /// <summary>
    /// Runs <paramref name="test"/>; <paramref name="observed"/> adds to the intervals its histories
    /// claim to record completely, and <paramref name="maxInstancesPerRule"/> bounds the evaluation
    /// as <see cref="EvaluationOptions.MaxInstancesPerRule"/> does (the playground's is lower).
    /// </summary>
    public static RuleTestResult Run(RuleTestSyntax test, SourceFile testFile, IReadOnlyList<SourceFile> rules, IReadOnlyList<SourceFile> histories, ImmutableArray<Model.DateRange> observed = default, int maxInstancesPerRule = EvaluationOptions.DefaultMaxInstancesPerRule)
    {
        var options = new EvaluationOptions(
            test.AsOf?.Value,
            test.Assumptions.ToDictionary(a => a.Name.Text, a => a.Period.ToPeriod(), StringComparer.Ordinal),
            observed)
        {
            ReadingChoices = test.Readings.ToDictionary(r => r.Name.Text, r => r.Option.Text, StringComparer.Ordinal),
            MaxInstancesPerRule = maxInstancesPerRule,
        };
        // The rules are loaded once, by the check. Names they do not declare are the test's own
        // mistakes, said where they are, before any verdict is compared.
        var outcome = Checker.Check(rules, histories, options);
        if (outcome.Rules is { } ruleSet)
        {
            var unknown = UnknownNames(test, testFile, ruleSet);
            if (!unknown.IsEmpty) return new RuleTestResult(test, [], unknown);
        }
        if (outcome.Report is not { } report) return new RuleTestResult(test, [], outcome.Diagnostics);
        var results = test.Expectations.Select(e => e switch
        {
            InstanceExpectationSyntax i => Instance(i, report, rules, histories, options),
            NoInstanceExpectationSyntax n => NoInstance(n, report),
            SummaryExpectationSyntax s => Summary(s, report),
            _ => throw new InvalidOperationException("Unknown expectation."),
        });
        return new RuleTestResult(test, [.. results], []);
    }

    /// <summary>
    /// The names a test gives that its rules do not declare (rules, treaties, assumptions, readings
    /// and their options), AR5008 and AR3033: what is checked before anything runs, and what the
    /// language server reports on a .test file.
    /// </summary>
    public static ImmutableArray<Diagnostic> UnknownNames(RuleTestSyntax test, SourceFile file, Model.RuleSet rules)
    {
        // A rule the test's readings leave out is still the treaty's: 'expect no' may name it.
        var ruleIds = rules.Treaties.SelectMany(t => t.DeclaredRules).Select(r => r.QualifiedId).Distinct().ToList();
        var treaties = rules.Treaties.Select(t => t.Code).ToList();
        var assumptions = rules.Treaties.SelectMany(t => t.Assumptions).Select(a => a.Name).Distinct().ToList();
        var found = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var a in test.Assumptions.Where(a => !assumptions.Contains(a.Name.Text)))
        {
            found.Add(DiagnosticCatalog.TestNamesUnknown(file.At(a.Name.Span), "assumption", a.Name.Text, assumptions));
        }
        var readings = rules.Treaties.SelectMany(t => t.Readings).ToList();
        foreach (var r in test.Readings)
        {
            var named = readings.Where(x => x.Name == r.Name.Text).ToList();
            if (named.Count == 0) found.Add(DiagnosticCatalog.TestNamesUnknown(file.At(r.Name.Span), "reading", r.Name.Text, readings.Select(x => x.Name).Distinct()));
            else if (named.FirstOrDefault(x => !x.HasOption(r.Option.Text)) is { } reading)
            {
                found.Add(DiagnosticCatalog.UnknownReadingOption(file.At(r.Option.Span), reading.QualifiedName, r.Option.Text, [.. reading.Options.Select(o => o.Name)]));
            }
        }
        foreach (var e in test.Expectations)
        {
            var (what, name, known) = e switch
            {
                InstanceExpectationSyntax i => ("rule", i.Rule, ruleIds),
                NoInstanceExpectationSyntax n => ("rule", n.Rule, ruleIds),
                SummaryExpectationSyntax s => ("treaty", s.Treaty, treaties),
                _ => ("rule", string.Empty, ruleIds),
            };
            if (!known.Contains(name)) found.Add(DiagnosticCatalog.TestNamesUnknown(file.At(e.Span), what, name, known));
        }
        return found.ToImmutable();
    }

    private static ExpectationResult Instance(InstanceExpectationSyntax e, Report report, IReadOnlyList<SourceFile> rules, IReadOnlyList<SourceFile> histories, EvaluationOptions options)
    {
        var date = e.TriggeredOn.Value;
        var found = report.Instances.Where(i => i.Rule.QualifiedId == e.Rule && i.Party == e.Party && i.TriggeredOn == date).ToList();
        if (found.Count == 0)
        {
            return new ExpectationResult(e, false, e.Status, "no such instance" + Others(report, e.Rule, e.Party), null);
        }
        var expected = e.DecidedOn?.Value is { } day ? $"{e.Status}, decided {DateText.Format(day)}" : e.Status;
        if (found.Any(i => Status(i) == e.Status && (e.DecidedOn?.Value is not { } d || i.DecidedOn == d))) return new ExpectationResult(e, true, expected, expected, null);
        var actual = found[0];
        var why = Checker.Explain(rules, histories, options, e.Rule, i => i.Id == actual.Id).Explanations.FirstOrDefault();
        return new ExpectationResult(e, false, expected, $"{Status(actual)}{(actual.DecidedOn is { } on ? $", decided {DateText.Format(on)}" : string.Empty)}: {actual.Reason}", why);
    }

    private static ExpectationResult NoInstance(NoInstanceExpectationSyntax e, Report report)
    {
        var found = report.Instances.Where(i => i.Rule.QualifiedId == e.Rule && i.Party == e.Party && (e.TriggeredOn?.Value is not { } d || i.TriggeredOn == d)).ToList();
        return found.Count == 0
            ? new ExpectationResult(e, true, "no instance", "no instance", null)
            : new ExpectationResult(e, false, "no instance", string.Join("; ", found.Select(i => $"{i.Id} triggered {DateText.Format(i.TriggeredOn)}, {Status(i)}")), null);
    }

    private static ExpectationResult Summary(SummaryExpectationSyntax e, Report report)
    {
        var expected = e.Value.ToString(CultureInfo.InvariantCulture);
        double? actual;
        if (e.Kind is { } kind)
        {
            // With a kind: the reliability by kind, counted per episode.
            if (report.SummaryByKind.FirstOrDefault(r => r.Treaty == e.Treaty && r.Party == e.Party && r.Kind.ToString().Equals(kind, StringComparison.OrdinalIgnoreCase)) is not { } byKind)
            {
                return new ExpectationResult(e, false, expected, $"no row for {e.Treaty} {e.Party} {kind}: it has no instance of that kind", null);
            }
            actual = Measure(e.Measure, byKind.Reliability, byKind.Invoked, byKind.Fulfilled, byKind.Violated, byKind.Pending, byKind.Discharged, byKind.Excused, byKind.Indeterminate, byKind.Episodes);
        }
        else
        {
            if (report.Summary.FirstOrDefault(r => r.Treaty == e.Treaty && r.Party == e.Party) is not { } row)
            {
                return new ExpectationResult(e, false, expected, $"no row for {e.Treaty} {e.Party}: it has no instance", null);
            }
            if (e.Measure == "episodes") return new ExpectationResult(e, false, expected, "none: 'episodes' is counted by kind; name one (expect summary TREATY PARTY KIND episodes N)", null);
            actual = Measure(e.Measure, row.Reliability, row.Invoked, row.Fulfilled, row.Violated, row.Pending, row.Discharged, row.Excused, row.Indeterminate, 0);
        }
        if (actual is not { } value) return new ExpectationResult(e, false, expected, "none: nothing was invoked", null);
        // Equal to the precision written: 'reliability 0.33' accepts one third; a whole number is exact.
        var decimals = expected.Contains('.', StringComparison.Ordinal) ? expected.Length - expected.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        var passed = decimals == 0 ? (decimal)value == e.Value : Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero) == e.Value;
        return new ExpectationResult(e, passed, expected, value.ToString("0.################", CultureInfo.InvariantCulture), null);
    }

    private static double? Measure(string measure, double? reliability, int invoked, int fulfilled, int violated, int pending, int discharged, int excused, int indeterminate, int episodes) => measure switch
    {
        "reliability" => reliability,
        "invoked" => invoked,
        "fulfilled" => fulfilled,
        "violated" => violated,
        "pending" => pending,
        "discharged" => discharged,
        "indeterminate" => indeterminate,
        "episodes" => episodes,
        _ => excused,
    };

    private static string Others(Report report, string rule, string party)
    {
        var others = report.Instances.Where(i => i.Rule.QualifiedId == rule && i.Party == party).ToList();
        return others.Count == 0
            ? $" (and no instance of {rule} for {party} at all)"
            : $" (those of {rule} for {party} were triggered on {string.Join(", ", others.Select(i => DateText.Format(i.TriggeredOn)))})";
    }

    private static string Status(InstanceResult i) => i.Status.ToString().ToLowerInvariant();
}
