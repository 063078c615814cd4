using AllianceRules.History.Datasets;

namespace AllianceRules.Tests.Datasets;

public sealed class CountryCodesTests
{
    [Fact]
    public void The_table_has_every_current_ISO_code_and_seven_historic_ones()
    {
        Assert.Equal(249, CountryTable.Current.Length);
        Assert.Equal(256, CountryCodes.All.Count);
        Assert.All(CountryCodes.All, c => Assert.Matches("^[A-Z]{3}$", c));
        Assert.Equal(CountryCodes.All.Order(StringComparer.Ordinal), CountryCodes.All);
        Assert.Equal(["ANT", "CSK", "DDR", "SCG", "SUN", "YMD", "YUG"], CountryTable.Historic.Select(h => h.Code));
    }

    [Theory]
    [InlineData("ARM")]
    [InlineData("AZE")]
    [InlineData("BLR")]
    [InlineData("KAZ")]
    [InlineData("KGZ")]
    [InlineData("RUS")]
    [InlineData("TJK")]
    [InlineData("UZB")]
    [InlineData("GEO")]
    [InlineData("UKR")]
    [InlineData("USA")]
    public void The_states_of_the_treaty_files_are_their_own_CAMEO_codes(string code)
    {
        Assert.True(CountryCodes.TryFromCameo(code, out var iso3));
        Assert.Equal(code, iso3);
    }

    [Theory]
    [InlineData("ROM", "ROU")]
    [InlineData("TMP", "TLS")]
    [InlineData("MTN", "MNE")]
    [InlineData("IMY", "IMN")]
    [InlineData("USR", "SUN")]
    [InlineData("FRY", "YUG")]
    [InlineData("GMW", "DEU")]
    [InlineData("GZS", "PSE")]
    [InlineData("YUG", "YUG")]
    public void CAMEO_codes_that_differ_from_ISO_map_to_the_ISO_code(string cameo, string expected)
    {
        Assert.True(CountryCodes.TryFromCameo(cameo, out var iso3));
        Assert.Equal(expected, iso3);
    }

    [Theory]
    [InlineData("EUR")]
    [InlineData("CAU")]
    [InlineData("WST")]
    [InlineData("IGO")]
    [InlineData("rus")]
    [InlineData("RUSGOV")]
    [InlineData("")]
    public void Region_organisation_and_malformed_codes_are_not_countries(string code) =>
        Assert.False(CountryCodes.TryFromCameo(code, out _));

    [Theory]
    [InlineData("Russian Federation", "RUS")]
    [InlineData("russian federation", "RUS")]
    [InlineData("  Russia ", "RUS")]
    [InlineData("RUSSIA", "RUS")]
    [InlineData("United States", "USA")]
    [InlineData("Iran", "IRN")]
    [InlineData("Iran, Islamic Republic of", "IRN")]
    [InlineData("South Korea", "KOR")]
    [InlineData("North Korea", "PRK")]
    [InlineData("Occupied Palestinian Territory", "PSE")]
    [InlineData("Democratic Republic of Congo", "COD")]
    [InlineData("Congo, Democratic Republic of the", "COD")]
    [InlineData("Congo", "COG")]
    [InlineData("Cote d'Ivoire", "CIV")]
    [InlineData("Côte d'Ivoire", "CIV")]
    [InlineData("the former Yugoslav Republic of Macedonia", "MKD")]
    [InlineData("Moldova, Republic of", "MDA")]
    [InlineData("Kyrgyzstan", "KGZ")]
    [InlineData("Kyrgyz Republic", "KGZ")]
    [InlineData("Turkey", "TUR")]
    [InlineData("Isle Of Man", "IMN")]
    [InlineData("Macau", "MAC")]
    [InlineData("Netherlands Antilles", "ANT")]
    [InlineData("Serbia and Montenegro", "SCG")]
    public void ICEWS_and_ISO_names_find_their_code_whatever_the_case(string name, string expected)
    {
        Assert.True(CountryCodes.TryFromName(name, out var iso3));
        Assert.Equal(expected, iso3);
    }

    [Theory]
    [InlineData("Kosovo")]
    [InlineData("Collective Security Treaty Organization")]
    [InlineData("NATO")]
    [InlineData("NA")]
    [InlineData("Russian")]
    [InlineData("")]
    public void Organisations_and_unknown_names_are_not_countries(string name) =>
        Assert.False(CountryCodes.TryFromName(name, out _));

    [Theory]
    [InlineData("RUS", "Russian Federation")]
    [InlineData("ARM", "Armenia")]
    [InlineData("SUN", "USSR")]
    [InlineData("ROM", null)]
    [InlineData("XYZ", null)]
    public void Codes_have_English_short_names(string code, string? name) =>
        Assert.Equal(name, CountryCodes.NameOf(code));

    [Fact]
    public void Every_lookup_returns_the_one_instance_of_a_code()
    {
        var rus = CountryCodes.All.Single(c => c == "RUS");
        Assert.True(CountryCodes.TryFromCameo(new string("RUS".AsSpan()), out var byCode));
        Assert.True(CountryCodes.TryFromName(new string("Russian Federation".AsSpan()), out var byName));
        Assert.True(CountryCodes.TryFromName("Russia", out var byLabel));
        Assert.Same(rus, byCode);
        Assert.Same(rus, byName);
        Assert.Same(rus, byLabel);
        Assert.True(CountryCodes.TryFromCameo("ROM", out var rom));
        Assert.Same(CountryCodes.All.Single(c => c == "ROU"), rom);
    }

    [Fact]
    public void Lookups_allocate_nothing()
    {
        var code = "ARMGOV".AsSpan(0, 3);
        var name = "xRussian Federationx".AsSpan(1, 18);
        CountryCodes.TryFromCameo(code, out _);
        CountryCodes.TryFromName(name, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(CountryCodes.TryFromCameo(code, out _));
            Assert.True(CountryCodes.TryFromName(name, out _));
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void The_table_is_consistent_with_itself_and_with_ISO()
    {
        var all = CountryCodes.All.ToHashSet(StringComparer.Ordinal);
        Assert.All(CountryTable.Names, n => Assert.Contains(n.Code, all));
        Assert.All(CountryTable.CameoDifferences, d => Assert.Contains(d.Iso3, all));
        // A CAMEO code that differs from ISO must not also be an ISO code of another country.
        Assert.All(CountryTable.CameoDifferences, d => Assert.DoesNotContain(d.Cameo, all));
        Assert.Equal(CountryCodes.All.Count, CountryTable.Current.Concat(CountryTable.Historic).Select(c => c.Code).Distinct().Count());
        Assert.All(CountryCodes.All, c => Assert.NotNull(CountryCodes.NameOf(c)));
        // No name may stand for two countries, nor appear twice.
        var names = CountryTable.Current.Concat(CountryTable.Historic).Select(c => c.Name).Concat(CountryTable.Names.Select(n => n.Name)).ToList();
        Assert.Equal(477, names.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
