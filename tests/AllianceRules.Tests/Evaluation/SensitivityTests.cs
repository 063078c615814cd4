using System.Collections.Immutable;
using System.Text.Json;
using AllianceRules.Checking;
using AllianceRules.Evaluation;
using AllianceRules.Reporting;
using AllianceRules.Tests.Support;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Tests.Evaluation;

/// <summary>
/// A sweep over several assumptions evaluates the cross product of their values, the first
/// varying slowest, and places each instance's status under its combination.
/// </summary>
public sealed class SensitivityTests
{
    /// <summary>Two rules, each resting on one assumption, so each status is known per combination.</summary>
    private const string Rules = """
        vocabulary {
          verb request "requests help from"
          verb assist "assists"
          verb consult "consults"
        }
        treaty PACT "Illustrative" {
          members {
            ARM 2020-01-01 ..
            KAZ 2020-01-01 ..
            RUS 2020-01-01 ..
          }
          assume prompt = 30 days
          assume grace = 30 days
          rule aid "Assist" {
            kind defense
            when $v request PACT where $v is member
            then each member $ally except $v must assist $v within prompt
          }
          rule talk "Consult" {
            kind consultation
            when $v request PACT where $v is member
            then each member $ally except $v must consult $v within grace
          }
        }
        """;

    private const string History = """
        as of 2022-12-31
        2022-09-01 ARM request PACT
        2022-09-02 KAZ assist ARM
        2022-09-02 KAZ consult ARM
        2022-09-05 RUS assist ARM
        2022-09-20 RUS consult ARM
        """;

    private static readonly SweepAxis Prompt = new("prompt", ["P3D", "P7D"]);
    private static readonly SweepAxis Grace = new("grace", ["P7D", "P30D"]);

    private static CheckOutcome Check(EvaluationOptions options) =>
        Checker.Check([new SourceFile("pact.treaty", Rules)], [new SourceFile("h.events", History)], options);

    private static Sweep SweepOf(params SweepAxis[] axes)
    {
        var outcome = Check(new EvaluationOptions { Sweeps = [.. axes] });
        Assert.True(outcome.Succeeded, CaseRunner.Render(outcome));
        return outcome.Report!.Sweep!;
    }

    private static Period Iso(string text) => NodaTime.Text.PeriodPattern.Roundtrip.Parse(text).GetValueOrThrow();

    private static string[] Texts(IEnumerable<InstanceStatus?> statuses) => [.. statuses.Select(s => s?.ToString().ToLowerInvariant() ?? "-")];

    [Fact]
    public void The_cross_product_varies_the_first_axis_slowest()
    {
        var product = Sensitivity.CrossProduct([Prompt, Grace]);
        Assert.Equal(
            ["P3D P7D", "P3D P30D", "P7D P7D", "P7D P30D"],
            product.Select(c => string.Join(" ", c)));
    }

    [Fact]
    public void Two_axes_give_four_combinations_with_each_status_in_its_place()
    {
        var sweep = SweepOf(Prompt, Grace);
        Assert.Equal(4, sweep.Combinations.Length);
        Assert.Equal(["prompt P3D,P7D", "grace P7D,P30D"], sweep.Axes.Select(a => $"{a.Name} {string.Join(",", a.Values)}"));
        // KAZ assisted and consulted the next day: the same under every combination.
        Assert.Equal(2, sweep.Unchanged);
        Assert.Collection(
            sweep.Changes,
            aid =>
            {
                Assert.Equal(("PACT.aid", "RUS", "ally=RUS,v=ARM"), (aid.Rule, aid.Party, aid.BindingsText));
                // Assisted on day 4: violated with 3 days, fulfilled with 7, whatever the grace.
                Assert.Equal(["violated", "violated", "fulfilled", "fulfilled"], Texts(aid.Statuses));
            },
            talk =>
            {
                Assert.Equal(("PACT.talk", "RUS"), (talk.Rule, talk.Party));
                // Consulted on day 19: violated with 7 days of grace, fulfilled with 30, whatever the prompt.
                Assert.Equal(["violated", "fulfilled", "violated", "fulfilled"], Texts(talk.Statuses));
            });
    }

    [Fact]
    public void Each_status_is_the_one_a_plain_run_with_those_values_gives()
    {
        var sweep = SweepOf(Prompt, Grace);
        for (var c = 0; c < sweep.Combinations.Length; c++)
        {
            var overrides = new Dictionary<string, Period> { ["prompt"] = Iso(sweep.Combinations[c][0]), ["grace"] = Iso(sweep.Combinations[c][1]) };
            var plain = Check(new EvaluationOptions(AssumptionOverrides: overrides)).Report!;
            foreach (var row in sweep.Changes)
            {
                var instance = Assert.Single(plain.Instances, i => i.Rule.QualifiedId == row.Rule && i.Party == row.Party && i.TriggeredOn == row.TriggeredOn);
                Assert.Equal(instance.Status, row.Statuses[c]);
            }
        }
    }

    [Fact]
    public void One_axis_gives_the_verdicts_of_one_run_per_value()
    {
        var sweep = SweepOf(Prompt);
        Assert.Equal(["P3D", "P7D"], sweep.Combinations.Select(c => Assert.Single(c)));
        var row = Assert.Single(sweep.Changes);
        Assert.Equal(("PACT.aid", "RUS"), (row.Rule, row.Party));
        var expected = Prompt.Values.Select(v => (InstanceStatus?)Check(new EvaluationOptions(AssumptionOverrides: new Dictionary<string, Period> { ["prompt"] = Iso(v) })).Report!
            .Instances.Single(i => i.Rule.QualifiedId == "PACT.aid" && i.Party == "RUS").Status);
        Assert.Equal(expected, row.Statuses);
        Assert.Equal(3, sweep.Unchanged);
        // The main report keeps the declared periods.
        Assert.All(Check(new EvaluationOptions { Sweeps = [Prompt] }).Report!.Instances, i => Assert.Equal(InstanceStatus.Fulfilled, i.Status));
    }

    [Fact]
    public void Every_unknown_axis_is_reported_and_an_axis_given_twice_is_refused()
    {
        var outcome = Check(new EvaluationOptions { Sweeps = [new SweepAxis("promt", Prompt.Values), Grace, new SweepAxis("gracee", Grace.Values)] });
        Assert.False(outcome.Succeeded);
        Assert.Equal(["AR9016", "AR9016"], outcome.Diagnostics.Select(d => d.Code));
        Assert.Contains(outcome.Diagnostics, d => d.Message.StartsWith("--sweep promt:", StringComparison.Ordinal) && d.Message.Contains("did you mean 'prompt'", StringComparison.Ordinal));
        Assert.Contains(outcome.Diagnostics, d => d.Message.StartsWith("--sweep gracee:", StringComparison.Ordinal));
        var twice = Check(new EvaluationOptions { Sweeps = [Prompt, Grace, Prompt] });
        Assert.Equal("AR9015", Assert.Single(twice.Diagnostics).Code);
    }

    [Fact]
    public void Two_axes_in_json_name_each_combination_and_conform_to_the_schema()
    {
        var outcome = Check(new EvaluationOptions { Sweeps = [Prompt, Grace] });
        var json = JsonReportWriter.Write(outcome.Report!, JsonGolden.Tool);
        Schemas.AssertConforms(Schemas.Report, json);
        using var document = JsonDocument.Parse(json);
        var sweep = document.RootElement.GetProperty("sweep");
        Assert.Equal(["prompt", "grace"], sweep.GetProperty("assumptions").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(
            ["prompt=P3D grace=P7D", "prompt=P3D grace=P30D", "prompt=P7D grace=P7D", "prompt=P7D grace=P30D"],
            sweep.GetProperty("combinations").EnumerateArray().Select(c => string.Join(" ", c.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"))));
        var talk = sweep.GetProperty("changes")[1];
        Assert.Equal(["violated", "fulfilled", "violated", "fulfilled"], talk.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("RUS", talk.GetProperty("bindings").GetProperty("ally").GetString());
    }

    [Fact]
    public void Text_and_markdown_columns_name_each_assumption_only_when_there_are_several()
    {
        var two = TextReportWriter.Write(Check(new EvaluationOptions { Sweeps = [Prompt, Grace] }).Report!);
        Assert.Contains("Sensitivity to 'prompt' (P3D, P7D) and 'grace' (P7D, P30D)", two, StringComparison.Ordinal);
        Assert.Contains("prompt=P3D grace=P7D  prompt=P3D grace=P30D", two, StringComparison.Ordinal);
        Assert.Contains("'-': no such instance under that combination.", two, StringComparison.Ordinal);
        var one = TextReportWriter.Write(Check(new EvaluationOptions { Sweeps = [Prompt] }).Report!);
        Assert.Contains("Sensitivity to 'prompt' (P3D, P7D)\n", one.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Matches(@"bindings\s+P3D\s+P7D", one);
        var outcome = Check(new EvaluationOptions { Sweeps = [Prompt, Grace] });
        var markdown = AllianceRules.Reporting.Documents.MarkdownReportWriter.Write(AllianceRules.Reporting.Documents.ComplianceDocument.Build(outcome.Rules!, outcome.Report!, []));
        Assert.Contains("## Sensitivity to prompt and grace", markdown, StringComparison.Ordinal);
        Assert.Contains("| prompt=P3D grace=P7D | prompt=P3D grace=P30D | prompt=P7D grace=P7D | prompt=P7D grace=P30D |", markdown, StringComparison.Ordinal);
    }

    /// <summary>docs/reports.md shows the text report of the two-assumption case: it must be what the writer prints.</summary>
    [Fact]
    public void The_table_in_reports_md_is_the_text_report_of_the_two_assumption_case()
    {
        var dir = Repo.Path("tests", "AllianceRules.Tests", "Cases", "eval", "252-sweep-two-assumptions");
        var files = Directory.GetFiles(dir).Where(p => p.EndsWith(".treaty", StringComparison.Ordinal) || p.EndsWith(".events", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(p => (p, Path.GetFileName(p)));
        var text = TextReportWriter.Write(CaseRunner.Run(files, CaseRunner.ReadOptions(Path.Combine(dir, "args"))).Report!).Replace("\r\n", "\n", StringComparison.Ordinal);
        var page = File.ReadAllText(Repo.Path("docs", "reports.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = page.IndexOf("Sensitivity to 'prompt' (P7D, P30D) and 'lookback'", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/reports.md lost its two-assumption table");
        Assert.Contains(page[start..page.IndexOf("```", start, StringComparison.Ordinal)], text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_axes_is_no_sweep() => Assert.Null(Check(new EvaluationOptions()).Report!.Sweep);
}
