using System.Text;
using AllianceRules.Diagnostics;
using AllianceRules.History;
using AllianceRules.Model;
using AllianceRules.Text;
using CsCheck;

namespace AllianceRules.Tests.Datasets;

/// <summary>
/// Dataset files are read as bytes, their rows' fields decoded only when read; a text already in memory
/// is read as text, line by line. Both must give the same events, skips and diagnostics on any file,
/// well formed or not; and an evidence row kept by its offset reads back as the row.
/// </summary>
public sealed class ByteReaderProperties
{
    private static readonly Verb[] Vocabulary =
    [
        new("protest", null, ["14"]),
        new("attack", null, ["19", "190"]),
        new("request", null, ["0234"]),
    ];

    private static readonly string[] Sample2 = DatasetSamples.Lines("sample.gdelt2.tsv");
    private static readonly string[] Sample1 = DatasetSamples.Lines("sample.gdelt1.tsv");
    private static readonly string[] SampleIcews = DatasetSamples.Lines("sample.icews.tab");

    /// <summary>A field's replacement: mostly plausible, sometimes wrong, sometimes not UTF-8 at all.</summary>
    private static readonly Gen<byte[]> Field = Gen.OneOf(
        Gen.OneOf("", " ", "RUS", "ARM", "AZE", "USR", "EUR", "XYZ", "Russia", "Armenia", "NA", "\"Armenia\"", "IGOWSTNAT", "CSTO", "190", "0234", "14", "1", "12345", "01a",
            "20220913", "20220931", "2022-09-13", "9/13/2022", "13/9/2022", " 20220913 ", "\u00A0RUS", "RUS\u3000", "Ré\"union", "a\"b", "GLOBALEVENTID", "Event Date", "x\ry").Select(s => Encoding.UTF8.GetBytes(s)),
        Gen.OneOf<byte[]>([0xFF], [0xC3], [0xE2, 0x82], [0xC3, 0xA9], [0xF0, 0x9F, 0x98, 0x80], [0xEF, 0xBB, 0xBF], [0xC2, 0xA0], [0xED, 0xA0, 0x80]));

    /// <summary>A line: a sample row, with some fields replaced, some added or removed.</summary>
    private static Gen<byte[]> Line(string[] samples) =>
        Gen.Select(Gen.OneOf(samples), Gen.Select(Gen.Int[0, 70], Field).Array[0, 4], Gen.Int[-2, 2],
            (sample, changes, extra) =>
            {
                var fields = sample.Split('\t').Select(f => Encoding.UTF8.GetBytes(f)).ToList();
                foreach (var (index, value) in changes)
                {
                    if (index < fields.Count) fields[index] = value;
                }
                if (extra > 0) fields.AddRange(Enumerable.Repeat("x"u8.ToArray(), extra));
                if (extra < 0) fields.RemoveRange(fields.Count + extra, -extra);
                return Join(fields.Select(f => f), "\t"u8.ToArray());
            });

    private static byte[] Join(IEnumerable<byte[]> parts, byte[] separator)
    {
        var all = new List<byte>();
        var first = true;
        foreach (var p in parts)
        {
            if (!first) all.AddRange(separator);
            all.AddRange(p);
            first = false;
        }
        return [.. all];
    }

    /// <summary>A file: a byte order mark or not, lines (the first of ICEWS usually its header, sometimes a GDELT header), blank lines, LF or CRLF, a final break or not.</summary>
    private static Gen<byte[]> File(HistoryFormat format)
    {
        var samples = format switch { HistoryFormat.Gdelt1 => Sample1, HistoryFormat.Gdelt2 => Sample2, _ => SampleIcews[1..] };
        var line = Gen.Frequency(
            (12, Line(samples)),
            (1, Gen.OneOf("", "  ", "\u3000", "GLOBALEVENTID\tSQLDATE", format == HistoryFormat.Icews ? SampleIcews[0] : "x").Select(s => Encoding.UTF8.GetBytes(s))));
        var header = format == HistoryFormat.Icews
            ? Gen.Frequency((6, Gen.Const(Encoding.UTF8.GetBytes(SampleIcews[0]))), (1, Gen.Const("Event ID\tEvent Date\tSource"u8.ToArray())), (1, Gen.Const(new byte[] { 0x20 })))
            : Gen.Frequency((6, Gen.Const(Array.Empty<byte>())), (1, Gen.Const("GLOBALEVENTID\tSQLDATE\tMonthYear"u8.ToArray())));
        return Gen.Select(Gen.Bool, header, line.Array[0, 25], Gen.OneOf("\n", "\r\n"), Gen.Bool, (bom, head, lines, newline, final) =>
        {
            var all = (head.Length > 0 || format == HistoryFormat.Icews ? lines.Prepend(head) : lines).ToList();
            var text = Join(all, Encoding.UTF8.GetBytes(newline));
            if (final && text.Length > 0) text = [.. text, .. Encoding.UTF8.GetBytes(newline)];
            return bom ? [0xEF, 0xBB, 0xBF, .. text] : text;
        });
    }

    private static string Read(byte[] bytes, HistoryFormat format, bool asBytes, int pieceSize = 1 << 15)
    {
        var path = format switch { HistoryFormat.Gdelt1 => "h.gdelt1.tsv", HistoryFormat.Gdelt2 => "h.gdelt2.tsv", _ => "h.icews.tab" };
        var reader = new HistoryReader(Vocabulary.Select(v => v.Name), Vocabulary, keepSkippedRows: true) { NeedsDetail = (verb, _) => verb != "request" };
        List<Event> events;
        if (asBytes)
        {
            Stream Open() => new MemoryStream(bytes, writable: false);
            events = [.. reader.Read(new HistorySource(path, format, Open) { OpenSeekable = Open }, pieceSize)];
        }
        else
        {
            // As check read every history before: decoded by a StreamReader, read as one piece of text.
            var text = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true).ReadToEnd();
            events = [.. reader.Read(new SourceFile(path, text), format)];
        }
        var diagnostics = string.Join("\n", reader.Diagnostics.ToSortedArray().Select(DiagnosticFormatter.Format));
        // A file in error is not evaluated: after a bad ICEWS header the text reader went on with the
        // rest of its piece as GDELT rows, the bytes reader with nothing; only the error counts.
        if (reader.Diagnostics.HasErrors) return diagnostics;
        var skipped = reader.Skipped;
        return string.Join("\n", events.Select(Describe))
            + "\nskipped: " + string.Join("; ", skipped.Counts.Select(r => $"{r.Reason}={r.Count}"))
            + "\nrows: " + string.Join("; ", skipped.Rows.Select(r => $"{r.File}:{r.Line} {r.Reason} ({r.Detail})"))
            + "\n" + diagnostics;
    }

    private static string Describe(Event e) =>
        $"{e.Date} {e.Actor} {e.Verb} {e.Target} [{string.Join(",", e.Attributes.Select(a => $"{a.Key}={a.Value}"))}] <{e.Description}> {e.Origin.File}:{e.Origin.Line} |{e.Origin.Text}|";

    [Theory]
    [InlineData(HistoryFormat.Gdelt2)]
    [InlineData(HistoryFormat.Gdelt1)]
    [InlineData(HistoryFormat.Icews)]
    public void Bytes_read_as_the_text_reads(HistoryFormat format) =>
        Gen.Select(File(format), Gen.Int[1, 400]).Sample((bytes, piece) =>
            Assert.Equal(Read(bytes, format, asBytes: false), Read(bytes, format, asBytes: true, piece)), iter: 400, seed: "0000BYTEROWS1");

    [Fact]
    public void The_generator_reaches_events_light_and_whole_skips_and_offsets()
    {
        // Guards the property above: it proves little unless rows go every way.
        var read = new StringBuilder();
        File(HistoryFormat.Gdelt2).Sample(b => { read.Append(Read(b, HistoryFormat.Gdelt2, asBytes: true)); }, iter: 60, seed: "0000BYTEROWS1");
        var all = read.ToString();
        Assert.Contains(" request ", all, StringComparison.Ordinal);
        Assert.Contains("[] <>", all, StringComparison.Ordinal);
        Assert.Contains("gdelt_id=", all, StringComparison.Ordinal);
        Assert.Contains("the line has the wrong number of fields", all, StringComparison.Ordinal);
        Assert.Contains("the actor's country is not a known country", all, StringComparison.Ordinal);
        Assert.Contains("the date is not a valid date", all, StringComparison.Ordinal);
    }
    /// <summary>
    /// Regression: the byte reader told a <c>.tsv</c> file's layout from its first buffer, not its
    /// first line, so a first row longer than a piece (any GDELT row, in pieces of 64 bytes) had too
    /// few fields and the file failed with AR4009.
    /// </summary>
    [Fact]
    public void A_first_row_longer_than_a_piece_still_tells_the_layout()
    {
        File(HistoryFormat.Gdelt2).Sample(bytes =>
        {
            string Events(int piece)
            {
                var reader = new HistoryReader(Vocabulary.Select(v => v.Name), Vocabulary);
                Stream Open() => new MemoryStream(bytes, writable: false);
                var events = reader.Read(new HistorySource("h.tsv", HistoryFormat.Dataset, Open) { OpenSeekable = Open }, piece).Select(Describe).ToList();
                return string.Join("\n", events.Append(string.Join("\n", reader.Diagnostics.ToSortedArray().Select(DiagnosticFormatter.Format))));
            }
            Assert.Equal(Events(1 << 15), Events(64));
        }, iter: 40, seed: "0000BYTEROWS1");
    }
}
