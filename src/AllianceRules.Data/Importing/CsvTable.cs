using AllianceRules.Diagnostics;
using AllianceRules.Text;

namespace AllianceRules.Importing;

/// <summary>
/// A dataset's CSV file (RFC 4180, with a header row) as the importers read it: columns found by
/// name, in any order and any case, so that a fresh download with extra or reordered columns still
/// reads. A missing column, a row of the wrong length or an unclosed quote is a located error.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(SourceFile file, Dictionary<string, int> columns, IReadOnlyList<CsvRow> rows)
    {
        File = file;
        _columns = columns;
        Rows = rows;
    }

    public SourceFile File { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public bool Has(string column) => _columns.ContainsKey(column);

    internal int IndexOf(string column) => _columns[column];

    /// <summary>Reads the table, or returns the errors that keep it from being read.</summary>
    /// <param name="what">What the file is, for messages: "the ATOP member file".</param>
    public static CsvTable? Read(SourceFile file, string what, IReadOnlyList<string> required, DiagnosticBag bag)
    {
        var text = file.Text;
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        Dictionary<string, int>? columns = null;
        var width = 0;
        var rows = new List<CsvRow>();
        var before = bag.Count;
        while (position < text.Length)
        {
            var start = position;
            var startLine = line;
            var (fields, spans, end, lines, error) = SplitRow(text, position);
            position = end;
            line += lines;
            if (error is { } at)
            {
                bag.Add(DiagnosticCatalog.ImportRow(file.At(new TextSpan(at, 1)), "a quoted field is not closed"));
                break;
            }
            if (fields.Count == 1 && fields[0].Trim().Length == 0) continue;
            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.Ordinal);
                width = fields.Count;
                for (var k = 0; k < fields.Count; k++) columns.TryAdd(fields[k].Trim().ToLowerInvariant(), k);
                var missing = required.Where(r => !columns.ContainsKey(r)).ToList();
                if (missing.Count > 0)
                {
                    var lineEnd = text.IndexOf('\n', start);
                    bag.Add(DiagnosticCatalog.ImportMissingColumns(file.At(TextSpan.FromBounds(start, Math.Max(start + 1, lineEnd < 0 ? text.Length : lineEnd))), what, missing));
                    return null;
                }
                continue;
            }
            if (fields.Count != width)
            {
                bag.Add(DiagnosticCatalog.ImportRow(file.At(new TextSpan(start, 1)), $"this row has {fields.Count} fields, the header {width}"));
                continue;
            }
            rows.Add(new CsvRow(startLine, [.. fields], [.. spans]));
        }
        if (columns is null)
        {
            bag.Add(DiagnosticCatalog.ImportMissingColumns(file.At(new TextSpan(0, 0)), what, required));
            return null;
        }
        return bag.Count > before ? null : new CsvTable(file, columns, rows);
    }

    /// <summary>A row's text in a column ("" when the column is absent).</summary>
    public string Text(CsvRow row, string column) => _columns.TryGetValue(column, out var k) && k < row.Fields.Length ? row.Fields[k].Trim() : string.Empty;

    public SourceRef At(CsvRow row, string column) =>
        File.At(_columns.TryGetValue(column, out var k) && k < row.Spans.Length ? row.Spans[k] : row.Spans[0]);

    /// <summary>An integer cell; empty is null; anything else that is not a whole number is an error.</summary>
    public bool TryInt(CsvRow row, string column, DiagnosticBag bag, out int? value)
    {
        var text = Text(row, column);
        value = null;
        if (text.Length == 0 || text == "NA") return true;
        // Some exports write whole numbers as 1866.0.
        if (text.EndsWith(".0", StringComparison.Ordinal)) text = text[..^2];
        if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var v))
        {
            value = v;
            return true;
        }
        bag.Add(DiagnosticCatalog.ImportNotANumber(At(row, column), column, text));
        return false;
    }

    /// <summary>
    /// The whole numbers a row must have in every one of <paramref name="columns"/>: an empty cell
    /// is an error too. Null when some cell is missing or not a number (each reported where written).
    /// </summary>
    public Dictionary<string, int>? RequiredInts(CsvRow row, IEnumerable<string> columns, DiagnosticBag bag)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        foreach (var column in columns)
        {
            ok &= TryInt(row, column, bag, out var v);
            if (v is null && ok)
            {
                bag.Add(DiagnosticCatalog.ImportNotANumber(At(row, column), column, string.Empty));
                ok = false;
            }
            values[column] = v ?? 0;
        }
        return ok ? values : null;
    }

    // The official COW file has bare-CR line endings: a CR alone ends a row here.
    private static CsvRowSplit SplitRow(string text, int position) => CsvRowSplitter.Split(text, position, bareCarriageReturnEndsRow: true);
}

/// <summary>One data row: its first line (1-based), its fields and where each was written.</summary>
internal sealed record CsvRow(int Line, string[] Fields, TextSpan[] Spans);
