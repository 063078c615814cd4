using AllianceRules.Diagnostics;
using AllianceRules.History.Datasets;
using AllianceRules.Parsing;
using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.History;

/// <summary>
/// Reads a <c>.csv</c> history (RFC 4180: commas, fields in double quotes may hold commas and
/// doubled quotes) with a header row. <c>date</c>, <c>actor</c> and <c>target</c> are required, and
/// <c>verb</c> or <c>cameo</c>; <c>text</c> is the description; <c>end</c> ends an interval event
/// (a date, or <c>..</c> for an open end; empty for a point event); every other column is an
/// attribute (an empty cell gives none). A row coded by <c>cameo</c> keeps its code for the loader to map.
/// </summary>
internal static class CsvHistoryReader
{
    private static readonly string[] Required = ["date", "actor", "target"];

    /// <param name="state">The header, read from the file's first piece and kept for the next ones.</param>
    public static IEnumerable<HistoryLineSyntax> Read(SourceFile file, DiagnosticBag bag, CsvHeader state)
    {
        var text = file.Text;
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = file.FirstLine;
        var header = state.Columns;
        while (position < text.Length && !state.Broken)
        {
            var start = position;
            var startLine = line;
            var (fields, spans, end, lines, error) = Row(text, position);
            position = end;
            line += lines;
            if (error is { } at)
            {
                bag.Add(DiagnosticCatalog.CsvRow(file.At(new TextSpan(at, 1)), "a quoted field is not closed"));
                continue;
            }
            if (fields.Count == 1 && fields[0].Length == 0) continue;
            if (header is null)
            {
                header = [.. fields.Select(f => f.Trim().ToLowerInvariant())];
                var missing = Required.Where(r => !header.Contains(r)).ToList();
                if (!header.Contains("verb") && !header.Contains("cameo")) missing.Add("verb (or cameo)");
                if (missing.Count > 0)
                {
                    bag.Add(DiagnosticCatalog.CsvRow(file.At(new TextSpan(start, Math.Max(1, end - start - 1))), $"the header has no column {Friendly.List(missing.Select(m => $"'{m}'"))}; a CSV history needs date, actor, verb (or cameo) and target"));
                    state.Broken = true;
                    yield break;
                }
                state.Columns = header;
                continue;
            }
            if (fields.Count != header.Length)
            {
                bag.Add(DiagnosticCatalog.CsvRow(file.At(new TextSpan(start, Math.Max(1, end - start - 1))), $"this row has {fields.Count} fields, the header {header.Length}"));
                continue;
            }
            if (ToEvent(file, header, fields, spans, startLine, text[start..RowEnd(text, start, end)], bag) is { } e) yield return e;
        }
    }

    private static HistoryLineSyntax? ToEvent(SourceFile file, string[] header, List<string> fields, List<TextSpan> spans, int line, string raw, DiagnosticBag bag)
    {
        string Field(string name) => fields[Array.IndexOf(header, name)].Trim();
        TextSpan Span(string name) => spans[Array.IndexOf(header, name)];
        var dateText = Field("date");
        var date = Lexical.Date(new TextInput(dateText, 0, dateText.Length));
        if (!date.WasSuccessful || !date.Remainder.AtEnd)
        {
            bag.Add(DiagnosticCatalog.CsvRow(file.At(Span("date")), $"'{dateText}' is not a date such as 2022-09-13"));
            return null;
        }
        var ok = true;
        Identifier? Code(string name)
        {
            var value = Field(name);
            if (Lexical.IsCode(value)) return new Identifier(value, Span(name));
            bag.Add(DiagnosticCatalog.CsvRow(file.At(Span(name)), $"'{name}' must be a party code such as 'RUS', not '{value}'"));
            ok = false;
            return null;
        }
        var actor = Code("actor");
        var target = Code("target");
        var attributes = new List<AttributeSyntax>();
        for (var k = 0; k < header.Length; k++)
        {
            if (header[k] is "date" or "end" or "actor" or "verb" or "target" or "text" or "cameo" || fields[k].Length == 0) continue;
            if (!Lexical.IsName(header[k]))
            {
                bag.Add(DiagnosticCatalog.CsvRow(file.At(spans[k]), $"column '{header[k]}' cannot be an attribute: names are lower-case words such as 'source'"));
                return null;
            }
            attributes.Add(new AttributeSyntax(new Identifier(header[k], spans[k]), fields[k], spans[k]));
        }
        var description = header.Contains("text") && Field("text").Length > 0 ? new StringLiteral(Field("text"), Span("text")) : null;
        var dateSyntax = date.Value with { Span = Span("date") };
        EventEndSyntax? until = null;
        if (header.Contains("end") && Field("end") is { Length: > 0 } endText)
        {
            // '..' is an open end, as in an .events line (language.md §5.5).
            var end = Lexical.Date(new TextInput(endText, 0, endText.Length));
            if (endText != ".." && (!end.WasSuccessful || !end.Remainder.AtEnd))
            {
                bag.Add(DiagnosticCatalog.CsvRow(file.At(Span("end")), $"'end' must be a date such as 2022-09-13, or '..' for an interval that lasts to the horizon, not '{endText}'"));
                return null;
            }
            until = new EventEndSyntax(endText == ".." ? null : end.Value with { Span = Span("end") }, Span("end"));
        }
        if (!ok || actor is null || target is null) return null;
        var verbText = header.Contains("verb") ? Field("verb") : string.Empty;
        if (verbText.Length > 0 || !header.Contains("cameo"))
        {
            var verb = new Identifier(verbText, Span("verb"));
            return new EventLineSyntax(dateSyntax, actor, verb, target, attributes, description, raw, line, Span(header[0]), until);
        }
        var cameo = Field("cameo");
        if (DatasetFields.Cameo(cameo) is null)
        {
            // A code that is not one (19X, 190.0 from a spreadsheet) must not pass as its prefix.
            bag.Add(DiagnosticCatalog.CsvRow(file.At(Span("cameo")), cameo.Length == 0
                ? "this row has neither a verb nor a CAMEO code"
                : $"'{cameo}' is not a CAMEO code: 2 to 4 digits, such as 190 or 0234"));
            return null;
        }
        var placeholder = new EventLineSyntax(dateSyntax, actor, new Identifier(string.Empty, Span("cameo")), target, attributes, description, raw, line, Span(header[0]), until);
        return new CodedEventSyntax(placeholder, cameo, Span("cameo"), line);
    }

    private static CsvRowSplit Row(string text, int position) => CsvRowSplitter.Split(text, position, bareCarriageReturnEndsRow: false);

    private static int RowEnd(string text, int start, int end)
    {
        var e = end;
        while (e > start && text[e - 1] is '\n' or '\r') e--;
        return e;
    }
}

/// <summary>A CSV history's header, once read: the columns by position, or broken (then no row can be read).</summary>
internal sealed class CsvHeader
{
    public string[]? Columns { get; set; }

    public bool Broken { get; set; }
}
