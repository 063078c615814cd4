using System.Text;
using System.Text.Json.Nodes;
using AllianceRules.Checking;
using AllianceRules.Evaluation;
using AllianceRules.Evaluation.Tracing;
using AllianceRules.Reporting;
using AllianceRules.Tests.Support;
using AllianceRules.Text;

namespace AllianceRules.Tests.Evaluation;

/// <summary>
/// How late performance and named excuses read (issue #20), on the histories of cases 290 and
/// 291: the text report's line, the explanation's steps and JSON, and independence from line order.
/// </summary>
public sealed class LateAndExcuseTests
{
    private static string Case(string name) => Repo.Path("tests", "AllianceRules.Tests", "Cases", "eval", name);

    private static List<SourceFile> Sources(string name, Func<string, string>? history = null) =>
        [.. Directory.GetFiles(Case(name))
            .Where(p => p.EndsWith(".treaty", StringComparison.Ordinal) || p.EndsWith(".events", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => new SourceFile(Path.GetFileName(p), p.EndsWith(".events", StringComparison.Ordinal) && history is not null ? history(File.ReadAllText(p)) : File.ReadAllText(p)))];

    private static Report Evaluate(string name, Func<string, string>? history = null)
    {
        var outcome = CaseRunner.Check(Sources(name, history));
        Assert.True(outcome.Succeeded, CaseRunner.Render(outcome));
        return outcome.Report!;
    }

    private static Explanation Explain(string name, string ruleId, Func<InstanceResult, bool> select)
    {
        var sources = Sources(name);
        var outcome = Checker.Explain(
            [.. sources.Where(s => s.Path.EndsWith(".treaty", StringComparison.Ordinal))],
            [.. sources.Where(s => s.Path.EndsWith(".events", StringComparison.Ordinal))],
            null,
            ruleId,
            select);
        return Assert.Single(outcome.Explanations);
    }

    private static string Json(Explanation x)
    {
        using var stream = new MemoryStream();
        ExplanationJsonWriter.Write([x], JsonGolden.Tool, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void The_text_report_says_how_late_the_action_came_under_the_reason()
    {
        var text = TextReportWriter.Write(Evaluate("290-late-performance"));
        Assert.Contains(
            "        no 'RUS consult ARM' event between 2022-01-01 and 2022-01-11\n        violated: performed 9 days late (2022-01-20, history.events:4)\n",
            text.Replace("\r\n", "\n"), StringComparison.Ordinal);
        Assert.Contains("violated: performed 1 day late (2022-02-12, history.events:8)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("no 'RUS consult KAZ' event between 2022-03-01 and 2022-03-11\n        violated: performed", text.Replace("\r\n", "\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_late_action_chosen_on_one_day_does_not_depend_on_line_order()
    {
        string Reversed(string history)
        {
            var lines = history.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var head = lines.TakeWhile(l => !char.IsDigit(l[0])).ToList();
            return string.Join("\n", head.Concat(lines.Skip(head.Count).Reverse())) + "\n";
        }
        foreach (var report in new[] { Evaluate("290-late-performance"), Evaluate("290-late-performance", Reversed) })
        {
            var blr = Assert.Single(report.Instances, i => i.Bindings.Any(b => b.Value == "BLR"));
            Assert.Equal(9, blr.Late!.DaysLate);
            Assert.Equal("a", blr.Late.Event.Attributes["note"]);
        }
    }

    [Fact]
    public void Explain_marks_the_late_action_and_repeats_it_under_the_verdict()
    {
        var x = Explain("290-late-performance", "T.consult", i => i.Id == "T.consult#1");
        var text = ExplanationTextWriter.Write(x);
        Assert.Contains("outside the window: after the deadline, 2022-01-11: the action required, performed 9 days late; it does not undo the violation", text, StringComparison.Ordinal);
        Assert.Contains("violated: performed 9 days late (2022-01-20, history.events:4): the action came after the window had lapsed, so the status stays violated.", text, StringComparison.Ordinal);
        var json = Json(x);
        Schemas.AssertConforms(Schemas.Explain, json);
        var late = JsonNode.Parse(json)!["explanations"]![0]!["late"]!;
        Assert.Equal("2022-01-20", late["on"]!.GetValue<string>());
        Assert.Equal(9, late["daysLate"]!.GetValue<int>());
        Assert.Equal(4, late["event"]!["line"]!.GetValue<int>());
    }

    [Fact]
    public void An_excuse_by_there_was_names_its_clause_and_cites_every_event_it_found()
    {
        var rus = Assert.Single(Evaluate("291-excuse-named").Instances, i => i.Party == "RUS" && i.TriggeredOn == new NodaTime.LocalDate(2022, 3, 1));
        Assert.Equal("unless there was $v attack AZE within 5 days before or there was $v provoke _ within 5 days before", rus.Excuse!.Clause);
        Assert.Equal([3, 4], rus.Excuse.Evidence.Select(e => e.Origin.Line));
        Assert.Equal("excused: 'unless there was $v attack AZE within 5 days before or there was $v provoke _ within 5 days before' held on 2022-03-01 (history.events:3, history.events:4)", rus.Reason);

        var x = Explain("291-excuse-named", "T.aid", i => i.Id == rus.Id);
        Assert.Contains("excused, because 'unless there was $v attack AZE within 5 days before or there was $v provoke _ within 5 days before' held: ", ExplanationTextWriter.Write(x), StringComparison.Ordinal);
        var json = Json(x);
        Schemas.AssertConforms(Schemas.Explain, json);
        var excuse = JsonNode.Parse(json)!["explanations"]![0]!["excuse"]!;
        Assert.Equal([3, 4], excuse["evidence"]!.AsArray().Select(e => e!["event"]!["line"]!.GetValue<int>()));
    }

    [Fact]
    public void An_excuse_by_membership_cites_no_event_and_the_second_unless_is_named_when_it_is_the_one_that_held()
    {
        var instances = Evaluate("291-excuse-named").Instances;
        var frozen = Assert.Single(instances, i => i.Party == "KAZ" && i.Rule.QualifiedId == "T.aid" && i.TriggeredOn == new NodaTime.LocalDate(2022, 3, 1));
        Assert.Equal("unless $ally is frozen", frozen.Excuse!.Clause);
        Assert.Empty(frozen.Excuse.Evidence);
        Assert.Equal("excused: 'unless $ally is frozen' held on 2022-03-01", frozen.Reason);

        var second = Assert.Single(instances, i => i.Party == "KAZ" && i.Rule.QualifiedId == "T.aid" && i.TriggeredOn == new NodaTime.LocalDate(2022, 4, 1));
        Assert.StartsWith("unless there was $v attack AZE", second.Excuse!.Clause, StringComparison.Ordinal);
        Assert.Equal([6], second.Excuse.Evidence.Select(e => e.Origin.Line));

        var calendar = Assert.Single(instances, i => i.Rule.QualifiedId == "T.monthly");
        Assert.Equal("unless KAZ is frozen", calendar.Excuse!.Clause);
        Assert.All(instances.Where(i => i.Status != InstanceStatus.Excused), i => Assert.Null(i.Excuse));
    }

    [Fact]
    public void An_indeterminate_instance_performed_late_is_not_called_violated()
    {
        // Regression: the text report and explain wrote "violated: performed 1 day late" under an indeterminate instance.
        var outcome = CaseRunner.Check(
        [
            new SourceFile("pact.treaty", """
                vocabulary {
                  verb attack "uses armed force against"
                  verb assist "provides military assistance to"
                }
                treaty PACT "Pact" {
                  members {
                    ARM 2020-01-01 ..
                    RUS 2020-01-01 ..
                  }
                  rule aid "Aid" {
                    kind defense
                    judgment "whether the attack was armed aggression needs a person"
                    when AZE attack ARM
                    then RUS must assist ARM within 10 days
                  }
                }
                """),
            new SourceFile("h.events", "as of 2022-03-01\n2022-01-01 AZE attack ARM\n2022-01-12 RUS assist ARM\n"),
        ]);
        Assert.True(outcome.Succeeded, CaseRunner.Render(outcome));
        var instance = Assert.Single(outcome.Report!.Instances);
        Assert.Equal(InstanceStatus.Indeterminate, instance.Status);
        var text = TextReportWriter.Write(outcome.Report!);
        Assert.Contains("indeterminate: performed 1 day late (2022-01-12, h.events:3)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("violated: performed", text, StringComparison.Ordinal);
    }
}
