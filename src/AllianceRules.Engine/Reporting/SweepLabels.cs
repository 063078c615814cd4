using AllianceRules.Evaluation;

namespace AllianceRules.Reporting;

/// <summary>
/// How the text, Markdown and HTML reports name a sweep: one assumption or reading keeps its bare values as
/// column labels (<c>P7D</c>), as before there could be several; several name each value
/// (<c>prompt=P7D grace=P1M</c>), since a bare <c>P7D P1M</c> would not say which is which.
/// </summary>
internal static class SweepLabels
{
    /// <summary>One label per combination, in the order of the statuses of a row.</summary>
    public static IReadOnlyList<string> Columns(Sweep sweep) => [.. sweep.Combinations.Select(c => sweep.Axes.Length == 1
        ? c[0]
        : string.Join(" ", sweep.Axes.Select((a, i) => $"{a.Name}={c[i]}")))];

    /// <summary>The assumptions' names: <c>prompt</c>, <c>prompt and grace</c>.</summary>
    public static string Names(Sweep sweep, string quote = "") => And(sweep.Axes.Select(a => quote + a.Name + quote));

    /// <summary>Each assumption with its values: <c>'prompt' (P7D, P30D) and 'grace' (P1M, P2M)</c>.</summary>
    public static string NamesWithValues(Sweep sweep, string quote = "") =>
        And(sweep.Axes.Select(a => $"{quote}{a.Name}{quote} ({string.Join(", ", a.Values)})"));

    /// <summary>What one column stands for, in sentences: a value of the one assumption, or a combination of several.</summary>
    public static string Unit(Sweep sweep) => sweep.Axes.Length == 1 ? "value" : "combination";

    private static string And(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}";
    }
}
