using AllianceRules.Binding;
using AllianceRules.Diagnostics;
using AllianceRules.Syntax;
using FluentValidation;

namespace AllianceRules.Validation;

/// <summary>
/// Readings: each declared once with at least one option; every test of one (a condition atom, or
/// the <c>if</c> of a member interval or an assumption) names a reading of its treaty and one of
/// its options; and every assumption has a value under every combination of readings.
/// </summary>
internal static class ReadingChecks
{
    public static void CheckDeclarations(BoundTreaty treaty, ValidationContext<BoundTreaty> context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var assumptions = treaty.Items<AssumeSyntax>().Select(a => a.Name.Text).ToHashSet(StringComparer.Ordinal);
        foreach (var reading in treaty.Items<ReadingSyntax>())
        {
            var name = reading.Name.Text;
            if (!seen.Add(name)) context.Report(DiagnosticCatalog.DuplicateReading(treaty.At(reading.Name), treaty.Code, name));
            if (assumptions.Contains(name)) context.Report(DiagnosticCatalog.ReadingNamesAssumption(treaty.At(reading.Name), treaty.Code, name));
            if (reading.Options.Count == 0) context.Report(DiagnosticCatalog.ReadingWithoutOption(treaty.At(reading.Name), treaty.Code, name));
            var options = new HashSet<string>(StringComparer.Ordinal);
            foreach (var option in reading.Options.Where(o => !options.Add(o.Name.Text)))
            {
                context.Report(DiagnosticCatalog.DuplicateReadingOption(treaty.At(option.Name), name, option.Name.Text));
            }
        }
        foreach (var gate in treaty.ReadingGates()) CheckTest(context, treaty, gate);
        CheckAssumptionsCovered(treaty, context);
    }

    /// <summary>The reading and option a test names exist in the treaty (a reading of a broken treaty may just be unseen).</summary>
    public static void CheckTest<T>(ValidationContext<T> context, BoundTreaty treaty, ReadingTestSyntax test)
    {
        var readings = treaty.Symbols.ReadingsOf(treaty.Code);
        if (!readings.TryGetValue(test.Reading.Text, out var reading))
        {
            if (treaty.Symbols.AssumptionsComplete(treaty.Code))
            {
                context.Report(DiagnosticCatalog.UnknownReading(treaty.At(test.Reading), test.Reading.Text, treaty.Code, readings.Keys));
            }
            return;
        }
        var options = reading.Options.Select(o => o.Name.Text).ToList();
        // A broken item of the treaty may be an option of this reading: an unknown option would only repeat that error.
        if (options.Count > 0 && !options.Contains(test.Option.Text) && treaty.Symbols.AssumptionsComplete(treaty.Code))
        {
            context.Report(DiagnosticCatalog.UnknownReadingOption(treaty.At(test.Option), reading.Name.Text, test.Option.Text, options));
        }
    }

    /// <summary>Whether two gates can hold at once: they cannot when they give one reading options that exclude each other.</summary>
    public static bool CanHoldTogether(ReadingTestSyntax? a, ReadingTestSyntax? b, IReadOnlyDictionary<string, ReadingSyntax> readings) =>
        CanHoldTogether(a is null ? [] : [a], b is null ? [] : [b], readings);

    /// <summary>
    /// Whether two sets of gates (all of each must hold) can hold at once: not when, for some reading,
    /// no option passes every test of both. Readings are chosen apart, so one reading decides it.
    /// </summary>
    public static bool CanHoldTogether(IReadOnlyCollection<ReadingTestSyntax> a, IReadOnlyCollection<ReadingTestSyntax> b, IReadOnlyDictionary<string, ReadingSyntax> readings) =>
        ExcludedReading([.. a, .. b], readings) is null;

    /// <summary>The first reading for which no option passes every one of <paramref name="tests"/>, if any.</summary>
    public static string? ExcludedReading(IReadOnlyCollection<ReadingTestSyntax> tests, IReadOnlyDictionary<string, ReadingSyntax> readings)
    {
        foreach (var group in tests.GroupBy(t => t.Reading.Text, StringComparer.Ordinal))
        {
            if (!readings.TryGetValue(group.Key, out var reading)) continue;
            if (!reading.Options.Any(o => group.All(t => Holds(t, o.Name.Text)))) return group.Key;
        }
        return null;
    }

    /// <summary>Whether a test names a reading of the treaty and one of its options (else it is reported where written).</summary>
    public static bool IsKnown(ReadingTestSyntax test, IReadOnlyDictionary<string, ReadingSyntax> readings) =>
        readings.TryGetValue(test.Reading.Text, out var reading) && reading.Options.Any(o => o.Name.Text == test.Option.Text);

    public static bool Holds(ReadingTestSyntax test, string option) => (test.Option.Text == option) != test.Negated;

    /// <summary>
    /// Declarations of one assumption name are tried in order and the first whose <c>if</c> holds
    /// gives the value, else the one without <c>if</c>. With none without, each combination of
    /// the readings the <c>if</c>s test must be met by one of them.
    /// </summary>
    private static void CheckAssumptionsCovered(BoundTreaty treaty, ValidationContext<BoundTreaty> context)
    {
        var readings = treaty.Symbols.ReadingsOf(treaty.Code);
        // A broken item may be the declaration that covers the rest: the gap would only repeat its error.
        if (!treaty.Symbols.AssumptionsComplete(treaty.Code)) return;
        foreach (var group in treaty.Items<AssumeSyntax>().GroupBy(a => a.Name.Text, StringComparer.Ordinal))
        {
            var declarations = group.ToList();
            if (declarations.Any(d => d.Gate is null)) continue;
            var tested = declarations.Select(d => d.Gate!.Reading.Text).Distinct(StringComparer.Ordinal).ToList();
            // An unknown reading or option is reported where it is written; coverage would only repeat it.
            if (!tested.All(readings.ContainsKey)) continue;
            foreach (var combination in Combinations(tested, readings))
            {
                if (declarations.Any(d => Holds(d.Gate!, combination[d.Gate!.Reading.Text]))) continue;
                var when = string.Join(" and ", tested.Select(r => $"reading '{r}' is '{combination[r]}'"));
                context.Report(DiagnosticCatalog.AssumptionWithoutValue(treaty.At(declarations[0].Name), treaty.Code, group.Key, when));
                break;
            }
        }
    }

    /// <summary>Every way of choosing one option for each of <paramref name="names"/>.</summary>
    public static IEnumerable<Dictionary<string, string>> Combinations(IReadOnlyList<string> names, IReadOnlyDictionary<string, ReadingSyntax> readings)
    {
        IEnumerable<Dictionary<string, string>> product = [new(StringComparer.Ordinal)];
        foreach (var name in names)
        {
            var options = readings[name].Options.Select(o => o.Name.Text).ToList();
            product = product.SelectMany(prefix => options.Select(o => new Dictionary<string, string>(prefix, StringComparer.Ordinal) { [name] = o }));
        }
        return product;
    }
}
