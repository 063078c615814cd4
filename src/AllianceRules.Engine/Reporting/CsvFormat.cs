using System.Text;

namespace AllianceRules.Reporting;

/// <summary>RFC 4180 CSV: comma-separated, CRLF-free (LF line ends, which R and Stata read), fields quoted when they must be.</summary>
internal static class CsvFormat
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(writer, header, rows);
        return writer.ToString();
    }

    /// <summary>As <see cref="Write(IReadOnlyList{string}, IEnumerable{IReadOnlyList{string}})"/>, handed to <paramref name="writer"/> in chunks, never held whole.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder();
        Row(sb, header);
        foreach (var row in rows)
        {
            Row(sb, row);
            if (sb.Length < 1 << 15) continue;
            writer.Write(sb.ToString());
            sb.Clear();
        }
        writer.Write(sb.ToString());
    }

    private static void Row(StringBuilder sb, IReadOnlyList<string> fields)
    {
        for (var k = 0; k < fields.Count; k++)
        {
            if (k > 0) sb.Append(',');
            sb.Append(Field(fields[k]));
        }
        sb.Append('\n');
    }

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>A column name R and Stata both accept: letters, digits and underscores.</summary>
    public static string ColumnName(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray();
        return new string(chars);
    }
}
