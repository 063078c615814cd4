using System.Text;
using AllianceRules.History;
using AllianceRules.Model;

namespace AllianceRules.Tests.Datasets;

/// <summary>An evidence row of a dataset is kept by its offset in a file that can be read again, and by its text in one that cannot (gzip).</summary>
public sealed class EvidenceRowTests
{
    private static readonly Verb[] Vocabulary = [new("attack", null, ["19", "190"]), new("protest", null, ["14"])];

    /// <param name="reopens">What the file answers, once open, to whether it can be opened again (a named pipe cannot).</param>
    private static List<Event> Read(byte[] bytes, bool seekable, bool reopens = true)
    {
        Stream Open() => new MemoryStream(bytes, writable: false);
        var source = new HistorySource("h.gdelt2.tsv", HistoryFormat.Gdelt2, Open) { OpenSeekable = seekable ? Open : null, CanReopen = () => reopens };
        return [.. new HistoryReader(Vocabulary.Select(v => v.Name), Vocabulary) { NeedsDetail = (_, _) => true }.Read(source)];
    }

    private static byte[] Sample(out string[] lines)
    {
        lines = DatasetSamples.Lines("sample.gdelt2.tsv");
        // A byte order mark and CRLF: offsets count bytes, and the text read back has neither.
        return [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];
    }

    [Fact]
    public void An_evidence_row_reads_back_as_its_line()
    {
        var bytes = Sample(out var lines);
        var events = Read(bytes, seekable: true);
        AssertReadBack(events, lines, byOffset: true);
    }

    [Fact]
    public void A_file_that_cannot_seek_keeps_the_text()
    {
        var bytes = Sample(out var lines);
        var events = Read(bytes, seekable: false);
        AssertReadBack(events, lines, byOffset: false);
        Assert.Equal(Read(bytes, seekable: true).Select(e => e.Origin.Text), events.Select(e => e.Origin.Text));
    }

    /// <summary>Every event's text is its line; kept by offset (read back) or as text, as <paramref name="byOffset"/> says.</summary>
    private static void AssertReadBack(List<Event> events, string[] lines, bool byOffset)
    {
        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.Equal(byOffset, e.Origin.Row is not null);
            Assert.Equal(lines[e.Origin.Line - 1], e.Origin.Text);
        });
    }

    [Fact]
    public void A_row_changed_after_reading_fails_rather_than_print_another()
    {
        var bytes = Sample(out _);
        var e = Read(bytes, seekable: true)[0];
        var row = e.Origin.Row!;
        bytes[row.Offset + 2] ^= 1;
        var failure = Assert.Throws<HistoryChangedException>(() => e.Origin.Text);
        Assert.Equal("h.gdelt2.tsv", failure.Path);
        Assert.Equal($"it changed after it was read: line {e.Origin.Line}, which the report shows as evidence, no longer holds the row that was read; run the check again", failure.Why);
    }

    [Fact]
    public void A_file_cut_short_after_reading_fails()
    {
        var bytes = Sample(out _);
        var row = Read(bytes, seekable: true)[^1].Origin.Row!;
        Stream Short() => new MemoryStream(bytes, 0, (int)row.Offset + 3, writable: false);
        var moved = row with { Source = new SeekableRows("h.gdelt2.tsv", Short) };
        Assert.Contains("is no longer there", Assert.Throws<HistoryChangedException>(() => moved.Text).Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_kept_by_offset_stay_so_through_a_sort_on_disk()
    {
        var bytes = Sample(out var lines);
        var events = Read(bytes, seekable: true);
        var sorted = new ExternalSort(1, () => new MemoryStream()).Sort(events.AsEnumerable().Reverse()).ToList();
        Assert.Equal(events.Count, sorted.Count);
        AssertReadBack(sorted, lines, byOffset: true);
    }

    [Fact]
    public void Rows_are_read_back_from_several_threads_at_once()
    {
        var bytes = Sample(out var lines);
        var events = Read(bytes, seekable: true);
        var texts = Enumerable.Range(0, 200).AsParallel().Select(i => events[i % events.Count]).Select(e => (e.Origin.Line, e.Origin.Text)).ToList();
        Assert.All(texts, t => Assert.Equal(lines[t.Line - 1], t.Text));
    }
    /// <summary>Regression: a named pipe was offered for reading back like a plain file, and a report then waited for ever to open it again.</summary>
    [Fact]
    public void A_history_that_cannot_be_opened_again_keeps_the_text() =>
        AssertReadBack(Read(Sample(out var lines), seekable: true, reopens: false), lines, byOffset: false);

    /// <summary>A report citing rows of thousands of files (GDELT's 15-minute files) must not hold a handle on each.</summary>
    [Fact]
    public void Reading_back_rows_of_many_files_keeps_a_bounded_number_open()
    {
        var bytes = Sample(out var lines);
        var before = SeekableRows.OpenStreams;
        var events = Enumerable.Range(0, SeekableRows.MaxOpenStreams + 100).Select(_ => Read(bytes, seekable: true)[0]).ToList();
        Assert.All(events, e => Assert.Equal(lines[e.Origin.Line - 1], e.Origin.Text));
        Assert.InRange(SeekableRows.OpenStreams - before, 0, SeekableRows.MaxOpenStreams);
    }
}
