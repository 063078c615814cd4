using System.Text.Json;
using AllianceRules.Reporting;
using AllianceRules.Tests.Support;

namespace AllianceRules.Tests.Golden;

/// <summary>
/// Every JSON document the golden cases pin conforms to its schema in docs/, and the schemas state
/// the version the writers write.
/// </summary>
public sealed class ReportSchemaTests
{
    private static readonly string Cases = Repo.Path("tests", "AllianceRules.Tests", "Cases");

    private static List<string> ReportPaths() =>
        [.. Directory.GetFiles(Cases, "expected.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Repo.Root, p)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Reports() => [.. ReportPaths()];

    public static TheoryData<string> Explanations() =>
        [.. Directory.GetFiles(Path.Combine(Cases, "explain"), "*.json").Select(p => Path.GetRelativePath(Repo.Root, p)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> SchemaFiles() => [.. Schemas.Files];

    [Theory]
    [MemberData(nameof(Reports))]
    public void Report_conforms_to_the_schema(string path) => Schemas.AssertConforms(Schemas.Report, File.ReadAllText(Repo.Path(path)));

    [Theory]
    [MemberData(nameof(Explanations))]
    public void Explanation_conforms_to_the_schema(string path) => Schemas.AssertConforms(Schemas.Explain, File.ReadAllText(Repo.Path(path)));

    [Fact]
    public void The_schema_rejects_a_report_that_breaks_it()
    {
        var broken = File.ReadAllText(Repo.Path(ReportPaths()[0])).Replace("\"violated\"", "\"broken\"");
        Assert.NotEmpty(Schemas.Problems(Schemas.Report, broken));
    }

    [Fact]
    public void The_schema_rejects_a_report_without_its_version_or_of_another()
    {
        var report = File.ReadAllText(Repo.Path(ReportPaths()[0]));
        Assert.NotEmpty(Schemas.Problems(Schemas.Report, report.Replace($"\"schemaVersion\": \"{JsonContract.SchemaVersion}\",", string.Empty)));
        Assert.NotEmpty(Schemas.Problems(Schemas.Report, report.Replace($"\"schemaVersion\": \"{JsonContract.SchemaVersion}\"", "\"schemaVersion\": \"1.0.0\"")));
        Assert.NotEmpty(Schemas.Problems(Schemas.Report, report.Replace($"\"version\": \"{JsonGolden.MaskedVersion}\"", "\"version\": \"0.1.0+6d5d33f\"")));
    }

    /// <summary>A schema and the writers move together: its <c>$id</c>, title and <c>schemaVersion</c> const all carry the writers' version.</summary>
    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Schema_version_is_the_writers(string file)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Repo.Path("docs", file)));
        var root = schema.RootElement;
        Assert.Equal($"https://alliancerules.example/schema/{JsonContract.SchemaVersion}/{file}", root.GetProperty("$id").GetString());
        Assert.EndsWith($"schema {JsonContract.SchemaVersion}", root.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonContract.SchemaVersion, root.GetProperty("properties").GetProperty("schemaVersion").GetProperty("const").GetString());
        Assert.Equal(["schemaVersion", "tool"], root.GetProperty("required").EnumerateArray().Take(2).Select(e => e.GetString()));
    }

    [Fact]
    public void The_language_page_states_the_writers_version()
    {
        var page = File.ReadAllText(Repo.Path("docs", "language.md"));
        Assert.Contains($"`schemaVersion` is `\"{JsonContract.SchemaVersion}\"`", page, StringComparison.Ordinal);
    }
}
