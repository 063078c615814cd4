namespace AllianceRules.Reporting.Study;

/// <summary>
/// The two ways Berkemeier and Fuhrmann judge a multilateral alliance in a war, over the instances
/// a pair is judged on (its strongest invoked promise, and every member's fighting an ally).
/// </summary>
internal static class PairRules
{
    /// <summary>
    /// Lenient (Sabrosky's; BF's <c>sabhon</c>/<c>sabvio</c>): honoured when at least one obligated
    /// member honoured and no member fought an ally; violated when a member fought an ally, or when
    /// none honoured and every verdict is in; undecided while none honoured and one still waits.
    /// </summary>
    public static PairVerdict Lenient(int fulfilled, int violated, int fought, int undecided) =>
        fought > 0 ? PairVerdict.Violated
        : fulfilled > 0 ? PairVerdict.Honoured
        : undecided > 0 ? PairVerdict.Undecided
        : violated > 0 ? PairVerdict.Violated
        : PairVerdict.NotInvoked;

    /// <summary>
    /// Strict (BF's <c>honor</c>/<c>violate</c>: the promise was kept): violated as soon as one
    /// obligated member broke it (did not come to its partner's help, or fought an ally), whatever
    /// the others did; honoured only when every obligated member honoured it; undecided while no
    /// member broke it and one still waits for judgment or the war's end.
    /// </summary>
    public static PairVerdict Strict(int fulfilled, int violated, int fought, int undecided) =>
        fought > 0 || violated > 0 ? PairVerdict.Violated
        : undecided > 0 ? PairVerdict.Undecided
        : fulfilled > 0 ? PairVerdict.Honoured
        : PairVerdict.NotInvoked;

    /// <summary>Whether a verdict was reached: honoured or violated.</summary>
    public static bool Decided(PairVerdict verdict) => verdict is PairVerdict.Honoured or PairVerdict.Violated;
}
