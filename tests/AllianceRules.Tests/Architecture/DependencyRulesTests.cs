using System.Reflection;
using NetArchTest.Rules;

namespace AllianceRules.Tests.Architecture;

/// <summary>
/// The one-way flow of docs/architecture.md as rules over the compiled types, method bodies
/// included (NetArchTest reads the IL): a rule broken anywhere fails the build's tests.
/// </summary>
public sealed class DependencyRulesTests
{
    private static readonly Assembly Core = typeof(RuleSetLoader).Assembly;
    private static readonly Assembly Engine = typeof(AllianceRules.Evaluation.Evaluator).Assembly;

    private static Types Both => Types.InAssemblies([Core, Engine]);

    /// <summary>Types of the file system, the console and the clock; an engine that takes text and gives values needs none.</summary>
    private static readonly string[] Surroundings =
    [
        // Not System.Environment: the compiler's iterators read its thread id (the source test catches 'Environment.').
        "System.IO.File", "System.IO.Directory", "System.IO.DriveInfo",
        "System.Console", "System.DateTime", "System.DateTimeOffset", "System.Diagnostics.Process",
        "System.Diagnostics.Stopwatch", "NodaTime.SystemClock", "System.CommandLine", "AllianceRules.Cli",
    ];

    private static void Holds(ConditionList rule, string what)
    {
        var result = rule.GetResult();
        Assert.True(result.IsSuccessful, $"{what}; broken by: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Evaluation_never_uses_parsing_or_history_reading() =>
        Holds(Both.That().ResideInNamespace("AllianceRules.Evaluation").ShouldNot().HaveDependencyOnAny("AllianceRules.Parsing", "AllianceRules.History", "AllianceRules.Syntax", "Sprache"),
            "Evaluation works on the model, never on text");

    [Fact]
    public void The_model_never_uses_parsing() =>
        Holds(Both.That().ResideInNamespace("AllianceRules.Model").ShouldNot().HaveDependencyOnAny("AllianceRules.Parsing", "AllianceRules.History", "AllianceRules.Evaluation", "Sprache"),
            "The model is lowered from validated syntax and knows nothing of how it was read");

    [Fact]
    public void The_engine_uses_no_command_line_file_console_or_clock() =>
        Holds(Both.ShouldNot().HaveDependencyOnAny(Surroundings), "The engine is pure: the command line is the only caller that touches the machine");

    [Fact]
    public void Reporting_never_writes_files() =>
        Holds(Both.That().ResideInNamespace("AllianceRules.Reporting").ShouldNot().HaveDependencyOnAny("System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.StreamWriter"),
            "Writers fill a stream or a string the caller gives; the caller decides where it goes");

    [Fact]
    public void Text_uses_nothing_above_it() =>
        Holds(Both.That().ResideInNamespace("AllianceRules.Text").ShouldNot().HaveDependencyOnAny(Above("AllianceRules.Text")), "Text is the bottom layer");

    [Fact]
    public void Diagnostics_use_nothing_above_them() =>
        Holds(Both.That().ResideInNamespace("AllianceRules.Diagnostics").ShouldNot().HaveDependencyOnAny(Above("AllianceRules.Diagnostics")), "Diagnostics sit on Text only");

    /// <summary>
    /// The rules above would pass on nothing: they must see a use that stands only in a method body
    /// (History reads an .events line by Parsing's grammar, inside an iterator), and the parts they
    /// speak of must have types.
    /// </summary>
    [Fact]
    public void The_rules_see_uses_inside_method_bodies_and_the_parts_exist()
    {
        var reader = Types.InAssembly(Core).That().HaveName("EventsLineReader");
        Assert.Single(reader.GetTypes());
        Assert.True(reader.Should().HaveDependencyOn("AllianceRules.Parsing.HistoryParser").GetResult().IsSuccessful);
        foreach (var part in new[] { "AllianceRules.Evaluation", "AllianceRules.Model", "AllianceRules.Reporting", "AllianceRules.Text", "AllianceRules.Diagnostics", "AllianceRules.History" })
        {
            Assert.NotEmpty(Both.That().ResideInNamespace(part).GetTypes());
        }
    }

    [Fact]
    public void The_engine_assemblies_reference_no_command_line_or_importer()
    {
        foreach (var assembly in new[] { Core, Engine })
        {
            var names = assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
            Assert.DoesNotContain("alliance", names);
            Assert.DoesNotContain("System.CommandLine", names);
            Assert.DoesNotContain("AllianceRules.Data", names);
        }
    }

    /// <summary>The layers of the pipeline, bottom first (docs/architecture.md).</summary>
    private static readonly string[] Layers =
    [
        "AllianceRules.Text", "AllianceRules.Diagnostics", "AllianceRules.Syntax", "AllianceRules.Parsing", "AllianceRules.Binding",
        "AllianceRules.Validation", "AllianceRules.Model", "AllianceRules.History", "AllianceRules.Formatting", "AllianceRules.Evaluation",
        "AllianceRules.Reporting", "AllianceRules.Checking", "AllianceRules.Importing",
    ];

    private static string[] Above(string layer) => [.. Layers.Skip(Array.IndexOf(Layers, layer) + 1)];
}
