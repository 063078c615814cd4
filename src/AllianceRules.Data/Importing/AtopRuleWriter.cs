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

    /// <summary>Whether a rule is gated by the reading of <see cref="AtopThreat"/>, which the treaty must then declare.</summary>
    public bool UsesThreatReading { get; private set; }

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
            var threat = all.FirstOrDefault(c => c.StartsWith(AtopObligation.ThreatToken, StringComparison.Ordinal))?[AtopObligation.ThreatToken.Length..].Split('+');
            var conditions = all.Where(c => !c.StartsWith(AtopObligation.ThreatToken, StringComparison.Ordinal)).ToArray();
            var ruleId = (forbid ? (o.Kind == "nonaggression" ? "nonaggression" : $"{o.Kind}-allies") : o.Kind) + label + (party is null ? string.Empty : "-" + party.ToLowerInvariant());
            var request = !forbid && o.Kind == "consultation" && conditions.Contains("concoreq");
            if (request) threat = null;
            var title = forbid
                ? (o.Kind == "nonaggression" ? "Non-aggression" : char.ToUpperInvariant(o.Kind[0]) + o.Kind[1..]) + (party is null ? string.Empty : $" by {party}") + ": no force between members"
                : request ? $"Consultation{(party is null ? string.Empty : $" by {party}")} at a member's request"
                : party is null ? o.Title : o.Title.Replace(":", $" by {party}:", StringComparison.Ordinal);
            List<(string? Gate, string[]? Threat)> versions = threat is null ? [(null, null)] : [(AtopThreat.Named, threat), (AtopThreat.Analyst, null)];
            // A neutrality promise is engaged by a member's war, unless it holds only when the member is attacked (neucoatt) or did not provoke (neuconpr).
            bool[] shapes = !forbid && o.Kind == "neutrality" && !conditions.Contains("neucoatt") && !conditions.Contains("neuconpr") ? [false, true] : [false];
            foreach (var attacking in shapes)
            foreach (var (gate, named) in versions)
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
                    foreach (var line in Notes(o, conditions, gate, threat, attacking)) sb.AppendLine($"  # {line}");
                }
                sb.AppendLine($"  rule {id2} \"{title2}\" {{");
                sb.AppendLine($"    kind {o.Kind}");
                sb.AppendLine($"    cites \"ATOP 5.1 atopid {id}: {o.Variable}\"");
                if (effective is { } e) sb.AppendLine($"    effective {AtopImporter.Interval(e.Start, e.End)}");
                if (gate is not null)
                {
                    sb.AppendLine($"    if reading {AtopThreat.Reading} is {gate}");
                    UsesThreatReading = true;
                }
                foreach (var line in Body(o, forbid, party, request, named, attacking)) sb.AppendLine($"    {line}");
                if (Judgment(o, conditions, party, named is not null) is { } judgment) sb.AppendLine($"    judgment \"{judgment}\"");
                sb.AppendLine("  }");
                count++;
            }
        }
        return count;
    }

    private static string Codes(IEnumerable<string> codes) => codes.Any() ? $" ({string.Join(", ", codes.Select(c => $"{c} = 1"))})" : string.Empty;

    /// <summary>What the comments say about conditions the rule encodes, and about consultation.</summary>
    private static IEnumerable<string> Notes(AtopObligation o, string[] conditions, string? gate, string[]? threat, bool attacking)
    {
        if (attacking)
        {
            yield return "neucoatt = 0 and neuconpr = 0: the promise not to join a conflict between a member and a third party on";
            yield return "the adversary's side (neutral) holds whoever began it, so a member that attacks engages it too.";
            yield return "Violated when the ally joins the war on the side of the member's adversary before the war ends.";
            if (gate == AtopThreat.Named) yield return $"{o.Adversary} = 1 and the treaty names its threat (statthr1, statthr2: {string.Join(", ", threat!)}): under the default reading the adversary is that threat.";
            if (gate == AtopThreat.Analyst) yield return $"{o.Adversary} = 1: under the reading '{AtopThreat.Analyst}' the adversary is left to an analyst.";
            yield break;
        }
        if (conditions.Any(c => c.EndsWith("conpr", StringComparison.Ordinal)))
        {
            yield return $"{o.Variable[..3]}conpr = 1 (only if the ally did not provoke): the COW histories have the attacks run from the";
            yield return "side that initiated the war, so a member they show attacked did not provoke; nothing more to check.";
        }
        if (conditions.Contains("neucoatt")) yield return "neucoatt = 1 (only if the ally is attacked): the trigger is an attack on the member.";
        if (conditions.Contains("concoreq")) yield return "concoreq = 1 (only at an ally's request): the trigger is the member's request.";
        if (gate == AtopThreat.Named) yield return $"{o.Adversary} = 1 and the treaty names its threat (statthr1, statthr2: {string.Join(", ", threat!)}): under the default reading the adversary is that threat.";
        if (gate == AtopThreat.Analyst) yield return $"{o.Adversary} = 1: under the reading '{AtopThreat.Analyst}' the adversary is left to an analyst.";
        if (o.Kind == "consultation") yield return "Leeds excludes consultation pacts from alliance reliability: these instances are reported, not counted in the study.";
        if (o.Kind == "defense") yield return "Leeds: invoked when a member is attacked; honoured when the ally joins the war on its side before the war ends.";
        if (o.Kind == "offense") yield return "Leeds: invoked when a member attacks a non-member; honoured when the ally joins the war on its side before it ends.";
        if (o.Kind == "neutrality") yield return "Leeds: invoked when a member is attacked; violated when the ally fights it before the war ends.";
    }

    private static IEnumerable<string> Body(AtopObligation o, bool forbid, string? party, bool request, string[]? threat, bool attacking)
    {
        var carrier = party is null ? string.Empty : $" and {party} is member";
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
            yield return "when $m attack $t where $m is member and not ($t is member)" + (threat is null ? string.Empty : $" and $t in [{string.Join(", ", threat)}]") + (party is null ? string.Empty : $"{carrier} and $m != {party}");
            yield return $"then {party ?? "each member $ally except $m"} must not assist $t {War}";
            yield break;
        }
        var (victim, adversary, trigger) = o.Kind == "offense"
            ? ("$m", "$t", "when $m attack $t where $m is member and not ($t is member)")
            : ("$v", "$a", "when $a attack $v where $v is member and not ($a is member)");
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
    /// With <paramref name="adversaryNamed"/>, the condition on an adversary is in the rule.
    /// </summary>
    private static string? Judgment(AtopObligation o, string[] conditions, string? party, bool adversaryNamed)
    {
        var which = conditions.Where(c => c.Length == 8 && AtopObligation.Unverifiable.ContainsKey(c[5..]) && c != o.Summary && !(adversaryNamed && c == o.Adversary))
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
