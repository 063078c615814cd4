using AllianceRules.Diagnostics;
using AllianceRules.Importing;
using AllianceRules.Tests.Support;
using AllianceRules.Text;

namespace AllianceRules.Tests.Importing;

/// <summary>
/// The importers on slices of the real files: each folder of Cases/import/atop holds the ATOP rows
/// of one alliance (members.csv, alliances.csv) beside the rule file they must give; each folder
/// of Cases/import/cow-war the COW rows of one war (wars.csv), and where it has one the rows of its
/// dyads (dyads.csv, as with --dyads), beside its history. The state list
/// and the ISO map are read from ../shared/data. ALLIANCE_UPDATE_BASELINES=1 rewrites the expected files.
/// </summary>
public sealed class ImportCaseTests
{
    private static readonly string Cases = Repo.Path("tests", "AllianceRules.Tests", "Cases", "import");

    internal static string Data(params string[] parts)
    {
        var root = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "data"));
        // The datasets sit beside the repository and are never copied into it (README): say so plainly.
        if (!Directory.Exists(root)) throw new InvalidOperationException($"The ATOP and COW datasets are not at {root}; these tests read them from ../shared/data beside the repository.");
        return Path.Combine([root, .. parts]);
    }

    internal static SourceFile Source(string path, string? display = null) => new(display ?? Path.GetFileName(path), File.ReadAllText(path));

    internal static PartyCodes Parties()
    {
        var bag = new DiagnosticBag();
        var parties = PartyCodes.Read(Source(Data("cow", "states2016.csv")), Source(Data("cow", "cow_iso3166_map.csv")), bag);
        Assert.False(bag.HasErrors);
        return parties!;
    }

    public static TheoryData<string> AtopCases() => [.. Directory.GetDirectories(Path.Combine(Cases, "atop")).Select(Path.GetFileName).Cast<string>().Order(StringComparer.Ordinal)];

    public static TheoryData<string> CowCases() => [.. Directory.GetDirectories(Path.Combine(Cases, "cow-war")).Select(Path.GetFileName).Cast<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(AtopCases))]
    public void An_ATOP_alliance_gives_its_rule_file(string name)
    {
        var folder = Path.Combine(Cases, "atop", name);
        var outcome = AtopImporter.Import(Source(Path.Combine(folder, "members.csv")), Source(Path.Combine(folder, "alliances.csv")), Parties());
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics.Select(DiagnosticFormatter.Format)));
        MatchAll(folder, outcome, ".treaty");
    }

    [Theory]
    [MemberData(nameof(CowCases))]
    public void A_COW_war_gives_its_history(string name)
    {
        var folder = Path.Combine(Cases, "cow-war", name);
        // A folder with dyads.csv (rows of directed_dyadic_war.csv) imports as with --dyads.
        var dyads = Path.Combine(folder, "dyads.csv");
        var outcome = CowWarImporter.Import(Source(Path.Combine(folder, "wars.csv")), Parties(), File.Exists(dyads) ? Source(dyads) : null);
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics.Select(DiagnosticFormatter.Format)));
        MatchAll(folder, outcome, ".events");
    }

    /// <summary>Every generated file (but the shared vocabulary) is a baseline in the folder, and every baseline is generated.</summary>
    private static void MatchAll(string folder, ImportOutcome outcome, string extension)
    {
        var generated = outcome.Files.Where(f => f.Name != ImportVocabulary.FileName).ToList();
        Assert.NotEmpty(generated);
        foreach (var file in generated) Baseline.Match(Path.Combine(folder, file.Name), file.Text);
        var summary = outcome.Summary + "\n" + string.Concat(outcome.Skipped.Select(s => $"skipped {s.File}:{s.Line}: {s.Reason}: {s.Detail}\n"));
        Baseline.Match(Path.Combine(folder, "import.out"), summary);
        if (Baseline.Updating) return;
        var expected = Directory.GetFiles(folder, "*" + extension).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected, generated.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Party_codes_are_ISO_where_the_map_has_one_and_COW_otherwise_with_collisions_apart()
    {
        var parties = Parties();
        Assert.Equal("RUS", parties.Code(365));
        Assert.Equal("DEU", parties.Code(255));
        Assert.Equal("GFR", parties.Code(260));
        Assert.Equal("AUH", parties.Code(300));
        Assert.Equal("BAV", parties.Code(245));
        Assert.Equal("CZE", parties.Code(316));
        Assert.Equal("CZE315", parties.Code(315));
        Assert.Equal("KOR", parties.Code(732));
        Assert.Equal("KOR730", parties.Code(730));
        Assert.Null(parties.Code(8152));
        // No two states share a code.
        Assert.Equal(parties.All.Count(), parties.All.Select(p => p.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Without_the_ISO_map_every_party_is_its_COW_abbreviation()
    {
        var bag = new DiagnosticBag();
        var parties = PartyCodes.Read(Source(Data("cow", "states2016.csv")), null, bag)!;
        Assert.Equal("RUS", parties.Code(365));
        Assert.Equal("GMY", parties.Code(255));
        Assert.Equal("CZE", parties.Code(315));
        Assert.Equal("CZR", parties.Code(316));
    }

    private const string WarHeader = "WarNum,WarName,WarType,ccode,StateName,Side,StartMonth1,StartDay1,StartYear1,EndMonth1,EndDay1,EndYear1,StartMonth2,StartDay2,StartYear2,EndMonth2,EndDay2,EndYear2,TransFrom,WhereFought,Initiator,Outcome,TransTo,BatDeath,Version\n";

    [Fact]
    public void Unknown_days_and_months_follow_the_convention_and_are_marked()
    {
        // Made-up rows (COW v4.0 has no -9 in its dates): the later entry's unknown day, an unknown end month.
        var wars = new SourceFile("wars.csv", WarHeader
            + "900,Made-up War,1,2,United States of America,1,3,-9,1900,-9,-9,1901,-8,-8,-8,-8,-8,-8,-8,1,1,1,-8,1000,4\n"
            + "900,Made-up War,1,20,Canada,2,2,10,1900,6,-9,1900,-8,-8,-8,-8,-8,-8,-8,1,2,2,-8,1000,4\n");
        var outcome = CowWarImporter.Import(wars, Parties());
        var text = Assert.Single(outcome.Files).Text;
        // The attack holds from the later start to the day after the earlier (inclusive) end, 30 June;
        // fmt lines the point event up with it.
        Assert.Contains("1900-03-01 .. 1900-07-01 USA attack CAN war=900 name=\"Made-up War\" precision=month", text, StringComparison.Ordinal);
        Assert.Contains("1901-12-31               USA endwar CAN war=900 name=\"Made-up War\" precision=year", text, StringComparison.Ordinal);
        Assert.Contains("1900-02-10 .. 1900-06-30 (day unknown)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_that_cannot_be_placed_are_counted_by_reason_and_the_rest_imported()
    {
        var wars = new SourceFile("wars.csv", WarHeader
            + "901,Made-up War,1,2,United States of America,1,3,1,1900,4,1,1900,-8,-8,-8,-8,-8,-8,-8,1,1,1,-8,1000,4\n"
            + "901,Made-up War,1,20,Canada,2,3,1,1900,4,1,1900,-8,-8,-8,-8,-8,-8,-8,1,2,2,-8,1000,4\n"
            + "901,Made-up War,1,9999,Nowhere,2,3,1,1900,4,1,1900,-8,-8,-8,-8,-8,-8,-8,1,2,2,-8,1000,4\n"
            + "901,Made-up War,1,41,Haiti,2,3,1,-9,4,1,1900,-8,-8,-8,-8,-8,-8,-8,1,2,2,-8,1000,4\n"
            + "901,Made-up War,1,42,Dominican Republic,2,2,30,1900,4,1,1900,-8,-8,-8,-8,-8,-8,-8,1,2,2,-8,1000,4\n");
        var outcome = CowWarImporter.Import(wars, Parties());
        Assert.True(outcome.Succeeded);
        Assert.Equal([("ccode is no known state", 1), ("impossible date", 1), ("unknown year", 1)], outcome.SkipCounts);
        Assert.Equal([4, 5, 6], outcome.Skipped.Select(s => s.Line).Order());
        Assert.Contains("USA attack CAN", Assert.Single(outcome.Files).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ally_already_fighting_still_assists_on_the_day_a_new_attacker_enters()
    {
        // Regression: assists were dated only by the later entry of the two allies, so a defence
        // instance opened by a later attacker found no help inside its window and was violated.
        // Each participant's time in the war is now an interval (COW's end day included, so the
        // interval ends the day after), and help that began earlier still holds on the new entry.
        var wars = new SourceFile("wars.csv", WarHeader
            + "903,Made-up War,1,2,United States of America,1,3,1,1900,6,1,1900,-8,-8,-8,-8,-8,-8,-8,1,1,1,-8,1000,4\n"
            + "903,Made-up War,1,70,Mexico,1,3,20,1900,6,1,1900,-8,-8,-8,-8,-8,-8,-8,1,2,1,-8,1000,4\n"
            + "903,Made-up War,1,20,Canada,2,3,1,1900,6,1,1900,-8,-8,-8,-8,-8,-8,-8,1,2,2,-8,1000,4\n"
            + "903,Made-up War,1,200,United Kingdom,2,3,1,1900,6,1,1900,-8,-8,-8,-8,-8,-8,-8,1,2,2,-8,1000,4\n");
        var text = Assert.Single(CowWarImporter.Import(wars, Parties()).Files).Text;
        Assert.Contains("1900-03-20 .. 1900-06-02 MEX attack CAN war=903", text, StringComparison.Ordinal);
        Assert.Contains("1900-03-01 .. 1900-06-02 GBR assist CAN war=903", text, StringComparison.Ordinal);
        Assert.Contains("1900-03-20 .. 1900-06-02 USA assist MEX war=903", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_that_ends_before_it_starts_and_a_one_sided_war_are_counted_not_dropped()
    {
        // Regression: both were left out silently, with no event and no count.
        var wars = new SourceFile("wars.csv", WarHeader
            + "902,Made-up War,1,2,United States of America,1,4,7,1823,11,13,1822,-8,-8,-8,-8,-8,-8,-8,1,1,1,-8,1000,4\n"
            + "902,Made-up War,1,20,Canada,2,4,7,1823,11,13,1823,-8,-8,-8,-8,-8,-8,-8,1,2,2,-8,1000,4\n");
        var outcome = CowWarImporter.Import(wars, Parties());
        Assert.True(outcome.Succeeded);
        Assert.Equal([("ends before it starts", 1), ("its war has no participant on the other side", 1)], outcome.SkipCounts);
        Assert.Empty(outcome.Files);
    }

    private const string DyadHeader = "warnum,disno,dyindex,statea,stateb,warstrtmnth,warstrtday,warstrtyr,warendmnth,warenday,warendyr,year,warolea,waroleb,wardyadrolea,wardyadroleb,outcomea,batdtha,batdthb,changes_1,changes_2,batdths,durindx,start_date,end_date\n";

    private static SourceFile MadeUpWar(int war) => new("wars.csv", WarHeader
        + $"{war},Made-up War,1,2,United States of America,1,3,1,1900,6,1,1901,-8,-8,-8,-8,-8,-8,-8,1,1,1,-8,1000,4\n"
        + $"{war},Made-up War,1,20,Canada,2,3,1,1900,6,1,1901,-8,-8,-8,-8,-8,-8,-8,1,2,2,-8,1000,4\n"
        + $"{war},Made-up War,1,70,Mexico,2,3,1,1900,6,1,1901,-8,-8,-8,-8,-8,-8,-8,1,2,2,-8,1000,4\n");

    [Fact]
    public void A_dyad_is_one_attack_over_its_years_from_the_state_that_began_it()
    {
        // Made-up rows: Canada (war role 4, a joiner on the targets' side) began its dyad with the
        // United States (dyadic role 1), in two war-year rows each way; Mexico's dyad runs the other way.
        var dyads = new SourceFile("dyads.csv", DyadHeader
            + "904,1,1.01,2,20,5,1,1900,6,1,1901,1900,1,4,3,1,2,0,0,,,0,1,,\n"
            + "904,1,1.01,2,20,5,1,1900,6,1,1901,1901,1,4,3,1,2,0,0,,,0,1,,\n"
            + "904,1,1.01,20,2,5,1,1900,6,1,1901,1900,4,1,1,3,1,0,0,,,0,1,,\n"
            + "904,1,1.01,20,2,5,1,1900,6,1,1901,1901,4,1,1,3,1,0,0,,,0,1,,\n"
            + "904,1,1.02,2,70,3,-9,1900,-9,-9,1900,1900,1,3,1,3,1,0,0,,,0,1,,\n"
            + "904,1,1.02,70,2,3,-9,1900,-9,-9,1900,1900,3,1,3,1,2,0,0,,,0,1,,\n");
        var outcome = CowWarImporter.Import(MadeUpWar(904), Parties(), dyads);
        Assert.True(outcome.Succeeded);
        var text = Assert.Single(outcome.Files).Text;
        Assert.Contains("1900-05-01 .. 1901-06-02 CAN attack USA war=904 name=\"Made-up War\" basis=dyad direction=dyad-role actor-home=yes target-home=yes \"Canada attacks United States of America: dyadic roles 1 v 3, war roles 4 v 1\"", text, StringComparison.Ordinal);
        Assert.Contains("1900-03-01 .. 1901-01-01 USA attack MEX war=904 name=\"Made-up War\" precision=month basis=dyad direction=dyad-role", text, StringComparison.Ordinal);
        Assert.DoesNotContain("USA attack CAN", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split('\n').Count(l => l.Contains(" attack ", StringComparison.Ordinal) && !l.StartsWith('#')));
        Assert.EndsWith("attacks from dyads in 1 war, from participants in 0", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_that_disagree_fall_back_to_the_war_roles_then_to_the_initiators_side()
    {
        // USA v CAN: each direction calls its own state the dyad's initiator, the war roles agree (1 against 3).
        // USA v MEX: the dyadic roles and the war roles both disagree: the participants' initiators' side attacks.
        var dyads = new SourceFile("dyads.csv", DyadHeader
            + "905,1,1.01,2,20,3,1,1900,6,1,1901,1900,1,3,1,3,1,0,0,,,0,1,,\n"
            + "905,1,1.01,20,2,3,1,1900,6,1,1901,1900,3,1,1,3,2,0,0,,,0,1,,\n"
            + "905,1,1.02,2,70,3,1,1900,6,1,1901,1900,1,2,1,1,1,0,0,,,0,1,,\n"
            + "905,1,1.02,70,2,3,1,1900,6,1,1901,1900,2,1,1,1,2,0,0,,,0,1,,\n");
        var text = Assert.Single(CowWarImporter.Import(MadeUpWar(905), Parties(), dyads).Files).Text;
        Assert.Contains("USA attack CAN war=905 name=\"Made-up War\" basis=dyad direction=war-role actor-home=yes target-home=yes \"United States of America attacks Canada: dyadic roles 1 v 3 or 3 v 1, war roles 1 v 3\"", text, StringComparison.Ordinal);
        Assert.Contains("USA attack MEX war=905 name=\"Made-up War\" basis=dyad direction=initiators-side", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_war_the_dyads_do_not_have_reads_its_attacks_from_the_participants_and_says_so()
    {
        var outcome = CowWarImporter.Import(MadeUpWar(906), Parties(), new SourceFile("dyads.csv", DyadHeader));
        var text = Assert.Single(outcome.Files).Text;
        Assert.Contains("# The dyadic war data have no row of this war: attacks are read from the participants (basis=participants).", text, StringComparison.Ordinal);
        Assert.Contains("USA attack CAN war=906 name=\"Made-up War\" basis=participants", text, StringComparison.Ordinal);
        Assert.EndsWith("attacks from dyads in 0 wars, from participants in 1", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Dyad_rows_that_cannot_be_placed_are_counted_by_reason_and_the_rest_imported()
    {
        // Month 24 and year 19118 are as in directed_dyadic_war.csv v4.01 (World War I); the others made up.
        var dyads = new SourceFile("dyads.csv", DyadHeader
            + "907,1,1.01,2,20,24,10,1900,3,11,1900,1900,1,3,1,3,1,0,0,,,0,1,,\n"
            + "907,1,1.01,2,20,8,11,1900,9,29,19118,1900,1,3,1,3,1,0,0,,,0,1,,\n"
            + "907,1,1.02,2,9999,3,1,1900,6,1,1901,1900,1,3,1,3,1,0,0,,,0,1,,\n"
            + "907,1,1.03,2,70,3,1,-9,6,1,1901,1900,1,3,1,3,1,0,0,,,0,1,,\n"
            + "907,1,1.04,2,70,3,1,1901,6,1,1900,1900,1,3,1,3,1,0,0,,,0,1,,\n"
            + "907,1,1.05,2,2,3,1,1900,6,1,1901,1900,1,3,1,3,1,0,0,,,0,1,,\n"
            + "999,1,1.06,2,20,3,1,1900,6,1,1901,1900,1,3,1,3,1,0,0,,,0,1,,\n"
            + "907,1,1.07,2,70,3,1,1900,6,1,1901,1900,1,3,1,3,1,0,0,,,0,1,,\n");
        var outcome = CowWarImporter.Import(MadeUpWar(907), Parties(), dyads);
        Assert.True(outcome.Succeeded);
        Assert.Equal(
            [("ends before it starts", 1), ("impossible date", 2), ("its war has no history from the participant file", 1), ("statea and stateb are one state", 1), ("stateb is no known state", 1), ("unknown year", 1)],
            outcome.SkipCounts);
        Assert.Equal("dyads.csv:2: impossible date: 1900-24-10 .. 1900-3-11", outcome.Skipped.Where(s => s.Line == 2).Select(s => $"{s.File}:{s.Line}: {s.Reason}: {s.Detail}").Single());
        var text = Assert.Single(outcome.Files).Text;
        Assert.Contains("USA attack MEX war=907", text, StringComparison.Ordinal);
        Assert.DoesNotContain("attack CAN", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dyad_is_read_within_the_war_as_the_participant_file_dates_it()
    {
        // The war runs 1900-03-01 .. 1901-06-01: USA v CAN begins before it (kept) and ends after it (cut); USA v MEX lies after it.
        var dyads = new SourceFile("dyads.csv", DyadHeader
            + "909,1,1.01,2,20,1,1,1899,12,31,1902,1899,1,3,1,3,1,0,0,,,0,1,,\n"
            + "909,1,1.02,2,70,1,1,1903,12,31,1903,1903,1,3,1,3,1,0,0,,,0,1,,\n");
        var outcome = CowWarImporter.Import(MadeUpWar(909), Parties(), dyads);
        var text = Assert.Single(outcome.Files).Text;
        Assert.Contains("1899-01-01 .. 1901-06-02 USA attack CAN war=909", text, StringComparison.Ordinal);
        Assert.DoesNotContain("attack MEX", text, StringComparison.Ordinal);
        var skipped = Assert.Single(outcome.Skipped);
        Assert.Equal((3, "its dates lie outside the war's in the participant file", "war 909: 2 v 70, 1903-01-01 .. 1903-12-31"), (skipped.Line, skipped.Reason, skipped.Detail));
    }

    [Fact]
    public void A_dyad_file_without_the_columns_or_with_a_bad_number_is_an_error_and_nothing_is_written()
    {
        var missing = CowWarImporter.Import(MadeUpWar(908), Parties(), new SourceFile("dyads.csv", "warnum,statea,stateb\n908,2,20\n"));
        Assert.StartsWith(
            "dyads.csv:1:1: error AR7001: the COW directed dyadic war file has no columns 'warstrtmnth', 'warstrtday', 'warstrtyr', 'warendmnth', 'warenday', 'warendyr', 'warolea', 'waroleb', 'wardyadrolea' and 'wardyadroleb'",
            DiagnosticFormatter.Format(Assert.Single(missing.Diagnostics)), StringComparison.Ordinal);
        Assert.Empty(missing.Files);
        var bad = CowWarImporter.Import(MadeUpWar(908), Parties(), new SourceFile("dyads.csv", DyadHeader + "908,1,1.01,2,20,3,1,1900,6,1,1901,1900,1,3,one,3,1,0,0,,,0,1,,\n"));
        Assert.StartsWith("dyads.csv:2:44: error AR7003: 'wardyadrolea' must be a whole number, not 'one'", DiagnosticFormatter.Format(Assert.Single(bad.Diagnostics)), StringComparison.Ordinal);
        Assert.Empty(bad.Files);
        Assert.False(bad.Succeeded);
    }

    [Fact]
    public void A_missing_column_is_an_error_at_the_header()
    {
        var outcome = CowWarImporter.Import(new SourceFile("wars.csv", "WarNum,WarName,ccode\n1,A,2\n"), Parties());
        var error = Assert.Single(outcome.Diagnostics);
        Assert.Equal("AR7001", error.Code);
        Assert.StartsWith("wars.csv:1:1: error AR7001: the COW inter-state war file has no columns 'statename', 'side'", DiagnosticFormatter.Format(error), StringComparison.Ordinal);
        Assert.Empty(outcome.Files);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_an_error_at_its_field()
    {
        var header = string.Join(",", AtopImporter.MemberColumns);
        var row = string.Join(",", AtopImporter.MemberColumns.Select(c => c switch { "atopid" => "4220", "member" => "365", "yrent" => "1992", "moent" => "5x", "dayent" => "15", "phase" => "0", _ => "0" }));
        var outcome = AtopImporter.Import(new SourceFile("m.csv", header + "\n" + row + "\n"), null, Parties());
        var error = Assert.Single(outcome.Diagnostics);
        Assert.StartsWith("m.csv:2:15: error AR7003: 'moent' must be a whole number, not '5x'", DiagnosticFormatter.Format(error), StringComparison.Ordinal);
    }
}
