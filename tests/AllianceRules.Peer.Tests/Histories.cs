using System.Collections.Concurrent;
using AllianceRules.Bench.Gen;
using AllianceRules.Bench.Peer;
using AllianceRules.Checking;
using AllianceRules.Text;

namespace AllianceRules.Peer.Tests;

/// <summary>
/// The generated histories the cross-check runs on, and both engines' verdicts for each, computed
/// once per test run: one verdict a line, <c>RULE PARTY TRIGGERED STATUS</c>, sorted.
/// </summary>
internal static class Histories
{
    public static readonly IReadOnlyDictionary<string, GeneratorOptions> Cases = new Dictionary<string, GeneratorOptions>
    {
        ["2k-seed1"] = new() { Events = 2_000, Seed = 1 },
        ["2k-seed2"] = new() { Events = 2_000, Seed = 2 },
        ["20k-seed1"] = new() { Events = 20_000, Seed = 1 },
        ["20k-seed2"] = new() { Events = 20_000, Seed = 2 },
        // Dense: 44 events a day and an attack on a party every other day, so requests fall into
        // open windows (coalescing) and the last windows are still open on the horizon (pending).
        ["dense-2022"] = new() { Events = 20_000, Seed = 3, From = new(2021, 10, 1), To = new(2022, 12, 31), AttackRate = 0.02 },
        // Around the membership changes of 1999 (AZE, GEO, UZB leave) and of 2006 and 2012 (UZB).
        ["members-1999"] = new() { Events = 20_000, Seed = 4, From = new(1998, 10, 1), To = new(1999, 10, 1), AttackRate = 0.02 },
        ["members-uzb"] = new() { Events = 20_000, Seed = 5, From = new(2006, 6, 1), To = new(2013, 3, 1), AttackRate = 0.01 },
    };

    private static readonly ConcurrentDictionary<string, Lazy<(string[] Ours, string[] Peer)>> Results = new();

    public static (string[] Ours, string[] Peer) Verdicts(string name) =>
        Results.GetOrAdd(name, n => new Lazy<(string[], string[])>(() => Evaluate(Cases[n]))).Value;

    private static (string[] Ours, string[] Peer) Evaluate(GeneratorOptions options)
    {
        var text = EventsWriter.ToText(options);

        var outcome = Checker.Check(
            [Repo.Source("bench/peer.treaty"), Repo.Source("rules/vocabulary.treaty")],
            [new SourceFile("generated.events", text)]);
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics.Select(d => d.ToString())));
        var ours = outcome.Report!.Instances
            .Select(i => $"{i.Rule.QualifiedId} {i.Party} {i.TriggeredOn:uuuu-MM-dd} {i.Status.ToString().ToLowerInvariant()}")
            .Order(StringComparer.Ordinal).ToArray();

        var history = PeerHistoryReader.Read(new StringReader(text));
        var peer = PeerEngine.Evaluate(history.Events, history.Horizon!.Value).Verdicts
            .Select(v => v.ToString()).Order(StringComparer.Ordinal).ToArray();
        return (ours, peer);
    }
}
