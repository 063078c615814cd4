using NodaTime;

namespace AllianceRules.Bench.Peer;

/// <summary>The constants of bench/peer.treaty, written out for the NRules encoding.</summary>
public static class PeerTreaty
{
    public const string Defence = "PEER.defence";
    public const string NonAggression = "PEER.nonaggression";

    public const string Attack = "attack";
    public const string Request = "request";
    public const string Assist = "assist";
    public const string Csto = "CSTO";

    /// <summary><c>assume immediately = 7 days</c>: the window of the duty to assist.</summary>
    public const int Immediately = 7;

    /// <summary><c>assume lookback = 30 days</c>: how far before a request an attack counts.</summary>
    public const int Lookback = 30;

    /// <summary>The <c>members</c> block of bench/peer.treaty (intervals include their first day, not their last).</summary>
    public static IReadOnlyList<Membership> Members() =>
    [
        new("ARM", new LocalDate(1994, 4, 20), null),
        new("AZE", new LocalDate(1994, 4, 20), new LocalDate(1999, 4, 21)),
        new("BLR", new LocalDate(1994, 4, 20), null),
        new("GEO", new LocalDate(1994, 4, 20), new LocalDate(1999, 4, 21)),
        new("KAZ", new LocalDate(1994, 4, 20), null),
        new("KGZ", new LocalDate(1994, 4, 20), null),
        new("RUS", new LocalDate(1994, 4, 20), null),
        new("TJK", new LocalDate(1994, 4, 20), null),
        new("UZB", new LocalDate(1994, 4, 20), new LocalDate(1999, 4, 21)),
        new("UZB", new LocalDate(2006, 12, 13), new LocalDate(2012, 12, 19)),
    ];
}
