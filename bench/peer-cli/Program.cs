using System.Diagnostics;
using System.Globalization;
using AllianceRules.Bench.Peer;

// peer-cli HISTORY.events: the NRules peer's whole process, for bench/run.sh. Reads the history,
// evaluates bench/peer.treaty's rules with NRules, and prints the verdict counts, one
// "RULE STATUS COUNT" a line (the format bench/run.sh also makes from our JSON report). Phase
// times go to standard error.
if (args.Length != 1 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: peer-cli HISTORY.events");
    return 2;
}
var clock = Stopwatch.StartNew();
var history = PeerHistoryReader.Read(args[0]);
var read = clock.Elapsed;
if (history.Horizon is not { } horizon)
{
    Console.Error.WriteLine("peer-cli: the history has no events and no 'as of'");
    return 2;
}
var result = PeerEngine.Evaluate(history.Events, horizon);
var total = clock.Elapsed;
foreach (var line in result.Counts()) Console.WriteLine(line);
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"peer-cli: {history.Events.Count} events, {result.Verdicts.Count} verdicts; read {read.TotalSeconds:0.00} s, rules {(total - read).TotalSeconds:0.00} s"));
return 0;
