using System.Text.Json;
using AllianceRules.Reporting;
using AllianceRules.Tests.Support;
using Json.Schema;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// Every JSON document the command line writes opens with <c>schemaVersion</c> and <c>tool</c>,
/// and conforms to the schema of that version in docs/ (language.md §7, "Versions").
/// </summary>
[Collection("cli")]
public sealed class JsonContractTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Bundled(string folder) => Path.Combine(CliHarness.RepoRoot, folder);

    /// <summary>Runs a command that must succeed, checks the header every document shares and its schema, and returns the document.</summary>
    private JsonElement Document(JsonSchema schema, params string[] args)
    {
        var (exit, stdout, stderr) = _cli.Run(args);
        Assert.True(exit == 0, $"exit {exit}\n{stderr}");
        Schemas.AssertConforms(schema, stdout);
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement.Clone();
        Assert.Equal(["schemaVersion", "tool"], root.EnumerateObject().Take(2).Select(p => p.Name));
        Assert.Equal(JsonContract.SchemaVersion, root.GetProperty("schemaVersion").GetString());
        Assert.Equal("AllianceRules", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal(ToolVersion.Release(typeof(ToolVersion).Assembly), root.GetProperty("tool").GetProperty("version").GetString());
        return root;
    }

    [Fact]
    public void Check_of_the_bundled_rules_and_seeds_conforms() =>
        Assert.NotEmpty(Document(Schemas.Report, "check", Bundled("rules"), Bundled("seeds"), "--format", "json").GetProperty("instances").EnumerateArray());

    [Fact]
    public void Check_with_a_sweep_conforms()
    {
        var sweep = Document(Schemas.Report, "check", Bundled("rules"), Bundled("seeds"), "--sweep", "immediately=P1D,P7D,P30D", "--format", "json").GetProperty("sweep");
        Assert.Equal(3, sweep.GetProperty("combinations").GetArrayLength());
        Assert.All(sweep.GetProperty("changes").EnumerateArray(), c => Assert.Equal(3, c.GetProperty("statuses").GetArrayLength()));
    }

    [Fact]
    public void Explain_conforms() =>
        Assert.Single(Document(Schemas.Explain, "explain", Bundled("rules"), Bundled("seeds"), "--instance", "CST.art4-2010#4", "--format", "json").GetProperty("explanations").EnumerateArray());

    /// <summary>A pact and a war in the form the ATOP and COW importers write them: wars numbered, named, and ended.</summary>
    [Fact]
    public void Study_of_an_imported_style_case_conforms()
    {
        _cli.Write("rules/pact.treaty", """
            vocabulary {
              verb attack "uses armed force against"
              verb assist "joins a war on the side of"
              verb endwar "ends the war with"
            }
            treaty ATOP1001 "A pact (illustrative)" {
              members {
                AUH 1850-01-01 ..
                BAV 1850-01-01 ..
                HAN 1850-01-01 ..
              }
              rule defense "Defence" {
                kind defense
                when $a attack $v where $v is member and not ($a is member)
                then each member $ally except $v must assist $v [war=@war] before _ endwar _ [war=@war]
              }
            }
            """);
        _cli.Write("wars/cow.events", """
            as of 2007-12-31
            1866-06-15 PRU attack AUH war=55 name="Seven Weeks War"
            1866-06-20 BAV assist AUH war=55
            1866-07-26 PRU endwar AUH war=55
            """);
        var study = Document(Schemas.Study, "study", "rules", "wars", "--format", "json");
        var pair = Assert.Single(study.GetProperty("table").EnumerateArray());
        Assert.Equal(("55", "Seven Weeks War", "honoured"), (pair.GetProperty("war").GetString(), pair.GetProperty("name").GetString(), pair.GetProperty("verdict").GetString()));
    }

    [Theory]
    [InlineData("0.1.0+6d5d33f9f1930a3ff769aa4aa20ba8ed182bb34b", "0.1.0")]
    [InlineData("1.2.0-rc.1+abc", "1.2.0-rc.1")]
    [InlineData("0.1.0", "0.1.0")]
    public void The_tool_version_leaves_out_the_commit(string informational, string release) =>
        Assert.Equal(release, ToolVersion.Release(informational));
}
