using System.Diagnostics;
using System.Globalization;
using AllianceRules.Bench.Gen;

// alliance-gen: writes a synthetic history (see HistoryGenerator and bench/README.md).
const string Usage = """
    usage: alliance-gen --events N [--seed S] [--format events|gdelt1|gdelt2]
                        [--from 1994-01-01] [--to 2024-12-31] [--attack-rate 0.001] --output FILE
      --events N        exactly N events, in date order
      --seed S          the PRNG seed (default 1); the same options give the same bytes
      --format F        events (default): the language's .events lines;
                        gdelt1 / gdelt2: GDELT 1.0 (58 columns) / 2.0 (61 columns) tab-separated rows
      --from, --to      the span of dates (both included)
      --attack-rate R   share of events that are attacks on a party of the CST (default 0.001)
      --output FILE     where to write ('-' for standard output)
    """;

var values = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "-h" or "--help")
    {
        Console.WriteLine(Usage);
        return 0;
    }
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) return Fail($"unexpected '{args[i]}'");
    values[args[i]] = args[++i];
}
var known = new[] { "--events", "--seed", "--format", "--from", "--to", "--attack-rate", "--output" };
if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown) return Fail($"unknown option {unknown}");
if (!values.TryGetValue("--events", out var eventsText) || !long.TryParse(eventsText, NumberStyles.None, CultureInfo.InvariantCulture, out var events))
{
    return Fail("--events N is required (a whole number)");
}
if (!values.TryGetValue("--output", out var output)) return Fail("--output FILE is required");

var options = new GeneratorOptions { Events = events };
try
{
    if (values.TryGetValue("--seed", out var seed)) options = options with { Seed = ulong.Parse(seed, NumberStyles.None, CultureInfo.InvariantCulture) };
    if (values.TryGetValue("--from", out var from)) options = options with { From = DateOnly.ParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture) };
    if (values.TryGetValue("--to", out var to)) options = options with { To = DateOnly.ParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture) };
    if (values.TryGetValue("--attack-rate", out var rate)) options = options with { AttackRate = double.Parse(rate, NumberStyles.Float, CultureInfo.InvariantCulture) };
}
catch (FormatException ex)
{
    return Fail(ex.Message);
}
if (options.To < options.From) return Fail("--to is before --from");
if (options.AttackRate is < 0 or > 1) return Fail("--attack-rate must be between 0 and 1");

var format = values.GetValueOrDefault("--format", "events");
if (format is not ("events" or "gdelt1" or "gdelt2")) return Fail($"unknown format '{format}' (events, gdelt1 or gdelt2)");

var clock = Stopwatch.StartNew();
using (var stream = output == "-" ? Console.OpenStandardOutput() : new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
{
    switch (format)
    {
        case "events": EventsWriter.Write(stream, options); break;
        case "gdelt1": GdeltWriter.Write(stream, options, GdeltLayout.V1); break;
        default: GdeltWriter.Write(stream, options, GdeltLayout.V2); break;
    }
}
if (output != "-")
{
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"alliance-gen: {events} events ({format}) in {clock.Elapsed.TotalSeconds:0.00} s -> {output}"));
}
return 0;

static int Fail(string message)
{
    Console.Error.WriteLine($"alliance-gen: {message}");
    Console.Error.WriteLine(Usage);
    return 2;
}
