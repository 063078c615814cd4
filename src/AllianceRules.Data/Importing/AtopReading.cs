namespace AllianceRules.Importing;

/// <summary>
/// A condition ATOP codes only as a dummy (defcoadv, defcoloc, defcocon and their kin) that a
/// documented general rule reads from the data: a choice, so a reading each treaty that uses it
/// declares. Its first option applies the rule; the other, <see cref="Analyst"/>, leaves the
/// condition to an analyst's judgment (docs/importers.md, "Conditions").
/// </summary>
/// <param name="Suffix">The condition variables' common ending: "coadv" for defcoadv, offcoadv ...</param>
/// <param name="Name">The reading's name in the treaty.</param>
/// <param name="Option">The default option: the condition read from the data.</param>
internal sealed record AtopReading(string Suffix, string Name, string Option, string Title, string OptionText, string[] Why)
{
    public const string Analyst = "analyst";

    public static readonly AtopReading Adversary = new(
        "coadv", "adversary", "threat",
        "Who the adversary of an obligation conditional on a particular adversary is",
        "A state the treaty names as its threat (statthr1, statthr2)",
        [
            "ATOP codes an obligation as conditional on a particular adversary (defcoadv, offcoadv, neucoadv,",
            "concoadv) and names the state(s) the treaty is designed to counter (statthr1, statthr2), without",
            "saying that they are the same: the codebook's threat \"does not necessarily\" limit the obligations.",
        ]);

    public static readonly AtopReading Location = new(
        "coloc", "location", "home",
        "Where a war must be fought to meet an obligation conditional on a location",
        "In the member's own region: the member fought in the region it lies in (COW WhereFought)",
        [
            "ATOP codes an obligation as conditional on conflict in a particular location (defcoloc, offcoloc,",
            "neucoloc, concoloc) without saying where; COW gives the regions each participant fought in",
            "(WhereFought) and the region each state lies in (its code). The reading 'home' takes the location",
            "to be the member's own region, as in the codebook's first example (\"home territory only\").",
        ]);

    public static readonly AtopReading Conflict = new(
        "cocon", "conflict", "named",
        "Which war an obligation conditional on a particular ongoing conflict concerns",
        "A war against the threat the treaty names (statthr1, statthr2); with none, the war ATOP records a member fighting when it joined (cowwar)",
        [
            "ATOP codes an obligation as conditional on a particular ongoing conflict (defcocon, offcocon,",
            "neucocon, concocon) without naming it. The reading 'named' takes the conflict the data name:",
            "one with the state the treaty names as its threat; where it names none, the war each member was",
            "fighting when it joined (cowwar).",
        ]);

    /// <summary>Every reading, in the order a treaty declares them and a rule's gates name them.</summary>
    public static readonly AtopReading[] All = [Adversary, Location, Conflict];

    /// <summary>The prefix of the signature token that carries what the data say into a rule: "adversary=".</summary>
    public string Token => Name + "=";

    /// <summary>Whether <paramref name="variable"/> (defcoloc ...) is this reading's condition.</summary>
    public bool Settles(string variable) => variable.Length == 8 && variable.EndsWith(Suffix, StringComparison.Ordinal);

    /// <summary>The declaration's lines, with the comment that says why the reading exists.</summary>
    public IEnumerable<string> Declaration()
    {
        foreach (var line in Why) yield return "# " + line;
        yield return $"reading {Name} \"{Title}\" {{";
        yield return $"  {Option} \"{OptionText}\"";
        yield return $"  {Analyst} \"ATOP does not say: an analyst judges each war\"";
        yield return "}";
    }
}
