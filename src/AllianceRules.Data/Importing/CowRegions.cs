namespace AllianceRules.Importing;

/// <summary>
/// The regions of the COW data: where a participant fought (the participant file's WhereFought,
/// one code for one region or a set of them) and where a state lies (its COW state code's range,
/// as the COW state list groups them). An imported attack says of its actor and its target whether
/// each fought in its own region, for the rules of a location (docs/importers.md, "Conditions").
/// </summary>
internal static class CowRegions
{
    /// <summary>The attributes of an imported attack that say whether its actor, and its target, fought in its own region: yes or no.</summary>
    public const string ActorAttribute = "actor-home";

    public const string TargetAttribute = "target-home";

    public const string WesternHemisphere = "western-hemisphere";
    public const string Europe = "europe";
    public const string Africa = "africa";
    public const string MiddleEast = "middle-east";
    public const string Asia = "asia";
    public const string Oceania = "oceania";

    /// <summary>The regions, in the order of the codebook's single-region codes.</summary>
    public static readonly string[] All = [WesternHemisphere, Europe, Africa, MiddleEast, Asia, Oceania];

    /// <summary>WhereFought's codes (Inter-StateWars_Codebook.txt) and the regions each names.</summary>
    public static readonly IReadOnlyDictionary<int, string[]> WhereFought = new Dictionary<int, string[]>
    {
        [1] = [WesternHemisphere],
        [2] = [Europe],
        [4] = [Africa],
        [6] = [MiddleEast],
        [7] = [Asia],
        [9] = [Oceania],
        [11] = [Europe, MiddleEast],
        [12] = [Europe, Asia],
        [13] = [WesternHemisphere, Asia],
        [14] = [Europe, Africa, MiddleEast],
        [15] = [Europe, Africa, MiddleEast, Asia],
        [16] = [Africa, MiddleEast, Asia, Oceania],
        [17] = [Asia, Oceania],
        [18] = [Africa, MiddleEast],
        [19] = [Europe, Africa, MiddleEast, Asia, Oceania],
    };

    /// <summary>
    /// The region a state lies in, by its COW code, as the COW project groups states: 2–199 the
    /// Western Hemisphere, 200–399 Europe, 400–599 Africa, 600–699 the Middle East (North Africa
    /// among it, as WhereFought codes the fighting there), 700–899 Asia, 900–999 Oceania. One
    /// region each: a state that spans two (Russia, 365; Turkey, 640) has the one its code gives
    /// (docs/importers.md, "Regions"). Null for a code outside the ranges.
    /// </summary>
    public static string? Home(int ccode) => ccode switch
    {
        >= 2 and < 200 => WesternHemisphere,
        >= 200 and < 400 => Europe,
        >= 400 and < 600 => Africa,
        >= 600 and < 700 => MiddleEast,
        >= 700 and < 900 => Asia,
        >= 900 and < 1000 => Oceania,
        _ => null,
    };

    /// <summary>Whether the state fought in the region it lies in; null when its code or WhereFought's is not one of the lists.</summary>
    public static bool? FoughtAtHome(int ccode, int whereFought) =>
        Home(ccode) is { } home && WhereFought.TryGetValue(whereFought, out var regions) ? regions.Contains(home) : null;
}
