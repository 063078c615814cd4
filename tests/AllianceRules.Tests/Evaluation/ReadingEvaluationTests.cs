using AllianceRules.Checking;
using AllianceRules.Evaluation;
using AllianceRules.Tests.Support;
using AllianceRules.Text;

namespace AllianceRules.Tests.Evaluation;

/// <summary>Properties of readings in an evaluation: a choice of the default changes no verdict, and a sweep agrees with plain runs.</summary>
public sealed class ReadingEvaluationTests
{
    private static readonly string Case = Repo.Path("tests", "AllianceRules.Tests", "Cases", "eval", "270-readings-default");

    private static CheckOutcome Check(EvaluationOptions options) => Checker.Check(
        [new SourceFile("rules.treaty", File.ReadAllText(Path.Combine(Case, "rules.treaty")))],
        [new SourceFile("history.events", File.ReadAllText(Path.Combine(Case, "history.events")))],
        options);

    private static Dictionary<string, string> Choose(params (string Name, string Option)[] choices) =>
        choices.ToDictionary(c => c.Name, c => c.Option, StringComparer.Ordinal);

    [Theory]
    [InlineData("aggressor", "any")]
    [InlineData("start", "signature")]
    [InlineData("assistance", "campaign")]
    public void Choosing_the_default_explicitly_changes_no_verdict_only_the_source(string reading, string other)
    {
        foreach (var fixedOther in new[] { false, true })
        {
            var baseChoices = fixedOther ? Choose((reading, other)) : Choose();
            var others = new[] { "aggressor", "start", "assistance" }.Where(n => n != reading).ToList();
            var plain = Check(new EvaluationOptions { ReadingChoices = baseChoices }).Report!;
            var defaults = plain.Readings.Where(r => others.Contains(r.Name)).Select(r => (r.Name, r.Default.Name)).ToArray();
            var explicitDefaults = Check(new EvaluationOptions { ReadingChoices = new Dictionary<string, string>(baseChoices.Concat(Choose(defaults))) }).Report!;
            Assert.Equal(CaseRunner.Summaries(plain), CaseRunner.Summaries(explicitDefaults));
            Assert.All(explicitDefaults.Readings.Where(r => others.Contains(r.Name)), r => Assert.True(r.Chosen));
        }
    }

    [Fact]
    public void Each_column_of_a_reading_sweep_is_the_plain_run_with_that_option()
    {
        var sweep = Check(new EvaluationOptions { Sweeps = [new SweepAxis("aggressor", ["state", "any"]), new SweepAxis("PACT.start", ["entry", "signature"])] }).Report!.Sweep!;
        Assert.Equal(4, sweep.Combinations.Length);
        for (var c = 0; c < sweep.Combinations.Length; c++)
        {
            var plain = Check(new EvaluationOptions { ReadingChoices = Choose(("aggressor", sweep.Combinations[c][0]), ("PACT.start", sweep.Combinations[c][1])) }).Report!;
            foreach (var row in sweep.Changes)
            {
                var instance = plain.Instances.SingleOrDefault(i => i.Rule.QualifiedId == row.Rule && i.Party == row.Party && i.TriggeredOn == row.TriggeredOn);
                Assert.Equal(instance?.Status, row.Statuses[c]);
            }
        }
        Assert.NotEmpty(sweep.Changes);
    }
}
