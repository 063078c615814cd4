using AllianceRules.Formatting;
using AllianceRules.Tests.Support;
using AllianceRules.Text;

namespace AllianceRules.Tests.Formatting;

/// <summary>Cases/fmt: each untidy input beside its canonical layout (<c>NAME.formatted.EXT</c>), which is a fixed point.</summary>
public sealed class FormatCaseTests
{
    private static readonly string Folder = Repo.Path("tests", "AllianceRules.Tests", "Cases", "fmt");

    public static TheoryData<string> Cases() =>
        [.. Directory.GetFiles(Folder).Select(Path.GetFileName).Cast<string>().Where(n => !n.Contains(".formatted.", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Input_formats_to_its_canonical_layout(string name)
    {
        var input = new SourceFile(name, File.ReadAllText(Path.Combine(Folder, name)));
        var formatted = Formatter.Format(input);
        Assert.True(formatted.Text is not null, string.Join("\n", formatted.Diagnostics.Select(d => d.Message)));
        var expectedPath = Path.Combine(Folder, Path.GetFileNameWithoutExtension(name) + ".formatted" + Path.GetExtension(name));
        Baseline.Match(expectedPath, formatted.Text);
        Assert.Equal(formatted.Text, Formatter.Format(new SourceFile(name, formatted.Text)).Text);
        Assert.Equal(FormatterTests.Meaning(input), FormatterTests.Meaning(new SourceFile(name, formatted.Text)));
    }

    [Fact]
    public void A_file_that_does_not_parse_is_not_formatted()
    {
        var outcome = Formatter.Format(new SourceFile("broken.treaty", "treaty CST \"x\" {\n  signed 1992-05-15\n"));
        Assert.Null(outcome.Text);
        Assert.Contains(outcome.Diagnostics, d => d.Code == "AR2003");
    }
}
