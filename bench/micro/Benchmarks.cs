using AllianceRules.History;
using AllianceRules.Diagnostics;
using AllianceRules.Model;
using AllianceRules.Parsing;
using AllianceRules.Text;
using BenchmarkDotNet.Attributes;

namespace AllianceRules.Bench.Micro;

/// <summary>Reading event lines: 10,000 generated lines, times per line.</summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    private const int Lines = 10_000;
    private SourceFile _history = null!;
    private SourceFile _gdelt = null!;
    private byte[] _gdeltBytes = null!;
    private RuleSet _vocabulary = null!;

    [GlobalSetup]
    public void Setup()
    {
        _history = Inputs.History(Lines);
        _gdelt = new SourceFile("generated.gdelt2.csv", AllianceRules.Bench.Gen.GdeltWriter.ToText(new AllianceRules.Bench.Gen.GeneratorOptions { Events = Lines, Seed = 1 }, AllianceRules.Bench.Gen.GdeltLayout.V2));
        _gdeltBytes = System.Text.Encoding.UTF8.GetBytes(_gdelt.Text);
        _vocabulary = Inputs.Rules(Inputs.Repository("rules/vocabulary.treaty"));
    }

    /// <summary>What <c>check</c> streams: lines to events by the hand reader (the grammar only for the lines it cannot read).</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int HistoryReader_events() =>
        new HistoryReader(_vocabulary.Verbs.Select(v => v.Name), _vocabulary.Verbs).Read(_history, HistoryFormat.Events).Count();

    /// <summary>The GDELT 2.0 row reader alone: fields, countries, the CAMEO code, attributes.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int GdeltRowReader_Read()
    {
        var kept = 0;
        foreach (var line in _gdelt.Text.AsSpan().EnumerateLines())
        {
            if (AllianceRules.History.Datasets.GdeltRowReader.Read(line, AllianceRules.History.Datasets.DatasetFormat.Gdelt2).Row is not null) kept++;
        }
        return kept;
    }

    /// <summary>The same rows as UTF-8 bytes, as <c>check</c> reads a dataset file: tabs found in the bytes, the first fields decoded.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int GdeltRowReader_ReadBytes()
    {
        var kept = 0;
        ReadOnlySpan<byte> rest = _gdeltBytes;
        while (!rest.IsEmpty)
        {
            var newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? [] : rest[(newline + 1)..];
            if (AllianceRules.History.Datasets.GdeltRowReader.Read(line, AllianceRules.History.Datasets.DatasetFormat.Gdelt2).Row is not null) kept++;
        }
        return kept;
    }

    /// <summary>GDELT 2.0 rows to events from a text in memory (the text reader): fields, countries, CAMEO codes to verbs, attributes.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int HistoryReader_gdelt2() =>
        new HistoryReader(_vocabulary.Verbs.Select(v => v.Name), _vocabulary.Verbs).Read(_gdelt, HistoryFormat.Gdelt2).Count();

    /// <summary>The same from a stream of bytes, as <c>check</c> reads a file: byte pieces, every evidence row kept by its offset.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int HistoryReader_gdelt2_bytes() =>
        new HistoryReader(_vocabulary.Verbs.Select(v => v.Name), _vocabulary.Verbs).Read(HistorySource.FromText(_gdelt.Path, HistoryFormat.Gdelt2, _gdelt.Text)).Count();

    /// <summary>The line grammar alone: <c>HistorySyntax.Read</c>, syntax only (what the hand reader spares most lines).</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int HistoryParser_Read()
    {
        var count = 0;
        foreach (var _ in HistorySyntax.Read(_history, new DiagnosticBag())) count++;
        return count;
    }

    /// <summary>Syntax to events: dates, verbs checked against the vocabulary, attributes, pooling.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int HistoryLoader_Load() =>
        HistoryLoader.Load([_history], _vocabulary.Verbs.Select(v => v.Name), _vocabulary.Verbs).Value!.Events.Length;
}

/// <summary>
/// Pattern matching, through the public <c>Evaluator.Evaluate</c> (the matcher is internal): one
/// rule over 2,000 generated events, times per event. <c>none</c> never matches (a code that no
/// event has), so it is the walk without matching; the others match every attack, bind variables,
/// test attributes, or look back with <c>there was</c>.
/// </summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private const int Events = 2_000;

    private const string Vocabulary = """
        vocabulary {
          verb attack  "uses armed force against"
          verb assist  "provides military aid, protection or peacekeeping to"
          verb request "requests military aid, protection or peacekeeping from"
        }
        """;

    private static readonly Dictionary<string, string> Rules = new()
    {
        ["none"] = "forbid XXX attack XXX",
        ["variables"] = "forbid $a attack $b where $a != $b",
        ["attributes"] = "forbid $a request CSTO [article=4]",
        ["there-was"] = "forbid $v request CSTO where there was $a attack $v within 30 days before and $a != $v",
    };

    private RuleSet _rules = null!;
    private EventHistory _history = null!;

    [Params("none", "variables", "attributes", "there-was")]
    public string Rule { get; set; } = "none";

    [GlobalSetup]
    public void Setup()
    {
        var text = Vocabulary + $$"""

            treaty T "Benchmark" {
              rule r "One pattern" {
                kind other
                {{Rules[Rule]}}
              }
            }
            """;
        _rules = Inputs.Rules(new SourceFile("match.treaty", text));
        // A history of the three verbs only, with many attacks on parties and requests.
        var events = Inputs.History(Events * 4, seed: 3, attackRate: 0.05);
        var lines = events.Text.Split('\n').Where(l => l.Contains(" attack ", StringComparison.Ordinal) || l.Contains(" assist ", StringComparison.Ordinal) || l.Contains(" request ", StringComparison.Ordinal)).Take(Events);
        _history = Inputs.Load(new SourceFile("match.events", string.Join('\n', lines)), _rules);
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public int Evaluate() => Inputs.Evaluate(_rules, _history);
}

/// <summary>The evaluator's loop over a loaded history of 100,000 events with every rule of rules/ (no reading, no report writing).</summary>
[MemoryDiagnoser]
public class EvaluatorBenchmarks
{
    private RuleSet _rules = null!;
    private EventHistory _history = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = Inputs.Rules([.. Inputs.BundledRules()]);
        _history = Inputs.Load(Inputs.History(100_000), _rules);
    }

    [Benchmark]
    public int Evaluate_rules_100k() => Inputs.Evaluate(_rules, _history);
}
