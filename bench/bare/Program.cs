using System.Diagnostics;
using System.Globalization;

// alliance-bare HISTORY.events: the bare .NET reader that bench/run.sh measures `alliance check`
// against (issue #21). It does what any reader of the file must and nothing more: reads the lines
// (File.OpenRead, a StreamReader, ReadLine), splits each on spaces, parses its date and counts its
// verbs. It validates nothing, keeps no event and evaluates no rule, so its time is a floor for
// reading the file in plain .NET. Prints "lines N", "events N" and "VERB COUNT" lines (the counts
// keep the work from being optimised away, and let a reader check them); the time goes to
// standard error.
if (args.Length != 1 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: alliance-bare HISTORY.events");
    return 2;
}
var clock = Stopwatch.StartNew();
var verbs = new Dictionary<string, int>(StringComparer.Ordinal);
long lines = 0, events = 0, dateSum = 0;
using (var file = File.OpenRead(args[0]))
using (var reader = new StreamReader(file, bufferSize: 1 << 16))
{
    while (reader.ReadLine() is { } line)
    {
        lines++;
        // Comments, blank lines and directives ('as of ...') start with no date: skipped.
        if (line.Length == 0 || line[0] == '#') continue;
        // DATE ACTOR VERB REST: the rest (target, attributes, description) stays one field.
        var fields = line.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 3 || !DateOnly.TryParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) continue;
        events++;
        dateSum += date.DayNumber;
        var verb = fields[2];
        verbs[verb] = verbs.GetValueOrDefault(verb) + 1;
    }
}
var elapsed = clock.Elapsed;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lines {lines}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"events {events}"));
foreach (var (verb, count) in verbs.OrderBy(v => v.Key, StringComparer.Ordinal))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{verb} {count}"));
}
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"alliance-bare: {events} events in {lines} lines, {verbs.Count} verbs, mean day {(events > 0 ? dateSum / events : 0)}; {elapsed.TotalSeconds:0.00} s"));
return 0;
