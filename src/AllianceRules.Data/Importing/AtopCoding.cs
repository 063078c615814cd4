using NodaTime;

namespace AllianceRules.Importing;

/// <summary>An obligation of the ATOP codebook (§2.33): its kind in the language, its variable, and its conditions.</summary>
internal sealed record AtopObligation(string Kind, string Variable, string? Summary, string[] Conditions, string Title)
{
    public static readonly AtopObligation[] All =
    [
        new("defense", "defense", "defcon", ["defcoadv", "defcoloc", "defcocon", "defconum", "defcodem", "defconpr"], "Defense: assist a member attacked by a non-member"),
        new("offense", "offense", "offcon", ["offcoadv", "offcoloc", "offcocon", "offconum", "offcodem"], "Offense: assist a member that attacks a non-member"),
        new("neutrality", "neutral", "neucon", ["neucoadv", "neucoloc", "neucocon", "neuconum", "neucodem", "neuconpr", "neucoatt"], "Neutrality: do not fight a member attacked by a non-member"),
        new("nonaggression", "nonagg", null, [], "Non-aggression: no force between members"),
        new("consultation", "consul", "concon", ["concoadv", "concoloc", "concocon", "concoreq"], "Consultation when a member is attacked"),
    ];

    /// <summary>Conditions the data cannot check: each makes the rule need an analyst's judgment.</summary>
    public static readonly Dictionary<string, string> Unverifiable = new(StringComparer.Ordinal)
    {
        ["adv"] = "a particular adversary or type of adversary",
        ["loc"] = "conflict in a particular location",
        ["con"] = "a particular ongoing conflict",
        ["num"] = "the number of adversaries",
        ["dem"] = "the ally or the adversary meeting demands the agreement details",
    };

    /// <summary>The variable of the condition on a particular adversary (defcoadv ...), if the obligation has one.</summary>
    public string? Adversary => Conditions.FirstOrDefault(c => c.EndsWith("coadv", StringComparison.Ordinal));

}

/// <summary>
/// One row of the member-level file: a member in a phase. <paramref name="Threat"/> is the states
/// the phase names as its threat (statthr1, statthr2) as party codes joined by '+', or null when
/// it names none, or not as specific states (specthrt), or names a state with no code.
/// </summary>
internal sealed record AtopRow(int Line, int Atopid, int Ccode, string Party, int Phase, LocalDate Entry, bool EntryDayMissing, LocalDate? Exit, bool ExitDayMissing, Dictionary<string, int> Values, string? Threat)
{
    /// <summary>The wars (cowwar) the alliance's members were fighting when they joined, as COW war numbers joined by '+'; null when none.</summary>
    public string? Wars { get; init; }

    public bool Carries(AtopObligation o) => Values[o.Variable] == 1;

    /// <summary>
    /// The codes that shape this member's rule of a kind: its conditions; what the data say of a
    /// condition a reading settles (the named threat where <see cref="AtopThreat.Applies"/>, the
    /// member's own region, the war its members fought), as "NAME=VALUE"; and the member-wide olimob and obvary.
    /// </summary>
    public string Signature(AtopObligation o, bool forbid)
    {
        var set = forbid ? [] : o.Conditions.Append(o.Summary).OfType<string>().Where(v => Values[v] == 1).ToList();
        if (!forbid && AtopThreat.Applies(this, o)) set.Add(AtopReading.Adversary.Token + Threat);
        if (!forbid && set.Any(AtopReading.Location.Settles)) set.Add(AtopReading.Location.Token + AtopReading.Location.Option);
        // The conflict: a war against the threat the treaty names, the most specific the data give; else the war members were fighting when they joined.
        var conflict = AtopThreat.IsAgainst(this, o) ? Threat : Wars;
        if (!forbid && conflict is not null && set.Any(AtopReading.Conflict.Settles)) set.Add(AtopReading.Conflict.Token + conflict);
        if (Values["olimob"] == 1) set.Add("olimob");
        if (Values["obvary"] == 1) set.Add("obvary");
        return string.Join(",", set.Order(StringComparer.Ordinal));
    }
}
