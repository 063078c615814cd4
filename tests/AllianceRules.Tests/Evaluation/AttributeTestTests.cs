using AllianceRules.Checking;
using AllianceRules.Evaluation;
using AllianceRules.Formatting;
using AllianceRules.Model;
using AllianceRules.Text;

namespace AllianceRules.Tests.Evaluation;

/// <summary>
/// Attribute tests in patterns (language.md §3): <c>NAME in [v1, v2]</c> and <c>NAME=_</c>, mixed
/// with <c>NAME=value</c> and <c>NAME=@attr</c> in one list.
/// </summary>
public sealed class AttributeTestTests
{
    private const string Rules = """
        vocabulary {
          verb meet "meets"
        }
        treaty P "Pact" {
          members {
            ARM 1994-04-20 ..
            RUS 1994-04-20 ..
          }
          rule answer "Meetings are returned" {
            kind consultation
            when $a meet $b [level in [high, deputy], agenda=security, body=_]
            then $b must meet $a [level in [high, "head of state"], body=@body] within 10 days
          }
        }
        """;

    private static Report Check(string history)
    {
        var outcome = Checker.Check([new SourceFile("p.treaty", Rules)], [new SourceFile("h.events", history)]);
        Assert.True(outcome.Report is not null, string.Join("\n", outcome.Diagnostics.Select(d => d.Message)));
        return outcome.Report!;
    }

    private static List<string> Lines(Report report) =>
        [.. report.Instances.Select(i => $"{i.Party} {i.TriggeredOn:yyyy-MM-dd} {i.Status.ToString().ToLowerInvariant()}")];

    [Fact]
    public void A_list_matches_any_of_its_values_and_underscore_any_value_but_not_a_missing_attribute()
    {
        var report = Check("""
            as of 1995-12-31
            1995-01-01 ARM meet RUS level=deputy agenda=security body=council
            1995-02-01 ARM meet RUS level=low agenda=security body=council
            1995-03-01 ARM meet RUS level=high agenda=security
            1995-04-01 ARM meet RUS level=high agenda=trade body=council
            """);
        Assert.Equal(["RUS 1995-01-01 violated"], Lines(report));
    }

    [Fact]
    public void The_action_s_list_and_trigger_value_decide_the_instance()
    {
        var report = Check("""
            as of 1995-12-31
            1995-01-01 ARM meet RUS level=high agenda=security body=council
            1995-01-03 RUS meet ARM level=low body=council
            1995-01-04 RUS meet ARM level="head of state" body=assembly
            1995-01-05 RUS meet ARM level="head of state" body=council
            """);
        Assert.Equal(["RUS 1995-01-01 fulfilled"], Lines(report));
        Assert.Equal("1995-01-05", report.Instances.Single().DecidedOn?.ToString("yyyy-MM-dd", null));
    }

    [Fact]
    public void Patterns_print_their_tests_as_written_in_order()
    {
        var rule = RuleSetLoader.Load([new SourceFile("p.treaty", Rules)]).Value!.FindTreaty("P")!.Rules.Single();
        Assert.Equal("$a meet $b [level in [high, deputy], agenda=security, body=_]", rule.Trigger!.ToString());
        Assert.Equal(
            [AttributeTestKind.OneOf, AttributeTestKind.FromTrigger],
            rule.Obligation!.Attributes.Select(a => a.Kind));
        Assert.Equal("level in [high, \"head of state\"], body=@body", string.Join(", ", rule.Obligation.Attributes));
    }

    [Fact]
    public void Explain_says_which_tests_a_candidate_fails_as_written()
    {
        var outcome = Checker.Explain(
            [new SourceFile("p.treaty", Rules)],
            [new SourceFile("h.events", """
                as of 1995-12-31
                1995-01-01 ARM meet RUS level=high agenda=security body=council
                1995-01-03 RUS meet ARM level=low body=council
                """)],
            null, "P.answer", _ => true);
        var notes = outcome.Explanations.SelectMany(e => e.Candidates).Select(c => c.Why).ToList();
        Assert.Contains("lacks level in [high, \"head of state\"]", notes);
    }

    [Fact]
    public void A_trigger_attribute_in_a_list_is_refused_where_written()
    {
        var text = Rules.Replace("\"head of state\"]", "@level]");
        var d = Assert.Single(RuleSetLoader.Load([new SourceFile("p.treaty", text)]).Diagnostics);
        Assert.Equal(("AR3036", text.IndexOf("@level", StringComparison.Ordinal), 6), (d.Code, d.Span.Start, d.Span.Length));
    }

    [Fact]
    public void The_formatter_keeps_lists_and_underscore_tight_inside_brackets()
    {
        var messy = Rules.Replace("[level in [high, deputy], agenda=security, body=_]", "[ level  in [ high ,deputy ] , agenda = security, body = _ ]");
        var formatted = Formatter.Format(new SourceFile("p.treaty", messy)).Text!;
        Assert.Contains("when $a meet $b [level in [high, deputy], agenda=security, body=_]", formatted);
        Assert.Equal(Formatter.Format(new SourceFile("p.treaty", Rules)).Text, formatted);
    }
}
