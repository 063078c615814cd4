using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace AllianceRules.History.Datasets;

/// <summary>
/// ISO 3166-1 alpha-3 codes, the way the treaty files name states (ARM, RUS, USA): from CAMEO
/// country codes (GDELT) and from country names (ICEWS). Lookups take spans and allocate nothing,
/// and every lookup of a country returns the same string instance, so later comparisons are cheap.
/// Organisations (CSTO, NATO, the UN) are not countries and are in no index.
/// </summary>
internal static class CountryCodes
{
    private static readonly FrozenDictionary<string, string> Names;
    private static readonly ReadOnlyCollection<string> Codes;
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByCameo;
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByName;

    // One constructor, not initialisers that would have to stay in textual order.
    static CountryCodes()
    {
        var countries = CountryTable.Current.Concat(CountryTable.Historic).ToList();
        // Every index maps to these instances of the codes, whatever instance its source held.
        var canonical = countries.ToDictionary(c => c.Code, c => c.Code, StringComparer.Ordinal);
        string Canonical(string code) => canonical.TryGetValue(code, out var c) ? c
            : throw new InvalidOperationException($"The country table maps to '{code}', which it does not list.");
        Names = countries.ToFrozenDictionary(c => canonical[c.Code], c => c.Name, StringComparer.Ordinal);
        Codes = Array.AsReadOnly(countries.Select(c => canonical[c.Code]).Order(StringComparer.Ordinal).ToArray());
        ByCameo = countries.Select(c => (Cameo: c.Code, Iso3: canonical[c.Code]))
            .Concat(CountryTable.CameoDifferences.Select(d => (d.Cameo, Iso3: Canonical(d.Iso3))))
            .ToFrozenDictionary(d => d.Cameo, d => d.Iso3, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        ByName = countries.Concat(CountryTable.Names.Select(n => (n.Code, n.Name)))
            .ToFrozenDictionary(n => n.Name, n => Canonical(n.Code), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every code the lookups can return, in order: the current ISO codes and the historic ones.</summary>
    public static IReadOnlyCollection<string> All => Codes;

    /// <summary>
    /// The ISO code of a CAMEO country code such as <c>RUS</c>, <c>ROM</c> (Romania) or <c>USR</c>
    /// (the USSR). Exact and upper-case, as CAMEO writes codes; region codes (<c>EUR</c>) fail.
    /// </summary>
    public static bool TryFromCameo(ReadOnlySpan<char> code, [MaybeNullWhen(false)] out string iso3) =>
        ByCameo.TryGetValue(code, out iso3);

    /// <summary>
    /// The ISO code of a country name: ISO's short, common and official names, CAMEO's and GDELT's
    /// labels, and ICEWS's spellings ("Russian Federation", "Occupied Palestinian Territory").
    /// Case-insensitive; surrounding white space is ignored.
    /// </summary>
    public static bool TryFromName(ReadOnlySpan<char> name, [MaybeNullWhen(false)] out string iso3) =>
        ByName.TryGetValue(name.Trim(), out iso3);

    /// <summary>The English short name of a code from <see cref="All"/>, or null.</summary>
    public static string? NameOf(string iso3) => Names.GetValueOrDefault(iso3);
}
