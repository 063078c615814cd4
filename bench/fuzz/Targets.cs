using AllianceRules.History;
using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Importing;
using AllianceRules.Model;
using AllianceRules.Parsing;
using AllianceRules.Reporting;
using AllianceRules.Text;

namespace AllianceRules.Fuzz;

/// <summary>
/// The fuzz targets, one per parser, each taking the input's text. The property is the same for
/// all: the input is read into a value or into error diagnostics, never an unhandled exception
/// (and never a hang, which afl-fuzz's -t bounds). Where it is cheap the value is taken further,
/// as the CLI would: a history is evaluated against the bundled rules and the report written; an
/// importer's output is read back. A broken invariant throws <see cref="PropertyViolation"/>, so
/// afl-fuzz records it as a crash too.
/// </summary>
public static class Targets
{
    public static readonly IReadOnlyDictionary<string, Action<string>> All = new Dictionary<string, Action<string>>(StringComparer.Ordinal)
    {
        ["treaty"] = Treaty,
        ["events"] = text => History("fuzz.events", HistoryFormat.Events, text),
        ["jsonl"] = text => History("fuzz.jsonl", HistoryFormat.JsonLines, text),
        ["csv"] = text => History("fuzz.csv", HistoryFormat.Csv, text),
        ["gdelt1"] = text => History("fuzz.tsv", HistoryFormat.Gdelt1, text),
        ["gdelt2"] = text => History("fuzz.tsv", HistoryFormat.Gdelt2, text),
        ["icews"] = text => History("fuzz.tab", HistoryFormat.Dataset, text),
        ["test"] = TestFile,
        ["atop"] = Atop,
        ["cow"] = CowWars,
    };

    /// <summary>The targets that read the input's bytes themselves: a program of edits, not a file.</summary>
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> Raw = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["lsp"] = LspTarget.Run,
        ["playground"] = PlaygroundTarget.Run,
    };

    /// <summary>A small history in the bundled vocabulary, evaluated against each fuzzed rule file.</summary>
    private const string FixedHistory = """
        as of 2022-12-31
        2022-09-13 AZE attack ARM "Shelling"
        2022-09-13 ARM request CSTO article="4"
        2022-09-14 ARM request RUS
        2022-09-15 CSTO consult ARM
        2022-09-20 KAZ assist ARM
        """;

    /// <summary>The COW states of the importers' seed rows (a slice of states2016.csv), so that fuzzed rows find parties.</summary>
    private const string States = """
        stateabb,ccode,statenme
        USA,2,United States of America
        HAN,240,Hanover
        BAV,245,Bavaria
        GMY,255,Germany
        BAD,267,Baden
        SAX,269,Saxony
        WRT,271,Wuerttemburg
        HSE,273,Hesse Electoral
        HSG,275,Hesse Grand Ducal
        MEC,280,Mecklenburg Schwerin
        AUH,300,Austria-Hungary
        ITA,325,Italy
        RUS,365,Russia
        BLR,370,Belarus
        ARM,371,Armenia
        GRG,372,Georgia
        AZE,373,Azerbaijan
        DEN,390,Denmark
        TAJ,702,Tajikistan
        KYR,703,Kyrgyzstan
        UZB,704,Uzbekistan
        KZK,705,Kazakhstan
        JPN,740,Japan
        """;

    /// <summary>Their ISO codes (a slice of cow_iso3166_map.csv).</summary>
    private const string IsoMap = """
        cown,cow.name,iso3c
        2,United States of America,USA
        255,Germany,DEU
        325,Italy,ITA
        365,Russia,RUS
        370,Belarus,BLR
        371,Armenia,ARM
        372,Georgia,GEO
        373,Azerbaijan,AZE
        390,Denmark,DNK
        702,Tajikistan,TJK
        703,Kyrgyzstan,KGZ
        704,Uzbekistan,UZB
        705,Kazakhstan,KAZ
        740,Japan,JPN
        """;

    /// <summary>In an <c>atop</c> input, a line of this text splits the member-level file from the alliance-level one.</summary>
    public const string AllianceSeparator = "%%alliances%%";

    private static readonly Lazy<IReadOnlyList<SourceFile>> BundledFiles = new(() =>
    {
        var assembly = typeof(Targets).Assembly;
        return [.. assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new SourceFile(n, reader.ReadToEnd());
            })];
    });

    private static readonly Lazy<RuleSet> Bundled = new(() =>
    {
        var loaded = RuleSetLoader.Load(BundledFiles.Value);
        return loaded.Value ?? throw new InvalidOperationException("the bundled rules do not load: " + string.Join("; ", loaded.Diagnostics.Select(DiagnosticFormatter.Format)));
    });

    private static readonly Lazy<PartyCodes> Parties = new(() =>
    {
        var bag = new DiagnosticBag();
        return PartyCodes.Read(new SourceFile("states.csv", States), new SourceFile("iso.csv", IsoMap), bag)
            ?? throw new InvalidOperationException("the fixed state list does not read: " + string.Join("; ", bag.ToSortedArray().Select(DiagnosticFormatter.Format)));
    });

    /// <summary>Loads the fixed inputs before the fork server starts, so no execution pays for them.</summary>
    public static void Warm()
    {
        _ = Bundled.Value;
        _ = Parties.Value;
        LspTarget.Warm();
        PlaygroundTarget.Warm();
    }

    /// <summary>A rule file: parsed, bound and validated; if valid, evaluated against a small fixed history and the report written.</summary>
    private static void Treaty(string text)
    {
        // Checker.Check runs RuleSetLoader.Load on the file first.
        var outcome = Checker.Check([new SourceFile("fuzz.treaty", text)], [new SourceFile("fixed.events", FixedHistory)]);
        Expect(outcome.Report is not null, outcome.Diagnostics);
        if (outcome.Report is { } report) _ = TextReportWriter.Write(report);
    }

    /// <summary>A history in one format: read against the bundled vocabulary; if valid, evaluated against the bundled rules and the report written.</summary>
    private static void History(string path, HistoryFormat format, string text)
    {
        var rules = Bundled.Value;
        var reader = new HistoryReader(rules.Verbs.Select(v => v.Name), rules.Verbs, keepSkippedRows: true);
        var events = reader.Read(new SourceFile(path, text), format).ToList();
        var diagnostics = reader.Diagnostics.ToSortedArray();
        var ok = !reader.Diagnostics.HasErrors;
        Expect(true, diagnostics);
        if (!ok) return;
        var history = new EventHistory([.. events], reader.AsOf, reader.Observed) { Skipped = reader.Skipped };
        _ = TextReportWriter.Write(Evaluator.Evaluate(rules, history));
    }

    /// <summary>A <c>.test</c> file: parsed (running its tests needs files on disk).</summary>
    private static void TestFile(string text)
    {
        var (syntax, diagnostics) = TestFileParser.Parse(new SourceFile("fuzz.test", text));
        if (syntax is null) throw new PropertyViolation("the .test parser returned no syntax");
        Expect(true, diagnostics);
    }

    /// <summary>An ATOP member-level file (and, after a line <see cref="AllianceSeparator"/>, an alliance-level one); what it generates must load.</summary>
    private static void Atop(string text)
    {
        var cut = text.IndexOf(AllianceSeparator, StringComparison.Ordinal);
        var members = new SourceFile("members.csv", cut < 0 ? text : text[..cut]);
        var alliances = cut < 0 ? null : new SourceFile("alliances.csv", text[(cut + AllianceSeparator.Length)..].TrimStart('\r', '\n'));
        var outcome = AtopImporter.Import(members, alliances, Parties.Value);
        Expect(true, outcome.Diagnostics);
        if (!outcome.Succeeded) return;
        var loaded = RuleSetLoader.Load([.. outcome.Files.Select(f => new SourceFile(f.Name, f.Text))]);
        if (loaded.Value is null) throw new PropertyViolation("the ATOP importer wrote rule files that do not load:\n" + string.Join("\n", loaded.Diagnostics.Select(DiagnosticFormatter.Format)));
    }

    /// <summary>A COW inter-state war file; the histories it generates must load against the importers' vocabulary.</summary>
    private static void CowWars(string text)
    {
        var outcome = CowWarImporter.Import(new SourceFile("wars.csv", text), Parties.Value);
        Expect(true, outcome.Diagnostics);
        if (!outcome.Succeeded) return;
        var vocabulary = RuleSetLoader.Load([new SourceFile(ImportVocabulary.FileName, ImportVocabulary.Text)]).Value!;
        var histories = outcome.Files.Where(f => f.Name.EndsWith(".events", StringComparison.Ordinal)).Select(f => new SourceFile(f.Name, f.Text));
        var loaded = HistoryLoader.Load(histories, vocabulary.Verbs.Select(v => v.Name), vocabulary.Verbs);
        if (loaded.Value is null) throw new PropertyViolation("the COW importer wrote histories that do not load:\n" + string.Join("\n", loaded.Diagnostics.Select(DiagnosticFormatter.Format)));
    }

    /// <summary>
    /// A result without a value must come with an error, and every diagnostic must print as the
    /// CLI prints it (its span inside its file).
    /// </summary>
    private static void Expect(bool hasValue, IEnumerable<Diagnostic> diagnostics)
    {
        var errors = 0;
        foreach (var d in diagnostics)
        {
            if (d.IsError) errors++;
            // A span may start at the end of the file (what was missing there), not past it.
            if (d.File is { } file && (d.Span.Start < 0 || d.Span.Length < 0 || d.Span.Start > file.Text.Length))
            {
                throw new PropertyViolation($"{d.Code}: span {d.Span.Start}+{d.Span.Length} lies outside its file of {file.Text.Length} characters");
            }
            _ = DiagnosticFormatter.Format(d);
        }
        if (!hasValue && errors == 0) throw new PropertyViolation("no value and no error diagnostic");
    }
}

/// <summary>A broken property of the harness (not a user error): afl-fuzz records it as a crash.</summary>
public sealed class PropertyViolation(string message) : Exception(message);
