using System.Text;
using AllianceRules.Checking;
using AllianceRules.Evaluation.Tracing;
using AllianceRules.Reporting;
using AllianceRules.Tests.Support;
using AllianceRules.Text;

namespace AllianceRules.Tests.Golden;

/// <summary>
/// Cases/explain-event holds one small TIAR-like rule set and one history (issue #18, "Why not"),
/// and per case a <c>NAME.select</c>: the <c>--event FILE:LINE</c> of <c>alliance explain</c>, then
/// <c>expect WHAT</c>, what the explanation must say before its text is compared: the part where the
/// first rule failed (<c>pattern</c>, <c>where</c>, <c>effective</c>, <c>horizon</c>), <c>fired</c>
/// (a rule fired and opened instances), <c>decided</c> (the event decided an instance) or <c>none</c>
/// (no rule's trigger has the verb). The explanation is pinned as <c>NAME.txt</c> and <c>NAME.json</c>.
/// </summary>
public sealed class ExplainEventCaseTests
{
    private static readonly string Folder = Repo.Path("tests", "AllianceRules.Tests", "Cases", "explain-event");

    public static TheoryData<string> Cases() =>
        [.. Directory.GetFiles(Folder, "*.select").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).Cast<string>()];

    private static List<SourceFile> Sources(string extension) =>
        [.. Directory.GetFiles(Folder, "*" + extension).Order(StringComparer.Ordinal).Select(p => new SourceFile(Path.GetFileName(p), File.ReadAllText(p)))];

    /// <summary>What <c>alliance explain --event</c> explains for a case's <c>NAME.select</c>, and the expectation that follows it.</summary>
    private static (EventExplanation Explanation, string Expect) Explain(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, name + ".select"));
        var asked = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["--event", var where] ? where : throw new InvalidDataException($"{name}.select must begin with '--event FILE:LINE'");
        var colon = asked.LastIndexOf(':');
        var outcome = Checker.ExplainEvent(Sources(".treaty"), Sources(".events"), null, asked[..colon], int.Parse(asked[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(outcome.Explanation is not null, string.Join("\n", outcome.Diagnostics.Select(d => d.Message)));
        return (outcome.Explanation!, lines[1].Split(' ')[1]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Explanation_is_the_pinned_one(string name)
    {
        var (x, expect) = Explain(name);
        switch (expect)
        {
            case "fired":
                Assert.Contains(x.Rules, r => r.Fired && !r.Instances.IsEmpty);
                break;
            case "decided":
                Assert.NotEmpty(x.Decided);
                break;
            case "none":
                Assert.Empty(x.Rules);
                Assert.NotEmpty(x.TriggerVerbs);
                break;
            default:
                Assert.Equal(expect, x.Rules[0].FailedAt?.ToString().ToLowerInvariant());
                break;
        }
        Baseline.Match(Path.Combine(Folder, name + ".txt"), EventExplanationTextWriter.Write(x));
        using var json = new MemoryStream();
        EventExplanationJsonWriter.Write(x, JsonGolden.Tool, json);
        var document = JsonGolden.Mask(Encoding.UTF8.GetString(json.ToArray()));
        Baseline.Match(Path.Combine(Folder, name + ".json"), document);
        Schemas.AssertConforms(Schemas.ExplainEvent, document);
    }

    /// <summary>The motivating silence: 'ARG request OAS' where the rule expects 'request TIAR [article=3]'; the pattern names both differences.</summary>
    [Fact]
    public void A_near_miss_names_the_target_and_the_missing_attribute()
    {
        var pattern = Explain("near-miss").Explanation.Rules.Single().Steps.First(s => s.Step == EventStep.Pattern);
        Assert.False(pattern.Passed);
        Assert.Contains("target 'OAS' is not 'TIAR'", pattern.Detail, StringComparison.Ordinal);
        Assert.Contains("it has no attribute 'article'", pattern.Detail, StringComparison.Ordinal);
    }

    /// <summary>Every atom of a failed 'where' is judged, not only up to the first false one, and each says what it rests on.</summary>
    [Fact]
    public void A_failed_where_lists_the_membership_that_failed()
    {
        var where = Explain("membership").Explanation.Rules.Single().Steps.Single(s => s.Step == EventStep.Where);
        Assert.False(where.Passed);
        var member = Assert.Single(where.Conditions, c => c.Condition == "$v is member");
        Assert.False(member.Holds);
        Assert.StartsWith("GBR is not a member of TIAR on 1982-04-03", member.Detail, StringComparison.Ordinal);
    }

    /// <summary>Watching an event changes nothing the engine decides: the report is the one a plain check gives.</summary>
    [Fact]
    public void Watching_an_event_leaves_the_report_as_it_was()
    {
        var plain = Checker.Check(Sources(".treaty"), Sources(".events")).Report!;
        foreach (var line in new[] { 3, 4, 5, 8, 10 })
        {
            var watched = Checker.ExplainEvent(Sources(".treaty"), Sources(".events"), null, "history.events", line).Report!;
            Assert.Equal(plain.Instances.Select(i => $"{i.Id} {i.Status} {i.DecidedOn}"), watched.Instances.Select(i => $"{i.Id} {i.Status} {i.DecidedOn}"));
        }
    }

    /// <summary>An interval event is tried again on the days a membership begins inside it; the explanation lists each day, and the one it fired on.</summary>
    [Fact]
    public void An_interval_event_is_explained_on_each_day_the_engine_tried_it()
    {
        var rules = new SourceFile("pact.treaty", """
            vocabulary {
              verb attack "uses armed force against"
            }
            treaty PACT "A pact" {
              members {
                AAA 2000-01-01 ..
                BBB 2000-03-01 ..
              }
              rule art1 "No force among members" {
                kind nonaggression
                forbid $a attack $b
                  where $a is member
                    and $b is member
              }
            }
            """);
        var history = new SourceFile("war.events", "as of 2000-12-31\n2000-02-01 .. 2000-04-01 AAA attack BBB\n");
        var x = Checker.ExplainEvent([rules], [history], null, "war.events", 2).Explanation!;
        var rule = Assert.Single(x.Rules);
        Assert.True(rule.Fired);
        var days = rule.Steps.Where(s => s.Step == EventStep.Where).Select(s => (DateText.Format(s.Date!.Value), s.Passed)).ToList();
        Assert.Equal([("2000-02-01", false), ("2000-03-01", true)], days);
        Assert.Equal("PACT.art1#1", Assert.Single(rule.Instances).Id);
        Assert.Contains("BBB is not a member of PACT on 2000-02-01", EventExplanationTextWriter.Write(x), StringComparison.Ordinal);
    }
}
