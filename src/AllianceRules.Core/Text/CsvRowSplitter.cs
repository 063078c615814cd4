namespace AllianceRules.Text;

/// <summary>One CSV row as split: its fields (unquoted), their spans, where the next row starts, how many line breaks it spans, and where an unclosed quote began.</summary>
public readonly record struct CsvRowSplit(List<string> Fields, List<TextSpan> Spans, int End, int Lines, int? Error);

/// <summary>
/// Splits RFC 4180 rows: fields separated by commas, quoted with '"' (a doubled quote inside
/// stands for one) and able to span lines. Shared by CSV histories and the dataset importers.
/// </summary>
public static class CsvRowSplitter
{
    /// <param name="bareCarriageReturnEndsRow">
    /// Whether a CR alone ends a row, as in the official COW files; otherwise only LF does (CRLF
    /// included), and a line's number is its count of LFs.
    /// </param>
    public static CsvRowSplit Split(string text, int position, bool bareCarriageReturnEndsRow)
    {
        var fields = new List<string>();
        var spans = new List<TextSpan>();
        var i = position;
        var lines = 0;
        while (true)
        {
            var fieldStart = i;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var sb = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length) return new(fields, spans, text.Length, lines, fieldStart);
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (text[i] == '\n') lines++;
                    sb.Append(text[i]);
                    i++;
                }
                value = sb.ToString();
            }
            else
            {
                var end = i;
                while (end < text.Length && text[end] is not (',' or '\n' or '\r')) end++;
                // Without bare-CR rows, a CR is part of the field unless it ends the line.
                while (!bareCarriageReturnEndsRow && end < text.Length && text[end] == '\r' && !(end + 1 >= text.Length || text[end + 1] == '\n'))
                {
                    end++;
                    while (end < text.Length && text[end] is not (',' or '\n' or '\r')) end++;
                }
                value = text[i..end];
                i = end;
            }
            fields.Add(value);
            spans.Add(TextSpan.FromBounds(fieldStart, Math.Max(fieldStart + 1, i)));
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }
            // Skip to the end of the line (a CR before LF, or stray text after a closing quote).
            while (i < text.Length && text[i] != '\n' && !(bareCarriageReturnEndsRow && text[i] == '\r')) i++;
            if (i < text.Length)
            {
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                i++;
                lines++;
            }
            return new(fields, spans, i, lines, null);
        }
    }
}
