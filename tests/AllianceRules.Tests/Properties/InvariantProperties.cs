using System.Collections;
using AllianceRules.Evaluation;
using AllianceRules.Formatting;
using AllianceRules.Parsing;
using AllianceRules.Reporting;
using AllianceRules.Syntax;
using AllianceRules.Tests.Formatting;
using AllianceRules.Tests.Support;
using AllianceRules.Text;
using CsCheck;
using NodaTime;

namespace AllianceRules.Tests.Properties;

/// <summary>
/// The invariants of docs/robustness.md that the other property classes do not already pin:
/// determinism over runs and file order, window monotonicity, format round trips and spans.
/// </summary>
public sealed class InvariantProperties
{
    private static readonly SourceFile Rules = new("rules.treaty", PropertyRules.Text);

    private static string Json(IReadOnlyList<SourceFile> histories, EvaluationOptions? options = null)
    {
        var outcome = CaseRunner.Check([Rules, .. histories], options);
        Assert.True(outcome.Succeeded, CaseRunner.Render(outcome));
        return JsonReportWriter.Write(outcome.Report!, JsonGolden.Tool);
    }

    [Fact]
    public void Reports_are_byte_identical_run_twice_and_with_the_files_in_any_order()
    {
        Gen.Select(HistoryGen.Lines, Gen.Int[1, 4], Gen.Int).Sample((lines, parts, seed) =>
        {
            // The history split into files by line, so each keeps its lines' numbers whatever the order given.
            var files = Enumerable.Range(0, parts)
                .Select(p => new SourceFile($"h{p}.events", string.Join("\n", lines.Where((_, i) => i % parts == p)) + "\n"))
                .ToArray();
            var asOf = new EvaluationOptions(HistoryGen.Start.PlusDays(HistoryGen.Days + 10));
            var first = Json(files, asOf);
            Assert.Equal(first, Json(files, asOf));
            var shuffled = files.ToArray();
            new Random(seed).Shuffle(shuffled);
            Assert.Equal(first, Json(shuffled, asOf));
        }, iter: 200);
    }

    [Fact]
    public void Lengthening_an_assumed_window_never_turns_a_fulfilled_obligation_violated()
    {
        // Both assumptions of the property rules ('prompt', 'quick') are windows of positive
        // obligations; for 'must not' a longer window can only find more to forbid.
        Gen.Select(HistoryGen.Lines, Gen.Int[1, 40], Gen.Int[1, 40]).Sample((lines, shorter, extra) =>
        {
            var history = new SourceFile("h.events", string.Join("\n", lines) + "\n");
            var asOf = HistoryGen.Start.PlusDays(HistoryGen.Days + 90);
            Report Under(int days) => CaseRunner.Check([Rules, history], new EvaluationOptions(asOf, new Dictionary<string, Period>
            {
                ["prompt"] = Period.FromDays(days),
                ["quick"] = Period.FromDays(days),
            })).Report!;
            var longer = Under(shorter + extra).Instances
                .GroupBy(Key)
                .ToDictionary(g => g.Key, g => g.Select(i => i.Status).ToList());
            foreach (var i in Under(shorter).Instances.Where(i => i.Status == InstanceStatus.Fulfilled && !i.Rule.Obligation!.Negated))
            {
                // With a longer window a later trigger may have joined an earlier instance, so the key may be gone.
                if (longer.TryGetValue(Key(i), out var statuses)) Assert.DoesNotContain(InstanceStatus.Violated, statuses);
            }
        }, iter: 200);

        static string Key(InstanceResult i) => $"{i.Rule.QualifiedId} {i.Party} {i.TriggeredOn} {string.Join(",", i.Bindings)}";
    }

    /// <summary>Every valid rule file of the repository: the bundled rules and the test cases.</summary>
    public static TheoryData<string> RuleFiles() =>
    [
        .. Directory.GetFiles(Repo.Path("rules"), "*.treaty")
            .Concat(Directory.GetFiles(Repo.Path("tests", "AllianceRules.Tests", "Cases", "eval"), "*.treaty", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Repo.Path("tests", "AllianceRules.Tests", "Cases", "explain"), "*.treaty", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(Repo.Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Parse_format_parse_keeps_the_model(string path)
    {
        var file = new SourceFile(path, File.ReadAllText(Repo.Path(path)));
        var formatted = Formatter.Format(file);
        Assert.True(formatted.Text is not null, string.Join("\n", formatted.Diagnostics.Select(d => d.Message)));
        Assert.Equal(FormatterTests.Meaning(file), FormatterTests.Meaning(new SourceFile(path, formatted.Text!)));
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Every_syntax_node_lies_inside_its_parent(string path)
    {
        var (syntax, _) = RuleFileParser.Parse(new SourceFile(path, File.ReadAllText(Repo.Path(path))));
        var checkedNodes = 0;
        foreach (var node in syntax.Vocabularies.Cast<SyntaxNode>().Concat(syntax.Treaties)) checkedNodes += Inside(node, node.Span, path);
        Assert.True(checkedNodes > 10, "The walk found almost no syntax nodes: it must be broken.");
    }

    /// <summary>Walks a node's syntax children (properties, lists, tuples of them) and checks each span lies inside <paramref name="parent"/>.</summary>
    private static int Inside(SyntaxNode node, TextSpan parent, string path)
    {
        Assert.True(node.Span.Start >= parent.Start && node.Span.End <= parent.End, $"{path}: {node.GetType().Name} at {node.Span} lies outside its parent at {parent}");
        var count = 1;
        foreach (var property in node.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
            switch (property.GetValue(node))
            {
                case SyntaxNode child:
                    count += Inside(child, node.Span, path);
                    break;
                case IEnumerable list and not string:
                    foreach (var item in list)
                    {
                        if (item is SyntaxNode element) count += Inside(element, node.Span, path);
                    }
                    break;
            }
        }
        return count;
    }
}
