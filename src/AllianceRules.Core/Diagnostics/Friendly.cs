namespace AllianceRules.Diagnostics;

/// <summary>Builds lists for messages: "A", "A or B", "A, B or C".</summary>
public static class Friendly
{
    public static string List(IEnumerable<string> items, string conjunction = "or")
    {
        var list = items.Distinct(StringComparer.Ordinal).ToList();
        return list.Count switch
        {
            0 => "nothing",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + $" {conjunction} " + list[^1],
        };
    }
}
