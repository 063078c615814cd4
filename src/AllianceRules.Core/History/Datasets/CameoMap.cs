using AllianceRules.Model;

namespace AllianceRules.History.Datasets;

/// <summary>
/// Maps an event code to a verb of the vocabulary: the verb whose declared CAMEO code is the
/// longest prefix of it (language.md 5.1 rule 17), so '0234' is 'request' when 'request' declares
/// 0234 and 'appeal' only 02.
/// </summary>
public sealed class CameoMap(IEnumerable<Verb> verbs)
{
    private readonly Dictionary<string, string> _byCode = verbs
        .SelectMany(v => v.Cameo.Select(c => (Code: c, Verb: v.Name)))
        .GroupBy(x => x.Code, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Verb, StringComparer.Ordinal);

    /// <summary>Each code's answer, once found: a dataset repeats a few hundred codes millions of times.</summary>
    private readonly Dictionary<string, string?> _answers = new(StringComparer.Ordinal);

    public string? VerbFor(string code)
    {
        if (_answers.TryGetValue(code, out var known)) return known;
        string? found = null;
        for (var length = Math.Min(code.Length, 4); length >= 2 && found is null; length--)
        {
            _byCode.TryGetValue(code[..length], out found);
        }
        // Codes come from the data, so the cache is bounded only by CAMEO's few hundred codes of 2 to 4 digits.
        if (_answers.Count < 100_000) _answers[code] = found;
        return found;
    }
}
