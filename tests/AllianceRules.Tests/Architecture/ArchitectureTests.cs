using System.Reflection;
using System.Text.RegularExpressions;
using AllianceRules.Tests.Support;

namespace AllianceRules.Tests.Architecture;

/// <summary>The boundaries of the design, checked over the source and the compiled types.</summary>
public sealed partial class ArchitectureTests
{
    private static IEnumerable<string> Sources(string project) =>
        Directory.EnumerateFiles(Repo.Path("src", project), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    // An assembly's version is the caller's to give (ToolInfo), like the clock: the engine reads neither.
    [GeneratedRegex(@"\b(System\.IO\.File|File\.(Read|Write|Open|Exists)|Directory\.|Console\.|DateTime|SystemClock|Environment\.|Assembly\.|GetCustomAttribute|AssemblyInformationalVersion)")]
    private static partial Regex Impurity();

    [Theory]
    [InlineData("AllianceRules.Core")]
    [InlineData("AllianceRules.Engine")]
    public void The_engine_reads_no_clock_file_or_console(string project)
    {
        var offenders = Sources(project).SelectMany(p => File.ReadLines(p).Select((line, i) => (p, i, line)))
            .Where(x => Impurity().IsMatch(x.line) && !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(Repo.Root, x.p)}:{x.i + 1}: {x.line.Trim()}").ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void Sprache_stays_inside_Parsing()
    {
        var offenders = Sources("AllianceRules.Core").Concat(Sources("AllianceRules.Engine")).Concat(Sources("AllianceRules.Cli"))
            .Where(p => File.ReadAllText(p).Contains("using Sprache", StringComparison.Ordinal))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}Parsing{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(offenders);
        var exposed = typeof(RuleSetLoader).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => Signature(m).Any(t => t.Namespace?.StartsWith("Sprache", StringComparison.Ordinal) == true))
            .Select(m => $"{m.DeclaringType}.{m.Name}").ToList();
        Assert.Empty(exposed);
    }

    [Fact]
    public void The_domain_uses_NodaTime_not_DateTime()
    {
        var offenders = new[] { typeof(RuleSetLoader).Assembly, typeof(AllianceRules.Evaluation.Evaluator).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => Signature(m).Any(t => t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(DateTime?)))
            .Select(m => $"{m.DeclaringType}.{m.Name}").ToList();
        Assert.Empty(offenders);
    }

    // The importers (ATOP, COW) live in AllianceRules.Data: the engine, and whatever is built on it
    // alone (a browser playground), must not need them.
    [Fact]
    public void The_engine_does_not_need_the_importers()
    {
        var engine = new[] { typeof(RuleSetLoader).Assembly, typeof(AllianceRules.Evaluation.Evaluator).Assembly };
        var references = engine
            .SelectMany(a => a.GetReferencedAssemblies().Select(r => $"{a.GetName().Name} -> {r.Name}"))
            .Where(r => r.EndsWith("-> AllianceRules.Data", StringComparison.Ordinal)).ToList();
        Assert.Empty(references);
        var importing = engine.SelectMany(a => a.GetTypes())
            .Where(t => t.Namespace?.Contains("Importing", StringComparison.Ordinal) == true)
            .Select(t => t.FullName).ToList();
        Assert.Empty(importing);
        var projects = new[] { "AllianceRules.Core", "AllianceRules.Engine" }
            .Where(p => File.ReadAllText(Repo.Path("src", p, $"{p}.csproj")).Contains("AllianceRules.Data", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(projects);
        Assert.Equal("AllianceRules.Importing", typeof(AllianceRules.Importing.AtopImporter).Namespace);
        Assert.Equal("AllianceRules.Data", typeof(AllianceRules.Importing.AtopImporter).Assembly.GetName().Name);
    }

    private static IEnumerable<Type> Signature(MemberInfo member) => member switch
    {
        MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
        PropertyInfo p => [p.PropertyType],
        FieldInfo f => [f.FieldType],
        ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
        _ => [],
    };
}
