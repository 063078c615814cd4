using AllianceRules.Importing;
using AllianceRules.Text;

namespace AllianceRules.Tests.Importing;

/// <summary>
/// The regions behind the reading location=home: a state's region by its COW code, WhereFought's
/// codes, and the actor-home and target-home an imported attack carries (docs/importers.md).
/// </summary>
public sealed class CowRegionTests
{
    [Theory]
    [InlineData(2, CowRegions.WesternHemisphere)]
    [InlineData(165, CowRegions.WesternHemisphere)]
    [InlineData(200, CowRegions.Europe)]
    [InlineData(395, CowRegions.Europe)]
    [InlineData(402, CowRegions.Africa)]
    [InlineData(590, CowRegions.Africa)]
    [InlineData(600, CowRegions.MiddleEast)]     // Morocco: COW codes the fighting there as the Middle East's
    [InlineData(625, CowRegions.MiddleEast)]
    [InlineData(630, CowRegions.MiddleEast)]
    [InlineData(651, CowRegions.MiddleEast)]
    [InlineData(698, CowRegions.MiddleEast)]
    [InlineData(700, CowRegions.Asia)]
    [InlineData(860, CowRegions.Asia)]
    [InlineData(900, CowRegions.Oceania)]
    [InlineData(990, CowRegions.Oceania)]
    public void A_state_lies_in_the_region_of_its_code_range(int ccode, string region) => Assert.Equal(region, CowRegions.Home(ccode));

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(8152)]
    public void A_code_outside_the_ranges_has_no_region(int ccode) => Assert.Null(CowRegions.Home(ccode));

    [Fact]
    public void The_WhereFought_codes_are_the_codebooks()
    {
        // The COW codebook lists them as "1 = W. Hemisphere  2 = Europe ... 19 = Europe, Africa, Middle East, Asia & Oceania".
        var codebook = File.ReadAllText(ImportCaseTests.Data("cow", "Inter-StateWars_Codebook.txt"));
        var list = codebook[codebook.IndexOf("Values are:", StringComparison.Ordinal)..codebook.IndexOf("Initiator -", StringComparison.Ordinal)];
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["W. Hemisphere"] = CowRegions.WesternHemisphere,
            ["Europe"] = CowRegions.Europe,
            ["Africa"] = CowRegions.Africa,
            ["Middle East"] = CowRegions.MiddleEast,
            ["Asia"] = CowRegions.Asia,
            ["Oceania"] = CowRegions.Oceania,
        };
        var entries = System.Text.RegularExpressions.Regex.Matches(list, @"(\d+) = ([A-Za-z., &]+?)(?=\s+\d+ =|\s*$)")
            .ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups[2].Value.Replace('&', ',').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => names[n]).ToArray());
        Assert.Equal(15, entries.Count);
        Assert.Equal(entries.Keys.Order(), CowRegions.WhereFought.Keys.Order());
        Assert.All(entries, e => Assert.Equal(e.Value, CowRegions.WhereFought[e.Key]));
    }

    [Theory]
    [InlineData(200, 2, true)]     // the United Kingdom in Europe
    [InlineData(600, 6, true)]     // Morocco in the Middle East (the Ifni War)
    [InlineData(365, 7, false)]    // Russia in Asia: its code gives it Europe alone
    [InlineData(200, 15, true)]    // ... and in Europe, Africa, the Middle East and Asia
    [InlineData(200, 1, false)]    // ... only in the Western Hemisphere
    [InlineData(651, 18, true)]    // Egypt in Africa and the Middle East
    [InlineData(2, 7, false)]      // the United States only in Asia
    public void A_state_fought_at_home_when_its_region_is_among_those_it_fought_in(int ccode, int whereFought, bool home) =>
        Assert.Equal(home, CowRegions.FoughtAtHome(ccode, whereFought));

    [Theory]
    [InlineData(200, -9)]
    [InlineData(200, 3)]
    [InlineData(8152, 2)]
    public void An_unknown_code_or_region_says_nothing(int ccode, int whereFought) => Assert.Null(CowRegions.FoughtAtHome(ccode, whereFought));

    private const string Header = "WarNum,WarName,WarType,ccode,StateName,Side,StartMonth1,StartDay1,StartYear1,EndMonth1,EndDay1,EndYear1,StartMonth2,StartDay2,StartYear2,EndMonth2,EndDay2,EndYear2,TransFrom,WhereFought,Initiator,Outcome,TransTo,BatDeath,Version\n";

    /// <summary>A made-up war of Argentina against the United Kingdom, both fighting in the Western Hemisphere unless <paramref name="britainFought"/> says otherwise.</summary>
    private static string ArgentinaAgainstBritain(int war, int britainFought = 1) =>
        Assert.Single(CowWarImporter.Import(new SourceFile("wars.csv", Header
            + $"{war},Made-up War,1,160,Argentina,1,4,2,1900,6,14,1900,-8,-8,-8,-8,-8,-8,-8,1,1,2,-8,1000,4\n"
            + $"{war},Made-up War,1,200,United Kingdom,2,4,2,1900,6,14,1900,-8,-8,-8,-8,-8,-8,-8,{britainFought},2,1,-8,1000,4\n"), ImportCaseTests.Parties()).Files).Text;

    [Fact]
    public void An_attack_says_whether_each_side_fought_in_its_own_region()
    {
        // Argentina fights at home (Western Hemisphere), the United Kingdom only there too, so abroad.
        var text = ArgentinaAgainstBritain(906);
        Assert.Contains("ARG attack GBR war=906 name=\"Made-up War\" actor-home=yes target-home=no \"Argentina (side 1) fights United Kingdom (side 2)\"", text, StringComparison.Ordinal);
        Assert.Contains("#   side 2  GBR  200 United Kingdom  1900-04-02 .. 1900-06-14  in western-hemisphere (1)  (line 3)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_participant_whose_WhereFought_is_unknown_gives_no_home_attribute()
    {
        // COW v4.0 has no unknown WhereFought; a made-up -9 leaves the attack without target-home, so a
        // rule read under location=home does not hold for it (docs/importers.md, "Regions").
        var text = ArgentinaAgainstBritain(907, britainFought: -9);
        Assert.Contains("ARG attack GBR war=907 name=\"Made-up War\" actor-home=yes \"Argentina", text, StringComparison.Ordinal);
        Assert.DoesNotContain("target-home=", text, StringComparison.Ordinal);
    }
}
