namespace AllianceRules.Diagnostics;

/// <summary>Finds the known name nearest to a misspelt one, by a bounded edit distance.</summary>
public static class SpellingSuggester
{
    public static string? Suggest(string misspelt, IEnumerable<string> candidates)
    {
        var ordered = candidates.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // A word cut short ('consult' for 'consultation') is far by edits but plainly meant.
        if (misspelt.Length >= 4 && ordered.Where(c => c != misspelt && c.StartsWith(misspelt, StringComparison.OrdinalIgnoreCase)).ToList() is [var only]) return only;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in ordered)
        {
            if (candidate == misspelt) continue;
            var distance = Distance(misspelt.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        // Allow about one edit in three characters, and at least one.
        var limit = Math.Max(1, Math.Max(misspelt.Length, 3) / 3);
        return bestDistance <= limit ? best : null;
    }

    /// <summary>" (did you mean 'x'?)" or the empty string.</summary>
    public static string DidYouMean(string misspelt, IEnumerable<string> candidates) =>
        Suggest(misspelt, candidates) is { } s ? $"; did you mean '{s}'?" : string.Empty;

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transposition).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
