namespace AllianceRules.Peer.Tests;

/// <summary>
/// The NRules peer (bench/peer/) and our engine, given bench/peer.treaty, must reach the same
/// verdicts on generated histories: instance by instance, the same rule, party, trigger date and status.
/// </summary>
public sealed class CrossCheckTests
{
    public static TheoryData<string> CaseNames => [.. Histories.Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_peer_reaches_our_verdicts(string name)
    {
        var (ours, peer) = Histories.Verdicts(name);
        Assert.NotEmpty(ours);
        var onlyOurs = Minus(ours, peer);
        var onlyPeer = Minus(peer, ours);
        Assert.True(onlyOurs.Count == 0 && onlyPeer.Count == 0,
            $"{name}: {ours.Length} verdicts of ours, {peer.Length} of the peer's\n"
            + $"only ours ({onlyOurs.Count}):\n  {string.Join("\n  ", onlyOurs.Take(20))}\n"
            + $"only the peer's ({onlyPeer.Count}):\n  {string.Join("\n  ", onlyPeer.Take(20))}");
    }

    /// <summary>
    /// Agreement means little if a rule never decides both ways: across the histories, the defence
    /// rule is fulfilled, violated and still pending, and the non-aggression rule is violated
    /// (a <c>forbid</c> instance is a violation by definition: it is never fulfilled).
    /// </summary>
    [Fact]
    public void The_histories_exercise_every_outcome()
    {
        var verdicts = Histories.Cases.Keys.SelectMany(n => Histories.Verdicts(n).Ours).ToList();
        int Count(string rule, string status) => verdicts.Count(v => v.StartsWith(rule + " ", StringComparison.Ordinal) && v.EndsWith(" " + status, StringComparison.Ordinal));

        Assert.True(Count("PEER.defence", "fulfilled") > 0, "no fulfilled defence instance");
        Assert.True(Count("PEER.defence", "violated") > 0, "no violated defence instance");
        Assert.True(Count("PEER.defence", "pending") > 0, "no pending defence instance");
        Assert.True(Count("PEER.nonaggression", "violated") > 0, "no violated non-aggression instance");
        Assert.Equal(0, Count("PEER.nonaggression", "fulfilled"));
        Assert.All(verdicts, v => Assert.Matches(@" (fulfilled|violated|pending)$", v));
    }

    /// <summary>Coalescing is exercised: some defence instance absorbs a later trigger (fewer instances than duties).</summary>
    [Fact]
    public void The_dense_history_coalesces_triggers()
    {
        var text = Bench.Gen.EventsWriter.ToText(Histories.Cases["dense-2022"]);
        var outcome = Checking.Checker.Check(
            [Repo.Source("bench/peer.treaty"), Repo.Source("rules/vocabulary.treaty")],
            [new Text.SourceFile("generated.events", text)]);
        var defence = outcome.Report!.Instances.Where(i => i.Rule.QualifiedId == "PEER.defence").ToList();
        Assert.Contains(defence, i => i.Triggers.Select(t => t.Date).Distinct().Count() > 1);
    }

    /// <summary>A multiset difference: each line of <paramref name="a"/> not matched by one of <paramref name="b"/>.</summary>
    private static List<string> Minus(string[] a, string[] b)
    {
        var left = b.GroupBy(x => x, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var x in a)
        {
            if (left.TryGetValue(x, out var n) && n > 0) left[x] = n - 1;
            else result.Add(x);
        }
        return result;
    }
}
