namespace AllianceRules.History.Datasets;

/// <summary>
/// The alliances whose acts a treaty file can name, by the actor code GDELT gives them. They have
/// no country code, so without this table their rows would be skipped as "no country".
/// </summary>
/// <remarks>
/// CAMEO codes NATO as <c>IGOWSTNAT</c> (actor codebook, chapter 3) and has no code for the CSTO
/// (research notes, domain.md §7.2); <c>CSTO</c> and <c>NATO</c> are accepted as written, for data
/// an analyst has recoded, and are the party codes the treaty files use.
/// </remarks>
internal static class Organisations
{
    private static readonly Dictionary<string, string> ByActorCode = new(StringComparer.Ordinal)
    {
        ["IGOWSTNAT"] = "NATO",
        ["NATO"] = "NATO",
        ["CSTO"] = "CSTO",
    };

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup = ByActorCode.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The party code of the organisation with this GDELT actor code; null for any other actor.</summary>
    public static string? Of(ReadOnlySpan<char> actorCode) => Lookup.TryGetValue(actorCode.Trim(), out var party) ? party : null;
}
