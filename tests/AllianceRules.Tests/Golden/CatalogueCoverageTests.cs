using System.Text.RegularExpressions;
using AllianceRules.Tests.Support;

namespace AllianceRules.Tests.Golden;

/// <summary>
/// Every code in DiagnosticCatalog.cs is pinned by a golden case (AR1xxx–AR4xxx) and documented
/// in docs/diagnostics.md (all codes). A new code without a case or a section fails here.
/// </summary>
public sealed partial class CatalogueCoverageTests
{
    private static readonly string CatalogPath = Repo.Path("src", "AllianceRules.Core", "Diagnostics", "DiagnosticCatalog.cs");
    private static readonly string CasesFolder = Repo.Path("tests", "AllianceRules.Tests", "Cases", "diagnostics");
    private static readonly string DocsPath = Repo.Path("docs", "diagnostics.md");

    [GeneratedRegex("\"(AR[0-9]{4})\"")]
    private static partial Regex CodeLiteral();

    /// <summary>The codes of the catalogue, read from its source text so no code can hide.</summary>
    public static IReadOnlyList<string> CatalogueCodes() =>
        [.. CodeLiteral().Matches(File.ReadAllText(CatalogPath)).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Codes no small case can produce, each pinned by a test of its own instead: AR4010 needs a line of 16 Mi characters (ReaderProperties).</summary>
    private static readonly string[] PinnedElsewhere = ["AR4010"];

    public static TheoryData<string> InputCodes() => [.. CatalogueCodes().Where(c => c[2] is '1' or '2' or '3' or '4' && !PinnedElsewhere.Contains(c))];

    public static TheoryData<string> AllCodes() => [.. CatalogueCodes()];

    [Fact]
    public void Catalogue_codes_are_found_in_every_phase()
    {
        var codes = CatalogueCodes();
        foreach (var phase in new[] { '1', '2', '3', '4', '9' })
        {
            Assert.True(codes.Any(c => c[2] == phase), $"No AR{phase}xxx code found in {CatalogPath}; is the extraction broken?");
        }
    }

    [Theory]
    [MemberData(nameof(InputCodes))]
    public void Code_has_a_golden_case_that_produces_it(string code)
    {
        var prefix = code.ToLowerInvariant() + "-";
        var stems = Directory.GetFiles(CasesFolder, "*.treaty")
            .Select(Path.GetFileNameWithoutExtension)
            .Cast<string>()
            .Where(s => s.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        Assert.True(stems.Count > 0, $"No case in Cases/diagnostics is named '{prefix}*.treaty'.");
        var producing = stems.Where(s =>
        {
            var expected = Path.Combine(CasesFolder, s + ".diagnostics");
            return File.Exists(expected) && File.ReadAllText(expected).Contains($" error {code}: ", StringComparison.Ordinal);
        });
        Assert.True(producing.Any(), $"None of the cases {string.Join(", ", stems)} has '{code}' in its .diagnostics.");
    }

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Code_has_a_section_in_the_diagnostics_page(string code)
    {
        Assert.True(File.Exists(DocsPath), "docs/diagnostics.md is missing.");
        Assert.True(Headings(File.ReadAllLines(DocsPath)).Any(h => Regex.IsMatch(h, $@"\b{code}\b")), $"docs/diagnostics.md has no heading for {code}.");
    }

    /// <summary>Markdown headings, leaving out '#' comments inside fenced examples.</summary>
    private static IEnumerable<string> Headings(IEnumerable<string> lines)
    {
        var fenced = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) fenced = !fenced;
            else if (!fenced && line.StartsWith('#')) yield return line;
        }
    }

    [Fact]
    public void Every_case_says_what_it_pins()
    {
        var silent = Directory.GetFiles(CasesFolder, "*.treaty")
            .Where(p => !File.ReadLines(p).FirstOrDefault("").StartsWith('#'))
            .Select(Path.GetFileName)
            .ToList();
        Assert.True(silent.Count == 0, $"These cases do not start with a '#' comment: {string.Join(", ", silent)}");
    }
}
