namespace AllianceRules.History.Datasets;

/// <summary>Names the dataset formats on the command line, and recognises a file by its first line.</summary>
internal static class DatasetFormats
{
    /// <summary>The format named exactly <c>gdelt1</c>, <c>gdelt2</c> or <c>icews</c>; null for any other name.</summary>
    public static DatasetFormat? Parse(string name) => name switch
    {
        "gdelt1" => DatasetFormat.Gdelt1,
        "gdelt2" => DatasetFormat.Gdelt2,
        "icews" => DatasetFormat.Icews,
        _ => null,
    };

    /// <summary>The name <see cref="Parse"/> takes for a format.</summary>
    public static string NameOf(DatasetFormat format) => format switch
    {
        DatasetFormat.Gdelt1 => "gdelt1",
        DatasetFormat.Gdelt2 => "gdelt2",
        DatasetFormat.Icews => "icews",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>
    /// The format of a file from its first line, when that line can only be one: the ICEWS header;
    /// a GDELT 1.0 row (57 or 58 fields, field 1 an 8-digit date); a GDELT 2.0 row (61 fields,
    /// field 59 a 14-digit timestamp). Null otherwise, and the user names the format.
    /// </summary>
    public static DatasetFormat? Detect(ReadOnlySpan<char> firstLine)
    {
        var line = DatasetFields.Line(firstLine);
        if (line.StartsWith("Event ID\tEvent Date\t", StringComparison.Ordinal)) return DatasetFormat.Icews;
        Span<Range> fields = stackalloc Range[GdeltRowReader.Gdelt2Fields + 1];
        var count = line.Split(fields, '\t');
        return count switch
        {
            GdeltRowReader.Gdelt1Fields or GdeltRowReader.Gdelt1Fields + 1 when DatasetFields.IsDigits(line[fields[1]], 8) => DatasetFormat.Gdelt1,
            GdeltRowReader.Gdelt2Fields when DatasetFields.IsDigits(line[fields[59]], 14) => DatasetFormat.Gdelt2,
            _ => null,
        };
    }
}
