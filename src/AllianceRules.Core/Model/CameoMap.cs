namespace AllianceRules.Model;

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

    public string? VerbFor(string code)
    {
        for (var length = Math.Min(code.Length, 4); length >= 2; length--)
        {
            if (_byCode.TryGetValue(code[..length], out var verb)) return verb;
        }
        return null;
    }
}
