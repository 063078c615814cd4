using NodaTime;
using NRules;
using NRules.Fluent;

namespace AllianceRules.Bench.Peer;

/// <summary>The verdicts of one evaluation, ordered by trigger date, rule, party and status.</summary>
public sealed record PeerResult(IReadOnlyList<PeerVerdict> Verdicts)
{
    /// <summary>How many verdicts each rule has of each status: <c>PEER.defence fulfilled 12</c>, one a line, sorted.</summary>
    public IEnumerable<string> Counts() => Verdicts
        .GroupBy(v => (v.Rule, Status: v.Status.ToString().ToLowerInvariant()))
        .Select(g => $"{g.Key.Rule} {g.Key.Status} {g.Count()}")
        .Order(StringComparer.Ordinal);
}

/// <summary>Evaluates bench/peer.treaty's rules with NRules: our engine is not used.</summary>
public static class PeerEngine
{
    private static readonly Lazy<ISessionFactory> Factory = new(() =>
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(PeerEngine).Assembly));
        return repository.Compile();
    });

    /// <summary>Compiles the rules now (otherwise the first evaluation does).</summary>
    public static void Warm() => _ = Factory.Value;

    public static PeerResult Evaluate(IEnumerable<PeerEvent> events, LocalDate horizon)
    {
        var session = Factory.Value.CreateSession();
        session.InsertAll(PeerTreaty.Members());
        session.Insert(new Horizon(horizon));
        // Rule 5.1.7: events after the horizon are not evaluated.
        session.InsertAll(events.Where(e => e.Date <= horizon));
        session.Fire();
        var verdicts = session.Query<VerdictFact>().Select(f => f.Verdict)
            .OrderBy(v => v.TriggeredOn).ThenBy(v => v.Rule, StringComparer.Ordinal)
            .ThenBy(v => v.Party, StringComparer.Ordinal).ThenBy(v => v.Status)
            .ToList();
        return new PeerResult(verdicts);
    }
}
