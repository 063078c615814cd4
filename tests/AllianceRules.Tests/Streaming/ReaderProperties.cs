using AllianceRules.History;
using AllianceRules.Diagnostics;
using AllianceRules.Model;
using AllianceRules.Text;
using CsCheck;

namespace AllianceRules.Tests.Streaming;

/// <summary>
/// The hand reader of event lines is a shortcut, not a second grammar: on any line, well formed or
/// not, it gives what the grammar gives. And reading a file in pieces gives what reading it whole gives.
/// </summary>
public sealed class ReaderProperties
{
    private static readonly string[] Verbs = ["attack", "assist", "request"];

    /// <summary>Pieces of event lines, mostly right and sometimes subtly wrong, so both paths and their border are exercised.</summary>
    private static readonly Gen<string> Token = Gen.OneOf(
        Gen.OneOf("2010-12-01", "2011-02-28", "2012-02-29", "2011-02-29", "2010-13-01", "0000-01-01", "2010-1-01", "2010-12-01x", "20101201"),
        Gen.OneOf("AZE", "ARM", "RUS", "CSTO", "A1_B", "Rus", "ru", "AZE-1", "$a", "A$"),
        Gen.OneOf("attack", "assist", "request", "atack", "co-sign", "Attack", "attack_2"),
        Gen.OneOf("article=\"4\"", "article=4", "article = 4", "article=ARM", "article=arm", "article=4a", "source=\"a#b\"", "n=\"q\\\"x\"", "n=\"back\\\\\"",
            "n=\"bad\\n\"", "a=1", "a=2", "k=\"\"", "k=\"unclosed", "x=", "=4", "Up=4"),
        Gen.OneOf("\"desc\"", "\"with # hash\"", "\"esc \\\" q\"", "\"\"\"triple\"\"\"", "\"\"", "\"open"),
        Gen.OneOf("# comment", "#c", "as", "of", "observed", ".."));

    private static readonly Gen<string> Space = Gen.OneOf(" ", " ", " ", "  ", "\t", string.Empty);

    /// <summary>Mostly the usual shape (date actor verb target, attributes, description), with a random token or spacing now and then.</summary>
    private static readonly Gen<string> Line = Gen.Frequency(
        (6, Gen.Select(Gen.Frequency((3, Gen.Const(Array.Empty<string>())), (2, Token.Array[1, 3])), Space.Array[8], Gen.Frequency((8, Gen.OneOf("2010-12-01", "2011-03-05")), (1, Gen.Const("2011-02-29"))),
            Gen.Frequency((8, Gen.OneOf("AZE", "ARM")), (1, Gen.Const("Rus"))), Gen.Frequency((8, Gen.OneOf(Verbs)), (1, Gen.Const("atack"))), Gen.OneOf("ARM", "CSTO"),
            (extra, spaces, date, actor, verb, target) => $"{spaces[0]}{date}{spaces[1] switch { "" => " ", var s => s }}{actor} {verb}{spaces[2] switch { "" => " ", var s => s }}{target}{string.Concat(extra.Select((t, i) => spaces[3 + i] + t))}{spaces[7]}")),
        (2, Gen.Select(Token.Array[1, 7], Space.Array[7], (tokens, spaces) => string.Concat(tokens.Select((t, i) => t + spaces[i])))),
        (1, Gen.OneOf(string.Empty, "   ", "# only a comment", "as of 2011-01-01", "observed 2010-12-01 .. 2011-01-01", "observed 2010-12-01 ..")));

    private static (string Events, string Diagnostics) Read(string text, bool fast, int pieceSize = 0)
    {
        var reader = new HistoryReader(Verbs) { UseFastPath = fast };
        var events = pieceSize == 0
            ? reader.Read(new SourceFile("h.events", text), HistoryFormat.Events).ToList()
            : reader.Read(HistorySource.FromText("h.events", HistoryFormat.Events, text), pieceSize).ToList();
        return (string.Join("\n", events.Select(Describe)) + $"\nas of {reader.AsOf}; observed {string.Join(", ", reader.Observed)}",
            string.Join("\n", reader.Diagnostics.ToSortedArray().Select(DiagnosticFormatter.Format)));
    }

    private static string Describe(Event e) =>
        $"{e.Date} {e.Actor} {e.Verb} {e.Target} [{string.Join(",", e.Attributes.Select(a => $"{a.Key}={a.Value}"))}] <{e.Description}> {e.Origin.File}:{e.Origin.Line} |{e.Origin.Text}|";

    [Fact]
    public void The_hand_reader_reads_every_line_as_the_grammar_does()
    {
        Line.Array[1, 12].Sample(lines =>
        {
            var text = string.Join("\n", lines);
            Assert.Equal(Read(text, fast: false), Read(text, fast: true));
        }, iter: 3000, seed: "0000FASTLINES");
    }

    [Fact]
    public void The_generator_reaches_both_paths_and_both_outcomes()
    {
        // Guards the property above: it proves little unless lines go each way, with and without errors.
        var (events, errors) = (0, 0);
        Line.Sample(line =>
        {
            var (e, d) = Read(line, fast: true);
            if (e.Contains(" h.events:1 ", StringComparison.Ordinal)) events++;
            if (d.Length > 0) errors++;
        }, iter: 500, seed: "0000FASTLINES");
        Assert.InRange(events, 100, 450);
        Assert.InRange(errors, 50, 400);
    }

    [Fact]
    public void A_file_read_in_pieces_reads_as_the_file_whole()
    {
        Gen.Select(Line.Array[1, 30], Gen.Int[16, 200], Gen.OneOf("\n", "\r\n")).Sample((lines, size, newline) =>
        {
            var text = string.Join(newline, lines) + (lines.Length % 2 == 0 ? newline : string.Empty);
            Assert.Equal(Read(text, fast: true), Read(text, fast: true, pieceSize: size));
        }, iter: 1000, seed: "0000PIECEWISE");
    }

    [Fact]
    public void A_csv_file_read_in_pieces_reads_as_the_file_whole_even_with_line_breaks_inside_quotes()
    {
        var rows = Gen.Select(Gen.OneOf("2010-12-01", "2010-12-02", "2010-13-01"), Gen.OneOf("AZE", "ARM", "bad"), Gen.OneOf("attack", "assist", "atack"),
            Gen.OneOf("\"plain\"", "\"two\nlines\"", "\"a \"\"quote\"\"\"", "unquoted", "\"unclosed"),
            (d, a, v, text) => $"{d},{a},{v},ARM,{text}");
        Gen.Select(rows.Array[1, 20], Gen.Int[16, 120]).Sample((lines, size) =>
        {
            var text = "date,actor,verb,target,text\n" + string.Join("\n", lines) + "\n";
            var (whole, pieces) = (ReadCsv(text, 0), ReadCsv(text, size));
            Assert.Equal(whole.Item1, pieces.Item1);
            Assert.Equal(whole.Item2, pieces.Item2);
        }, iter: 500, seed: "0000CSVPIECES");
    }

    private static (string, string) ReadCsv(string text, int pieceSize)
    {
        var reader = new HistoryReader(Verbs);
        var events = pieceSize == 0
            ? reader.Read(new SourceFile("h.csv", text), HistoryFormat.Csv).ToList()
            : reader.Read(HistorySource.FromText("h.csv", HistoryFormat.Csv, text), pieceSize).ToList();
        return (string.Join("\n", events.Select(Describe)), string.Join("\n", reader.Diagnostics.ToSortedArray().Select(DiagnosticFormatter.Format)));
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_an_error_at_its_start_and_the_rest_is_not_read()
    {
        var reported = new List<Diagnostic>();
        var text = "2010-12-01 AZE attack ARM\n2010-12-02 AZE attack ARM \"" + new string('x', 5000) + "\n2010-12-03 AZE attack ARM\n";
        var pieces = HistoryPieces.Cut("h.csv", new StringReader(text), csvQuotes: true, reported.Add, pieceSize: 64, maxLine: 1024).ToList();
        Assert.Equal("2010-12-01 AZE attack ARM\n", string.Concat(pieces.Select(p => p.Text)));
        Assert.Equal(
            "h.csv:2:1: error AR4010: this line is longer than 1,024 characters, the most a history's line may hold (is a quoted field never closed?); the rest of the file is not read",
            DiagnosticFormatter.Format(Assert.Single(reported)).Split('\n')[0]);
    }
}
