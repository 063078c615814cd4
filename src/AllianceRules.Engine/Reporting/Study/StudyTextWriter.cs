using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AllianceRules.Text;

namespace AllianceRules.Reporting.Study;

/// <summary>
/// <c>alliance study</c> as text: the pair rules, the coverage of the universe, the figures by kind
/// (Leeds' and BF's), across kinds and per member, then one line per alliance–war pair.
/// </summary>
public static class StudyTextWriter
{
    public static string Write(ReliabilityStudy study)
    {
        var sb = new StringBuilder();
        var lenient = study.Pairs.Count(p => PairRules.Decided(p.Verdict));
        var strict = study.Pairs.Count(p => PairRules.Decided(p.StrictVerdict));
        sb.AppendLine(CultureInfo.InvariantCulture, $"Reliability study: {study.Pairs.Length} alliance-{study.By} pairs with an obligation instance; decided: {strict} under the strict rule, {lenient} under the lenient rule.");
        sb.AppendLine("Strict (BF's honour): a pair is honoured when every obligated member honoured the promise and no member fought an ally.");
        sb.AppendLine("Lenient (Sabrosky's, BF's sabhon): a pair is honoured when a member honoured the promise and no member fought an ally.");
        sb.AppendLine();
        if (study.Coverage is { } coverage) Coverage(sb, study.By, coverage);
        // By kind first, always: the figure across kinds is the pair measure of Leeds, Long and Mitchell, not the headline.
        Table(sb, $"Reliability by kind (each alliance-{study.By} pair judged on its promises of that kind)", study, Both(study.StrictByKind, study.ByKind));
        Table(sb, "By the alliance's kinds, as BF count (each pair's verdict across kinds, under every kind of promise its alliance makes)", study, Both(study.StrictByAllianceKind, study.ByAllianceKind));
        Table(sb, $"Across kinds (each alliance-{study.By} pair judged once, on its strongest invoked promise)", study, Both(study.StrictByPair, study.ByPair));
        Table(sb, "Members (each obligated member in each alliance-war pair, judged on its own promises, lenient rule)", study, [study.Members]);
        sb.AppendLine(CultureInfo.InvariantCulture, $"Left out: {study.Consultation} consultation instances (no case of alliance performance in war, after Leeds); {study.WithoutAttribute} instances whose trigger has no '{study.By}'.");
        var undecided = study.Pairs.Count(p => p.Verdict == PairVerdict.Undecided);
        var undecidedStrict = study.Pairs.Count(p => p.StrictVerdict == PairVerdict.Undecided);
        if (undecided + undecidedStrict > 0) sb.AppendLine(CultureInfo.InvariantCulture, $"Undecided: {undecidedStrict} pairs under the strict rule, {undecided} under the lenient rule, wait for an analyst's judgment or for the war's end.");
        if (!study.Readings.IsEmpty) sb.AppendLine("Readings: " + ReadingsLine(study.Readings) + ".");
        sb.AppendLine();
        sb.AppendLine("Pairs");
        var rows = study.Pairs.Select(p => new[]
        {
            p.Treaty, p.War, DateText.Format(p.From), string.Join("+", p.Kinds.Select(ReliabilityStudy.Label)),
            N(p.Fulfilled), N(p.Violated), N(p.AlliesFought), N(p.Indeterminate), N(p.Pending), Verdict(p.StrictVerdict), Verdict(p.Verdict), p.Name ?? string.Empty,
        }).Prepend(["treaty", study.By, "from", "kinds", "fulfilled", "violated", "fought", "judgment", "pending", "strict", "lenient", "name"]).ToList();
        TextTable.Align(sb, rows, numericFrom: 4, numericTo: 8);
        return sb.ToString();
    }

    /// <summary>Each row of the strict rule, then the lenient one's, labelled so.</summary>
    private static List<StudyRow> Both(ImmutableArray<StudyRow> strict, ImmutableArray<StudyRow> lenient) =>
        [.. strict.Zip(lenient).SelectMany(x => new[] { Named(x.First, "strict"), Named(x.Second, "lenient") })];

    private static StudyRow Named(StudyRow row, string rule) => row with
    {
        Label = row.Label == "all pairs" ? rule : $"{rule}, {row.Label}",
    };

    private static void Coverage(StringBuilder sb, string by, StudyCoverage c)
    {
        sb.AppendLine(CultureInfo.InvariantCulture, $"Coverage (the universe: every alliance-{by} pair in which a member fought while a member)");
        List<string[]> rows = [["universe", N(c.Universe), ""], ["invoked", N(c.Invoked), Share(c.Invoked, c.Universe, "universe")]];
        rows.AddRange(c.NotInvoked.Select(r => new[] { "not invoked: " + r.Reason, N(r.Count), Share(r.Count, c.Universe, "universe") }));
        rows.Add(["decided, strict rule", N(c.DecidedStrict), Share(c.DecidedStrict, c.Invoked, "invoked")]);
        rows.AddRange(c.UndecidedStrict.Select(r => new[] { "undecided, strict rule: " + r.Reason, N(r.Count), Share(r.Count, c.Invoked, "invoked") }));
        rows.Add(["decided, lenient rule", N(c.DecidedLenient), Share(c.DecidedLenient, c.Invoked, "invoked")]);
        rows.AddRange(c.UndecidedLenient.Select(r => new[] { "undecided, lenient rule: " + r.Reason, N(r.Count), Share(r.Count, c.Invoked, "invoked") }));
        rows.Add(["invoked outside the universe", N(c.InvokedOutside), ""]);
        TextTable.Align(sb, rows, numericFrom: 1, numericTo: 2);
        sb.AppendLine();
    }

    private static string Share(int n, int of, string what) => of == 0
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{n * 100.0 / of:0.0}% of the {what}");

    private static void Table(StringBuilder sb, string title, ReliabilityStudy study, IReadOnlyList<StudyRow> rows)
    {
        sb.AppendLine(title);
        var before = $"before {study.Split}";
        var after = $"{study.Split} on";
        var cells = rows.Select(r => new[] { r.Label, Figure(r.All), Figure(r.Before), Figure(r.After) })
            .Prepend(["", "all years", before, after]).ToList();
        TextTable.Align(sb, cells, numericFrom: 1, numericTo: 3);
        sb.AppendLine();
    }

    private static string Figure(Tally t) => t.Reliability is { } r
        ? string.Create(CultureInfo.InvariantCulture, $"{t.Honoured}/{t.Invoked} = {r * 100:0.0}%")
        : "-";

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Verdict(PairVerdict v) => v switch
    {
        PairVerdict.NotInvoked => "not-invoked",
        _ => v.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// One entry per reading name, option and source: an imported rule set declares the same
    /// reading in many treaties (ATOP's 'adversary'), and a list of each would drown the figures.
    /// </summary>
    private static string ReadingsLine(IEnumerable<Model.Reading> readings) => string.Join(", ", readings
        .GroupBy(r => (r.Name, r.InForce, Source: JsonReportWriter.ReadingSource(r)))
        .Select(g => g.Count() == 1
            ? $"{g.First().QualifiedName}={g.Key.InForce} ({g.Key.Source})"
            : $"{g.Key.Name}={g.Key.InForce} ({g.Key.Source}) in {g.Count()} treaties{(g.Count() <= 5 ? $" ({string.Join(", ", g.Select(r => r.Treaty))})" : string.Empty)}"));
}
