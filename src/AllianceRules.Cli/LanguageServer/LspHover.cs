using System.Text;
using System.Text.Json.Nodes;
using AllianceRules.Binding;
using AllianceRules.Model;
using AllianceRules.Parsing;
using AllianceRules.Text;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>
/// <c>textDocument/hover</c> in a rule file or a history: what the verb, party code, treaty code,
/// rule id, reading or assumption under the cursor is, from the workspace's rule set. The name is
/// found in the parsed syntax (<see cref="LspSymbols"/>); what is said of it comes from the loaded
/// model, so a rule set with errors gives only the name and a word about the errors. On an event
/// of a history, what the event did in the workspace's evaluation follows (<see cref="LspHistoryHover"/>).
/// </summary>
internal static class LspHover
{
    public static JsonObject? Hover(LspWorkspace workspace, JsonNode? parameters)
    {
        if (LspSymbols.Locate(workspace, parameters, rulesOnly: true) is not { } located) return null;
        var rules = RuleSetLoader.Load(LspAnalysis.RuleFiles(located.Files)).Value;
        var text = Describe(located.Symbol, rules);
        if (located.InHistory && rules is not null) text += LspHistoryHover.Event(located);
        return new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = text },
            ["range"] = LspJson.Range(located.File, located.Symbol.Span),
        };
    }

    /// <summary>The hover's text, in Markdown.</summary>
    internal static string Describe(SymbolReference symbol, RuleSet? rules)
    {
        var name = symbol.Treaty is { } treaty ? $"{treaty}.{symbol.Name}" : symbol.Name;
        var head = $"**{Word(symbol.Kind)}** `{name}`";
        if (rules is null) return $"{head}\n\nThe rule set has errors; fix them to see more.";
        var text = symbol.Kind switch
        {
            SymbolKind.Verb => Verb(rules, symbol.Name),
            SymbolKind.Party => Party(rules, symbol.Name),
            SymbolKind.Rule => Rule(rules.FindTreaty(symbol.Treaty!), symbol.Name),
            SymbolKind.Reading => Reading(rules.FindTreaty(symbol.Treaty!), symbol.Name),
            SymbolKind.Treaty => Treaty(rules.FindTreaty(symbol.Name)),
            _ => Assumption(rules.FindTreaty(symbol.Treaty!), symbol.Name),
        };
        return $"{head}{text}";
    }

    private static string Word(SymbolKind kind) => kind switch
    {
        SymbolKind.Assumption => "assume",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Verb(RuleSet rules, string name) =>
        rules.Verbs.FirstOrDefault(v => v.Name == name) is not { } verb ? ": no vocabulary declares it."
        : $": {verb.Description ?? "(no description)"}\n\nCAMEO {(verb.Cameo.IsEmpty ? "codes: none" : string.Join(", ", verb.Cameo))}";

    private static string Party(RuleSet rules, string code)
    {
        var sb = new StringBuilder();
        foreach (var treaty in rules.Treaties)
        {
            var intervals = treaty.DeclaredMembers.Where(m => m.Party == code).ToList();
            if (intervals.Count == 0) continue;
            sb.Append("\n- `").Append(treaty.Code).Append("`: ");
            sb.AppendJoin("; ", intervals.Select(m => $"{m.Range}{(m.Frozen ? " (frozen)" : string.Empty)}{(m.Gate is { } gate ? $" if {gate}" : string.Empty)}"));
        }
        return sb.Length == 0 ? ": a member of no treaty of the rule set." : $": member of{sb}";
    }

    private static string Rule(Treaty? treaty, string id)
    {
        var versions = treaty?.DeclaredRules.Where(r => r.Id == id).ToList() ?? [];
        if (versions.Count == 0) return ": not found.";
        return string.Concat(versions.Select(rule =>
        {
            var sb = new StringBuilder().Append(" — ").Append(rule.Title).Append("\n\nkind: ").Append(rule.Kind.ToString().ToLowerInvariant());
            if (rule.Cites is { } cites) sb.Append("\n\ncites: ").Append(cites);
            if (rule.Quote is { } quote) sb.Append("\n\n> ").Append(quote.ReplaceLineEndings(" "));
            sb.Append("\n\neffective: ").Append(rule.Effective?.ToString() ?? "whenever the treaty is in force");
            return sb.ToString();
        }));
    }

    private static string Treaty(Treaty? treaty) => treaty is null ? ": no rule file declares it."
        : $" — {treaty.Title}\n\nsigned: {(treaty.Signed is { } signed ? DateText.Format(signed) : "not given")}; members: {string.Join(", ", treaty.DeclaredMembers.Select(m => m.Party).Distinct(StringComparer.Ordinal))}";

    private static string Reading(Treaty? treaty, string name)
    {
        if (treaty?.FindReading(name) is not { } reading) return ": not found.";
        var options = reading.Options.Select((o, i) => $"\n- `{o.Name}`{(i == 0 ? " (default)" : string.Empty)}: {o.Description}");
        return $" — {reading.Title}\n\nOptions:{string.Concat(options)}";
    }

    private static string Assumption(Treaty? treaty, string name)
    {
        var values = treaty?.DeclaredAssumptions.Where(a => a.Name == name).ToList() ?? [];
        if (values.Count == 0) return ": not found.";
        return string.Concat(values.Select(a =>
            $"\n\n= {PeriodText.Words(a.Declared)}{(a.Gate is { } gate ? $" if {gate}" : string.Empty)}{(a.Note is { } note ? $": {note}" : string.Empty)}"));
    }
}
