using AllianceRules.History.Datasets;
using AllianceRules.Tests.Support;
using NodaTime.Text;

namespace AllianceRules.Tests.Datasets;

/// <summary>The sample files of Cases/datasets, and one-line renderings of what the readers make of them.</summary>
internal static class DatasetSamples
{
    public static string[] Lines(string file) =>
        File.ReadAllText(Repo.Path("tests", "AllianceRules.Tests", "Cases", "datasets", file)).TrimEnd('\n').Split('\n');

    public static List<RowOutcome> ReadGdelt(string file, DatasetFormat format) =>
        [.. Lines(file).Select(l => GdeltRowReader.Read(l, format))];

    public static List<RowOutcome> ReadIcews(string file)
    {
        var lines = Lines(file);
        var reader = IcewsRowReader.FromHeader(lines[0], out var error) ?? throw new InvalidOperationException(error);
        return [.. lines.Skip(1).Select(l => reader.Read(l))];
    }

    /// <summary>
    /// <c>2022-09-13 AZE 190 ARM gdelt_id=1 actor1=AZEMIL "description"</c>, or
    /// <c>skip BadDate (20220931)</c>.
    /// </summary>
    public static string Render(RowOutcome outcome)
    {
        if (outcome.Row is { } row)
        {
            var attributes = string.Concat(row.Attributes.Select(a => $" {a.Name}={a.Value}"));
            var description = row.Description is null ? string.Empty : $" \"{row.Description}\"";
            return $"{LocalDatePattern.Iso.Format(row.Date)} {row.Actor} {row.Cameo} {row.Target}{attributes}{description}";
        }
        Assert.NotNull(outcome.Skip);
        return outcome.Detail is null ? $"skip {outcome.Skip}" : $"skip {outcome.Skip} ({outcome.Detail})";
    }
}
