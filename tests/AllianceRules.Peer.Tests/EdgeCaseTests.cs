using AllianceRules.Bench.Peer;
using AllianceRules.Checking;
using AllianceRules.Text;

namespace AllianceRules.Peer.Tests;

/// <summary>
/// Hand-written histories at the edges of bench/peer.treaty's meaning (language.md §5), which
/// random histories reach rarely: each is checked against the verdicts stated here, for our engine
/// and for the peer alike.
/// </summary>
public sealed class EdgeCaseTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "the aggressor's membership is judged on the request's date, not the attack's",
            """
            1999-04-15 AZE attack ARM
            1999-04-25 ARM request CSTO
            1999-04-26 RUS assist ARM
            as of 1999-12-31
            """,
            """
            PEER.defence BLR 1999-04-25 violated
            PEER.defence KAZ 1999-04-25 violated
            PEER.defence KGZ 1999-04-25 violated
            PEER.defence RUS 1999-04-25 fulfilled
            PEER.defence TJK 1999-04-25 violated
            PEER.nonaggression AZE 1999-04-15 violated
            """
        },
        {
            "a victim that joins between the attack and its request is a member",
            """
            2006-12-08 AFG attack UZB
            2006-12-18 UZB request CSTO
            2006-12-25 KAZ assist UZB
            2006-12-26 RUS assist UZB
            as of 2007-03-31
            """,
            """
            PEER.defence ARM 2006-12-18 violated
            PEER.defence BLR 2006-12-18 violated
            PEER.defence KAZ 2006-12-18 fulfilled
            PEER.defence KGZ 2006-12-18 violated
            PEER.defence RUS 2006-12-18 violated
            PEER.defence TJK 2006-12-18 violated
            """
        },
        {
            "the look-back includes the request's day and the 30th day before, not the 31st",
            """
            2022-01-01 AFG attack TJK
            2022-01-31 TJK request CSTO
            2022-03-01 AFG attack KGZ
            2022-04-01 KGZ request CSTO
            2022-05-01 KAZ request CSTO
            2022-05-01 AFG attack KAZ
            as of 2022-12-31
            """,
            """
            PEER.defence ARM 2022-01-31 violated
            PEER.defence BLR 2022-01-31 violated
            PEER.defence KAZ 2022-01-31 violated
            PEER.defence KGZ 2022-01-31 violated
            PEER.defence RUS 2022-01-31 violated
            PEER.defence ARM 2022-05-01 violated
            PEER.defence BLR 2022-05-01 violated
            PEER.defence KGZ 2022-05-01 violated
            PEER.defence RUS 2022-05-01 violated
            PEER.defence TJK 2022-05-01 violated
            """
        },
        {
            "same-day requests coalesce; a later one joins an open instance but not a fulfilled one",
            """
            2022-03-01 AZE attack ARM
            2022-03-01 ARM request CSTO article="4"
            2022-03-01 ARM request CSTO
            2022-03-03 RUS assist ARM
            2022-03-05 ARM request CSTO
            2022-03-08 KAZ assist ARM
            2022-03-12 BLR assist ARM
            as of 2022-12-31
            """,
            """
            PEER.defence BLR 2022-03-01 violated
            PEER.defence KAZ 2022-03-01 fulfilled
            PEER.defence KGZ 2022-03-01 violated
            PEER.defence RUS 2022-03-01 fulfilled
            PEER.defence TJK 2022-03-01 violated
            PEER.defence RUS 2022-03-05 violated
            """
        },
        {
            "a request on the deadline joins; the day after, it opens a new instance",
            """
            2022-06-01 AZE attack ARM
            2022-06-01 ARM request CSTO
            2022-06-08 ARM request CSTO
            2022-06-16 ARM request CSTO
            2022-06-23 RUS assist ARM
            as of 2022-12-31
            """,
            """
            PEER.defence BLR 2022-06-01 violated
            PEER.defence KAZ 2022-06-01 violated
            PEER.defence KGZ 2022-06-01 violated
            PEER.defence RUS 2022-06-01 violated
            PEER.defence TJK 2022-06-01 violated
            PEER.defence BLR 2022-06-16 violated
            PEER.defence KAZ 2022-06-16 violated
            PEER.defence KGZ 2022-06-16 violated
            PEER.defence RUS 2022-06-16 fulfilled
            PEER.defence TJK 2022-06-16 violated
            """
        },
        {
            "a deadline on the horizon is still pending; the day before, violated",
            """
            2022-09-12 AZE attack ARM
            2022-09-12 ARM request CSTO
            2022-09-13 ARM request RUS
            2022-09-13 TJK attack KGZ
            2022-09-13 TJK attack KGZ
            2022-09-13 KGZ request CSTO
            2022-09-19 RUS assist KGZ
            as of 2022-09-20
            """,
            """
            PEER.defence BLR 2022-09-12 violated
            PEER.defence KAZ 2022-09-12 violated
            PEER.defence KGZ 2022-09-12 violated
            PEER.defence RUS 2022-09-12 violated
            PEER.defence TJK 2022-09-12 violated
            PEER.nonaggression TJK 2022-09-13 violated
            PEER.nonaggression TJK 2022-09-13 violated
            """
        },
        {
            "the horizon on the deadline: pending",
            """
            2022-09-13 AFG attack KGZ
            2022-09-13 KGZ request CSTO
            2022-09-19 RUS assist KGZ
            as of 2022-09-20
            """,
            """
            PEER.defence ARM 2022-09-13 pending
            PEER.defence BLR 2022-09-13 pending
            PEER.defence KAZ 2022-09-13 pending
            PEER.defence RUS 2022-09-13 fulfilled
            PEER.defence TJK 2022-09-13 pending
            """
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Both_engines_give_the_stated_verdicts(string name, string history, string expected)
    {
        var want = expected.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();

        var outcome = Checker.Check(
            [Repo.Source("bench/peer.treaty"), Repo.Source("rules/vocabulary.treaty")],
            [new SourceFile("edge.events", history)]);
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics));
        var ours = outcome.Report!.Instances
            .Select(i => $"{i.Rule.QualifiedId} {i.Party} {i.TriggeredOn:uuuu-MM-dd} {i.Status.ToString().ToLowerInvariant()}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(want.SequenceEqual(ours), $"{name}, ours:\n{string.Join("\n", ours)}");

        var read = PeerHistoryReader.Read(new StringReader(history));
        var peer = PeerEngine.Evaluate(read.Events, read.Horizon!.Value).Verdicts.Select(v => v.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.True(want.SequenceEqual(peer), $"{name}, the peer's:\n{string.Join("\n", peer)}");
    }
}
