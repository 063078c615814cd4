namespace AllianceRules.Importing;

/// <summary>
/// The threat an ATOP alliance names (specthrt, statthr1, statthr2; codebook §2.33) and when the
/// importer reads it as the adversary of an obligation conditional on one (defcoadv, offcoadv,
/// neucoadv, concoadv). The codebook does not tie the two: the named threat "does not necessarily
/// mean that the alliance obligations are limited to countering that threat". So the reading is
/// a choice (<see cref="AtopReading.Adversary"/>), declared in each treaty that uses it.
/// </summary>
internal static class AtopThreat
{
    public static readonly string[] Columns = ["specthrt", "statthr1", "statthr2"];

    /// <summary>
    /// The named threat as party codes joined by '+': only when specthrt says the threat is specific
    /// states (1, 3 in a specific region, 4 in a specific ongoing conflict) and every state named
    /// has a code; null otherwise (0 none, -9 or blank unknown, 2 a region, 5 non-state actors, 6 an alliance).
    /// </summary>
    public static string? Read(Dictionary<string, int> values, PartyCodes parties)
    {
        if (values["specthrt"] is not (1 or 3 or 4)) return null;
        var states = new[] { values["statthr1"], values["statthr2"] }.Where(c => c > 0).Distinct().ToList();
        if (states.Count == 0) return null;
        var codes = states.Select(parties.Code).ToList();
        return codes.Any(c => c is null) ? null : string.Join("+", codes.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Whether the member's obligation of this kind is read against the named threat: it is
    /// conditional on a particular adversary and the threat is this obligation's (<see cref="IsAgainst"/>).
    /// </summary>
    public static bool Applies(AtopRow row, AtopObligation o) =>
        o.Adversary is { } adversary && row.Values[adversary] == 1 && IsAgainst(row, o);

    /// <summary>
    /// Whether the named threat is the adversary of the member's obligation of this kind: the data
    /// name one and, for neutrality, the member's defense and offense are not themselves conditional
    /// on an adversary (the named threat is then theirs, and a neutrality promise conditional on an
    /// adversary concerns another: left to an analyst).
    /// </summary>
    public static bool IsAgainst(AtopRow row, AtopObligation o)
    {
        if (row.Threat is null) return false;
        if (o.Kind != "neutrality") return true;
        return !(row.Values["defense"] == 1 && row.Values["defcoadv"] == 1) && !(row.Values["offense"] == 1 && row.Values["offcoadv"] == 1);
    }
}
