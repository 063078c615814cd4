using AllianceRules.Diagnostics;
using AllianceRules.Text;

namespace AllianceRules.Importing;

/// <summary>
/// COW state codes (ccode) as party codes, the same for both importers: the ISO 3166 alpha-3 code
/// of the COW-to-ISO map (column <c>iso3c</c>) where the state has one, so that parties match the
/// bundled rules (RUS, ARM, KAZ); otherwise the COW abbreviation (<c>stateabb</c>) of the state
/// list (Austria-Hungary AUH, Bavaria BAV). A COW abbreviation that another state's code already
/// uses gets its ccode appended: Czechoslovakia (315, CZE) is CZE315, since CZE is the Czech
/// Republic's ISO code; old Korea (730, KOR) is KOR730.
/// </summary>
public sealed class PartyCodes
{
    private readonly Dictionary<int, (string Code, string Name, string Origin)> _codes;

    private PartyCodes(Dictionary<int, (string Code, string Name, string Origin)> codes) => _codes = codes;

    /// <summary>The party code of a ccode, or null when neither file knows it.</summary>
    internal string? Code(int ccode) => _codes.TryGetValue(ccode, out var c) ? c.Code : null;

    /// <summary>The COW state name (or the map's name) of a ccode.</summary>
    internal string Name(int ccode) => _codes.TryGetValue(ccode, out var c) ? c.Name : string.Empty;

    /// <summary>Where the code comes from: "ISO" (the map), "COW" (the state list) or "COW+ccode" (a collision).</summary>
    internal string Origin(int ccode) => _codes.TryGetValue(ccode, out var c) ? c.Origin : string.Empty;

    internal IEnumerable<(int Ccode, string Code, string Name, string Origin)> All =>
        _codes.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.Code, p.Value.Name, p.Value.Origin));

    internal static readonly string[] StateColumns = ["stateabb", "ccode", "statenme"];
    internal static readonly string[] IsoColumns = ["cown", "iso3c"];

    public static PartyCodes? Read(SourceFile states, SourceFile? isoMap, DiagnosticBag bag)
    {
        var stateTable = CsvTable.Read(states, "the COW state list (--states)", StateColumns, bag);
        var isoTable = isoMap is null ? null : CsvTable.Read(isoMap, "the COW-to-ISO map (--iso-map)", IsoColumns, bag);
        if (stateTable is null || (isoMap is not null && isoTable is null)) return null;
        var abbreviations = new Dictionary<int, (string Abb, string Name)>();
        foreach (var row in stateTable.Rows)
        {
            if (!stateTable.TryInt(row, "ccode", bag, out var ccode) || ccode is not { } c) continue;
            var abb = stateTable.Text(row, "stateabb").ToUpperInvariant();
            // A state has one spell per stretch of independence; the first names it.
            if (abb.Length > 0) abbreviations.TryAdd(c, (abb, stateTable.Text(row, "statenme")));
        }
        var iso = new Dictionary<int, (string Code, string Name)>();
        if (isoTable is not null)
        {
            foreach (var row in isoTable.Rows)
            {
                if (!isoTable.TryInt(row, "cown", bag, out var ccode) || ccode is not { } c) continue;
                var code = isoTable.Text(row, "iso3c").ToUpperInvariant();
                if (code.Length == 3 && code.All(char.IsAsciiLetterUpper)) iso.TryAdd(c, (code, isoTable.Text(row, "cow.name")));
            }
        }
        if (bag.HasErrors) return null;
        var codes = new Dictionary<int, (string Code, string Name, string Origin)>();
        foreach (var (c, (code, name)) in iso)
        {
            var stateName = abbreviations.TryGetValue(c, out var s) ? s.Name : name;
            codes[c] = (code, stateName, "ISO");
        }
        foreach (var (c, (abb, name)) in abbreviations)
        {
            if (codes.ContainsKey(c) || !IsCode(abb)) continue;
            codes[c] = (abb, name, "COW");
        }
        // A COW abbreviation that is also another state's code names the wrong state: add the ccode.
        foreach (var group in codes.GroupBy(p => p.Value.Code).Where(g => g.Count() > 1).ToList())
        {
            foreach (var (c, value) in group.Where(p => p.Value.Origin == "COW").ToList()) codes[c] = ($"{value.Code}{c}", value.Name, "COW+ccode");
        }
        // Two ISO codes alike would be a broken map; keep them apart all the same.
        foreach (var group in codes.GroupBy(p => p.Value.Code).Where(g => g.Count() > 1).ToList())
        {
            foreach (var (c, value) in group.ToList()) codes[c] = ($"{value.Code}{c}", value.Name, value.Origin + "+ccode");
        }
        return new PartyCodes(codes);
    }

    private static bool IsCode(string text) => text.Length > 0 && char.IsAsciiLetterUpper(text[0]) && text.All(ch => char.IsAsciiLetterUpper(ch) || char.IsAsciiDigit(ch) || ch == '_');
}
