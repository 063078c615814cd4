using System.Globalization;
using AllianceRules.History;
using AllianceRules.Bench.Gen;
using AllianceRules.Bench.Peer;
using AllianceRules.History.Datasets;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Peer.Tests;

/// <summary>The generator: deterministic, exactly N events in date order, the mix it promises, and the same events in every layout.</summary>
public sealed class GeneratorTests
{
    private static readonly Lazy<RuleSet> Bundled = new(() =>
    {
        var files = Directory.EnumerateFiles(Repo.Path("rules"), "*.treaty").Order(StringComparer.Ordinal)
            .Select(p => Repo.Source("rules/" + Path.GetFileName(p)));
        var result = RuleSetLoader.Load(files);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Value!;
    });

    private static string[] EventLines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#'))];

    [Fact]
    public void The_same_options_give_the_same_history_and_another_seed_another()
    {
        var options = new GeneratorOptions { Events = 5_000, Seed = 42 };
        Assert.Equal(EventsWriter.ToText(options), EventsWriter.ToText(options));
        Assert.NotEqual(EventsWriter.ToText(options), EventsWriter.ToText(options with { Seed = 43 }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(999)]
    [InlineData(12_345)]
    public void It_writes_exactly_N_events_in_date_order_inside_the_span(int n)
    {
        var options = new GeneratorOptions { Events = n, Seed = 7, From = new(2000, 1, 1), To = new(2000, 12, 31), AttackRate = 0.05 };
        var text = EventsWriter.ToText(options);
        Assert.StartsWith("# AllianceRules synthetic history: alliance-gen --events " + n.ToString(CultureInfo.InvariantCulture), text);
        var dates = EventLines(text).Select(l => l[..10]).ToList();
        Assert.Equal(n, dates.Count);
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.All(dates, d => Assert.InRange(string.CompareOrdinal(d, "2000-01-01"), 0, int.MaxValue));
        Assert.All(dates, d => Assert.InRange(string.CompareOrdinal(d, "2000-12-31"), int.MinValue, 0));
    }

    [Fact]
    public void About_one_event_in_a_thousand_is_an_attack_on_a_party_of_the_CST()
    {
        var events = HistoryGenerator.Generate(new GeneratorOptions { Events = 200_000, Seed = 9 }).ToList();
        var onMembers = events.Count(e => e.Verb == Bench.Gen.Verb.Attack && HistoryGenerator.IsMember(e.Target, e.Day));
        Assert.InRange(onMembers / (double)events.Count, 0.0008, 0.0012);
        // Requests to the CSTO follow some of them, and assistance some requests.
        var csto = Parties.IndexOf("CSTO");
        Assert.InRange(events.Count(e => e.Verb == Bench.Gen.Verb.Request && e.Target == csto && e.Article), onMembers * 0.35, onMembers * 0.55);
        Assert.Equal(Parties.StateCount, events.Select(e => e.Actor).Where(a => a != csto).Distinct().Count());
    }

    [Fact]
    public void The_parties_are_200_ISO_codes_with_every_member_of_the_CST_and_NATO()
    {
        var states = Parties.All.Where(p => p.IsState).Select(p => p.Code).ToList();
        Assert.Equal(Parties.StateCount, states.Count);
        Assert.Equal(states.Count, states.Distinct().Count());
        Assert.All(states, c => Assert.Matches("^[A-Z]{3}$", c));
        foreach (var treaty in new[] { "CST", "NATO" })
        {
            Assert.All(Bundled.Value.FindTreaty(treaty)!.Members.Keys, m => Assert.Contains(m, states));
        }
    }

    /// <summary>The generator's membership table and the peer's are those of the rule files they stand for.</summary>
    [Fact]
    public void The_membership_tables_match_the_rule_files()
    {
        var cst = Merged(Bundled.Value.FindTreaty("CST")!);
        var generator = HistoryGenerator.CstMembership
            .Select(m => $"{m.Party} {m.From:yyyy-MM-dd}..{m.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        Assert.Equal(cst, generator.Order(StringComparer.Ordinal));

        var peerTreaty = RuleSetLoader.Load([Repo.Source("bench/peer.treaty"), Repo.Source("rules/vocabulary.treaty")]).Value!.FindTreaty("PEER")!;
        var peer = PeerTreaty.Members().Select(m => $"{m.Party} {Iso(m.FromDay)}..{(m.ToDay == int.MaxValue ? "" : Iso(m.ToDay))}");
        Assert.Equal(Merged(peerTreaty), peer.Order(StringComparer.Ordinal));
        Assert.Equal(cst, Merged(peerTreaty));
    }

    private static string Iso(int day) => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A treaty's intervals as text, touching ones merged (a frozen stretch is membership all the same).</summary>
    private static IEnumerable<string> Merged(Treaty treaty) => treaty.Members
        .SelectMany(m =>
        {
            var merged = new List<(LocalDate Start, LocalDate? End)>();
            foreach (var r in m.Value.OrderBy(r => r.Start))
            {
                if (merged.Count > 0 && merged[^1].End == r.Start) merged[^1] = (merged[^1].Start, r.End);
                else merged.Add((r.Start, r.End));
            }
            return merged.Select(r => $"{m.Key} {r.Start:uuuu-MM-dd}..{r.End?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}");
        })
        .Order(StringComparer.Ordinal);

    /// <summary>Every CAMEO code the generator writes maps, by longest prefix, to its verb in rules/vocabulary.treaty.</summary>
    [Fact]
    public void Every_generated_CAMEO_code_maps_to_its_verb_in_the_vocabulary()
    {
        var map = new CameoMap(Bundled.Value.Verbs);
        foreach (var verb in Vocabulary.Verbs)
        {
            Assert.Contains(Bundled.Value.Verbs, v => v.Name == verb.Name);
            Assert.Equal(verb.Codes.Length, verb.Goldstein.Length);
            Assert.All(verb.Codes, c => Assert.Equal(verb.Name, map.VerbFor(c)));
        }
    }

    [Theory]
    [InlineData(GdeltLayout.V1, 58)]
    [InlineData(GdeltLayout.V2, 61)]
    public void A_GDELT_layout_holds_the_same_events_as_the_events_file(GdeltLayout layout, int columns)
    {
        var options = new GeneratorOptions { Events = 3_000, Seed = 11, AttackRate = 0.05 };
        var expected = EventLines(EventsWriter.ToText(options))
            .Select(l => string.Join(' ', l.Split(' ').Take(4))).ToList();
        var map = new CameoMap(Bundled.Value.Verbs);
        var rows = GdeltWriter.ToText(options, layout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Count, rows.Length);
        var actual = new List<string>();
        for (var i = 0; i < rows.Length; i++)
        {
            var f = rows[i].Split('\t');
            Assert.Equal(columns, f.Length);
            Assert.Equal((i + 1).ToString(CultureInfo.InvariantCulture), f[0]);
            Assert.Equal(f[1][..6], f[2]);
            Assert.Equal(f[1][..4], f[3]);
            Assert.StartsWith(f[27], f[26], StringComparison.Ordinal);
            Assert.StartsWith(f[28], f[27], StringComparison.Ordinal);
            Assert.StartsWith(f[1], f[columns - 2], StringComparison.Ordinal);
            Assert.StartsWith("https://", f[columns - 1], StringComparison.Ordinal);
            var date = DateOnly.ParseExact(f[1], "yyyyMMdd", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            actual.Add($"{date} {Party(f[5], f[7])} {map.VerbFor(f[26])} {Party(f[15], f[17])}");
        }
        Assert.Equal(expected, actual);
    }

    /// <summary>A state by its country code; the CSTO, which has none, by its actor code.</summary>
    private static string Party(string actorCode, string countryCode) => countryCode.Length > 0 ? countryCode : actorCode;
}
