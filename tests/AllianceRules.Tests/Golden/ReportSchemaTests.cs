using System.Text.Json;
using AllianceRules.Tests.Support;
using Json.Schema;

namespace AllianceRules.Tests.Golden;

/// <summary>Every JSON report the golden cases pin conforms to docs/report.schema.json.</summary>
public sealed class ReportSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Repo.Path("docs", "report.schema.json")));

    private static List<string> ReportPaths() =>
        [.. Directory.GetFiles(Repo.Path("tests", "AllianceRules.Tests", "Cases"), "expected.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Repo.Root, p)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Reports() => [.. ReportPaths()];

    [Theory]
    [MemberData(nameof(Reports))]
    public void Report_conforms_to_the_schema(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Repo.Path(path)));
        var result = Schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void The_schema_rejects_a_report_that_breaks_it()
    {
        var broken = File.ReadAllText(Repo.Path(ReportPaths()[0])).Replace("\"violated\"", "\"broken\"");
        using var json = JsonDocument.Parse(broken);
        Assert.False(Schema.Evaluate(json.RootElement).IsValid);
    }
}
