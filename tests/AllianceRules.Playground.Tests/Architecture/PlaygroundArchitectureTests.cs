using System.Reflection;
using AllianceRules.Playground.Bundle;
using NetArchTest.Rules;

namespace AllianceRules.Playground.Tests.Architecture;

/// <summary>
/// The playground runs in a browser tab: its files are texts in memory and embedded resources,
/// never the file system, and it starts no process and writes to no console (as
/// DependencyRulesTests holds the engine to it, over the compiled IL).
/// </summary>
public sealed class PlaygroundArchitectureTests
{
    private static readonly Assembly Playground = typeof(BundledFiles).Assembly;

    private static readonly string[] Machine =
    [
        "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileStream", "System.IO.DriveInfo",
        "System.Console", "System.Diagnostics.Process", "System.Net.Http",
    ];

    [Fact]
    public void The_playground_uses_no_file_system_console_or_process()
    {
        var result = Types.InAssembly(Playground).ShouldNot().HaveDependencyOnAny(Machine).GetResult();
        Assert.True(result.IsSuccessful, "broken by: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>The rule above would pass on nothing: it must see a use inside a method body.</summary>
    [Fact]
    public void The_rule_sees_a_use_in_a_method_body()
    {
        var result = Types.InAssembly(typeof(PlaygroundArchitectureTests).Assembly).That().HaveNameStartingWith("BundleTests")
            .ShouldNot().HaveDependencyOnAny("System.IO.File").GetResult();
        Assert.False(result.IsSuccessful);
    }
}
