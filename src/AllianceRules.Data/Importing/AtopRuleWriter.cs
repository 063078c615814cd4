using System.Text;
using AllianceRules.Diagnostics;
using NodaTime;

namespace AllianceRules.Importing;

/// <summary>
/// Writes the rules of one ATOP alliance, obligation by obligation, with the comments that say
/// which codes each encodes (docs/importers.md, "Rules" and "Conditions").
/// </summary>
internal sealed class AtopRuleWriter(StringBuilder sb, string id)
{
    private const string War = "[war=@war] before _ endwar _ [war=@war]";

    private const string Attacking = "Neutrality: do not join a non-member that a member attacks";

    /// <summary>The readings some rule's gates name, which the treaty must then declare.</summary>
    public HashSet<AtopReading> UsedReadings { get; } = [];

    /// <summary>The rules of one coding of an obligation in a run of phases; returns how many were written.</summary>
    public int Emit(AtopObligation o, bool forbid, string coding, string label, List<int> phaseList, (LocalDate Start, LocalDate? End)? effective)
    {
        var symmetric = coding.StartsWith('=');
        var carriers = symmetric
            ? [(Party: (string?)null, Signature: coding[1..])]
            : coding.Split(';').Select(c => c.Split(':')).Select(p => (Party: (string?)p[0], Signature: p[1])).ToList();
        var phasesText = $"atopid {id}, {AtopImporter.PhaseList(phaseList)}";
        var count = 0;
        foreach (var (party, signature) in carriers)
        {
            var all = signature.Length == 0 ? [] : signature.Split(',');
            var conditions = all.Where(c => !c.Contains('=', StringComparison.Ordinal)).ToArray();
            var ruleId = (forbid ? (o.Kind == "nonaggression" ? "nonaggression" : $"{o.Kind}-allies") : o.Kind) + label + (party is null ? string.Empty : "-" + party.ToLowerInvariant());
            var request = !forbid && o.Kind == "consultation" && conditions.Contains("concoreq");
            // What the data say of each condition a reading settles; a request is no attack, so none applies to it.
            var found = request ? [] : AtopReading.All
                .Select(r => (Reading: r, Values: all.FirstOrDefault(c => c.StartsWith(r.Token, StringComparison.Ordinal))?[r.Token.Length..].Split('+')))
                .Where(f => f.Values is not null).ToDictionary(f => f.Reading, f => f.Values!);
            var title = forbid
                ? (o.Kind == "nonaggression" ? "Non-aggression" : char.ToUpperInvariant(o.Kind[0]) + o.Kind[1..]) + (party is null ? string.Empty : $" by {party}") + ": no force between members"
                : request ? $"Consultation{(party is null ? string.Empty : $" by {party}")} at a member's request"
                : party is null ? o.Title : o.Title.Replace(":", $" by {party}:", StringComparison.Ordinal);
            // A neutrality promise is engaged by a member's war, unless it holds only when the member is attacked (neucoatt) or did not provoke (neuconpr).
            bool[] shapes = !forbid && o.Kind == "neutrality" && !conditions.Contains("neucoatt") && !conditions.Contains("neuconpr") ? [false, true] : [false];
            foreach (var attacking in shapes)
            foreach (var version in Versions(found))
            {
                var id2 = attacking ? ruleId.Replace("neutrality", "neutrality-attacking", StringComparison.Ordinal) : ruleId;
                var title2 = attacking ? (party is null ? Attacking : Attacking.Replace(":", $" by {party}:", StringComparison.Ordinal)) : title;
                sb.AppendLine();
                sb.AppendLine($"  # ATOP 5.1 {phasesText}: {o.Variable} = 1 for {(party is null ? "every member" : party)}{(party is null ? string.Empty : " (not for every member: the obligation is asymmetric)")}.");
                var codes = string.Join(", ", conditions.Select(c => $"{c} = 1"));
                var forbidden = conditions.Where(c => c is "olimob" or "obvary");
                if (!forbid) sb.AppendLine($"  # Conditions ({o.Summary ?? "none coded"}{(o.Summary is null ? string.Empty : ", " + string.Join(", ", o.Conditions))}, olimob, obvary): {(conditions.Length == 0 ? "none" : codes)}.");
                else if (o.Kind == "nonaggression") sb.AppendLine($"  # Members must not use force against each other{Codes(forbidden)}.");
                else sb.AppendLine($"  # Leeds: members fighting each other break a {o.Kind} pledge as much as a non-aggression one{Codes(forbidden)}.");
                if (!forbid)
                {
                    foreach (var line in Notes(o, conditions, version, found, attacking)) sb.AppendLine($"  # {line}");
                }
                sb.AppendLine($"  rule {id2} \"{title2}\" {{");
                sb.AppendLine($"    kind {o.Kind}");
                sb.AppendLine($"    cites \"ATOP 5.1 atopid {id}: {o.Variable}\"");
                if (effective is { } e) sb.AppendLine($"    effective {AtopImporter.Interval(e.Start, e.End)}");
                foreach (var (reading, settled) in version)
                {
                    sb.AppendLine($"    if reading {reading.Name} is {(settled ? reading.Option : AtopReading.Analyst)}");
                    UsedReadings.Add(reading);
                }
                var read = version.Where(v => v.Settled).ToDictionary(v => v.Reading, v => found[v.Reading]);
                foreach (var line in Body(o, forbid, party, request, read, attacking)) sb.AppendLine($"    {line}");
                if (Judgment(o, conditions, party, read.Keys) is { } judgment) sb.AppendLine($"    judgment \"{judgment}\"");
                sb.AppendLine("  }");
                count++;
            }
        }
        return count;
    }

    /// <summary>
    /// One version of a rule per choice of the readings the data inform: each reading either read
    /// (true) or left to an analyst (false); the versions' gates exclude each other, so they share an id.
    /// </summary>
    private static List<List<(AtopReading Reading, bool Settled)>> Versions(Dictionary<AtopReading, string[]> found)
    {
        List<List<(AtopReading, bool)>> versions = [[]];
        foreach (var reading in AtopReading.All.Where(found.ContainsKey))
        {
            versions = [.. versions.SelectMany(v => new[] { true, false }.Select(settled => (List<(AtopReading, bool)>)[.. v, (reading, settled)]))];
        }
        return versions;
    }

    private static string Codes(IEnumerable<string> codes) => codes.Any() ? $" ({string.Join(", ", codes.Select(c => $"{c} = 1"))})" : string.Empty;

    /// <summary>What the comments say about conditions the rule encodes, and about consultation.</summary>
    private static IEnumerable<string> Notes(AtopObligation o, string[] conditions, List<(AtopReading Reading, bool Settled)> version, Dictionary<AtopReading, string[]> found, bool attacking)
    {
        var readings = version.Select(v => Note(v.Reading, conditions.First(v.Reading.Settles), v.Settled, found[v.Reading]));
        if (attacking)
        {
            yield return "neucoatt = 0 and neuconpr = 0: the promise not to join a conflict between a member and a third party on";
            yield return "the adversary's side (neutral) holds whoever began it, so a member that attacks engages it too.";
            yield return "Violated when the ally joins the war on the side of the member's adversary before the war ends.";
            foreach (var line in readings) yield return line;
            yield break;
        }
        if (conditions.Any(c => c.EndsWith("conpr", StringComparison.Ordinal)))
        {
            yield return $"{o.Variable[..3]}conpr = 1 (only if the ally did not provoke): the COW histories have the attacks run from the";
            yield return "side that initiated the war, so a member they show attacked did not provoke; nothing more to check.";
        }
        if (conditions.Contains("neucoatt")) yield return "neucoatt = 1 (only if the ally is attacked): the trigger is an attack on the member.";
        if (conditions.Contains("concoreq")) yield return "concoreq = 1 (only at an ally's request): the trigger is the member's request.";
        foreach (var line in readings) yield return line;
        if (o.Kind == "consultation") yield return "Leeds excludes consultation pacts from alliance reliability: these instances are reported, not counted in the study.";
        if (o.Kind == "defense") yield return "Leeds: invoked when a member is attacked; honoured when the ally joins the war on its side before the war ends.";
        if (o.Kind == "offense") yield return "Leeds: invoked when a member attacks a non-member; honoured when the ally joins the war on its side before it ends.";
        if (o.Kind == "neutrality") yield return "Leeds: invoked when a member is attacked; violated when the ally fights it before the war ends.";
    }

    /// <summary>What one version does with the condition <paramref name="variable"/>, which <paramref name="reading"/> settles.</summary>
    private static string Note(AtopReading reading, string variable, bool settled, string[] values)
    {
        var what = reading == AtopReading.Adversary ? "adversary" : reading == AtopReading.Location ? "location" : "conflict";
        if (!settled) return $"{variable} = 1: under the reading '{AtopReading.Analyst}' the {what} is left to an analyst.";
        if (reading == AtopReading.Adversary) return $"{variable} = 1 and the treaty names its threat (statthr1, statthr2: {string.Join(", ", values)}): under the default reading the adversary is that threat.";
        if (reading == AtopReading.Location) return $"{variable} = 1: under the default reading the location is the member's own region, met when the member fought in the region it lies in (COW WhereFought).";
        if (Wars(values) is null) return $"{variable} = 1 and the treaty names its threat (statthr1, statthr2: {string.Join(", ", values)}): under the default reading the conflict is a war against that threat.";
        return $"{variable} = 1, no named threat is this obligation's adversary, and ATOP records members fighting war {Friendly.List(values, "and")} when they joined (cowwar): under the default reading the conflict is that war.";
    }

    /// <summary>The conflict as COW war numbers; null when the data give it as the threat's party codes instead.</summary>
    private static string[]? Wars(string[] conflict) => conflict.All(v => v.All(char.IsAsciiDigit)) ? conflict : null;

    /// <summary>The states the trigger's adversary must be among: the named threat, and the threat that names the conflict.</summary>
    private static string[]? Adversaries(Dictionary<AtopReading, string[]> read)
    {
        var states = read.GetValueOrDefault(AtopReading.Adversary);
        if (read.TryGetValue(AtopReading.Conflict, out var conflict) && Wars(conflict) is null) states = states is null ? conflict : [.. states.Intersect(conflict, StringComparer.Ordinal)];
        return states;
    }

    /// <summary>The attribute tests of a trigger for what the readings settle: the war, and where the member fought.</summary>
    private static string Tests(Dictionary<AtopReading, string[]> read, string homeAttribute)
    {
        var tests = new List<string>();
        if (read.TryGetValue(AtopReading.Conflict, out var conflict) && Wars(conflict) is { } wars) tests.Add($"war in [{string.Join(", ", wars)}]");
        if (read.ContainsKey(AtopReading.Location)) tests.Add($"{homeAttribute}=yes");
        return tests.Count == 0 ? string.Empty : $" [{string.Join(", ", tests)}]";
    }

    private static IEnumerable<string> Body(AtopObligation o, bool forbid, string? party, bool request, Dictionary<AtopReading, string[]> read, bool attacking)
    {
        var carrier = party is null ? string.Empty : $" and {party} is member";
        var threat = Adversaries(read);
        if (forbid)
        {
            yield return party is null ? "forbid $a attack $b where $a is member and $b is member" : $"forbid {party} attack $b where {party} is member and $b is member";
            yield break;
        }
        if (request)
        {
            yield return party is null ? "when $v request $ally where $v is member and $ally is member and $ally != $v" : $"when $v request {party} where $v is member{carrier} and $v != {party}";
            yield return $"then {party ?? "$ally"} must consult $v {War}";
            yield break;
        }
        if (attacking)
        {
            yield return $"when $m attack $t{Tests(read, CowRegions.ActorAttribute)} where $m is member and not ($t is member)" + (threat is null ? string.Empty : $" and $t in [{string.Join(", ", threat)}]") + (party is null ? string.Empty : $"{carrier} and $m != {party}");
            yield return $"then {party ?? "each member $ally except $m"} must not assist $t {War}";
            yield break;
        }
        // The member's own fighting is what a location condition looks at: the attacked member's, or the attacking member's under offense.
        var (victim, adversary, trigger) = o.Kind == "offense"
            ? ("$m", "$t", $"when $m attack $t{Tests(read, CowRegions.ActorAttribute)} where $m is member and not ($t is member)")
            : ("$v", "$a", $"when $a attack $v{Tests(read, CowRegions.TargetAttribute)} where $v is member and not ($a is member)");
        var named = threat is null ? string.Empty : $" and {adversary} in [{string.Join(", ", threat)}]";
        yield return trigger + named + (party is null ? string.Empty : $"{carrier} and {victim} != {party}");
        var subject = party ?? $"each member $ally except {victim}";
        yield return o.Kind switch
        {
            "neutrality" => $"then {subject} must not attack {victim} {War}",
            "consultation" => $"then {subject} must consult {victim} {War}",
            _ => $"then {subject} must assist {victim} {War}",
        };
    }

    /// <summary>
    /// The rule's 'judgment' when ATOP codes a condition the data cannot check; null when none.
    /// The conditions of the readings in <paramref name="settled"/> are in the rule.
    /// </summary>
    private static string? Judgment(AtopObligation o, string[] conditions, string? party, IEnumerable<AtopReading> settled)
    {
        var which = conditions.Where(c => c.Length == 8 && AtopObligation.Unverifiable.ContainsKey(c[5..]) && c != o.Summary && !settled.Any(r => r.Settles(c)))
            .Select(c => $"{AtopObligation.Unverifiable[c[5..]]} ({c})").ToList();
        if (conditions.Contains("olimob")) which.Add("a condition its other codes do not cover (olimob)");
        var parts = new List<string>();
        if (which.Count > 0)
        {
            parts.Add($"ATOP codes this obligation as conditional on {Friendly.List(which, "and")}, which the data do not identify");
        }
        else if (o.Summary is { } summary && conditions.Contains(summary) && !conditions.Any(c => c != summary && c.StartsWith(summary[..3], StringComparison.Ordinal) && c != "obvary" && c != "olimob"))
        {
            parts.Add($"ATOP codes this obligation as conditional ({summary}) without saying on what");
        }
        if (conditions.Contains("obvary"))
        {
            parts.Add($"ATOP codes {party ?? "each member"}'s obligations as differing between its partners (obvary) without saying towards which");
        }
        return parts.Count == 0 ? null : string.Join("; ", parts) + "; whether a war meets the coding needs an analyst's judgment";
    }
}
