using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AllianceRules.Binding;
using AllianceRules.Parsing;
using AllianceRules.Text;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>
/// <c>textDocument/completion</c>: in a rule file the keywords the place allows, rule kinds,
/// verbs, parties, variables of the rule, and the assumptions and readings of the treaty in scope;
/// in a history line the parties and verbs. The place is read from the text before the cursor
/// alone (<see cref="CompletionContext"/>), since a buffer being typed seldom parses; the names
/// come from the workspace's rule files as the parser recovered them, with each file's last
/// parse without errors added, so a name stays on offer while its file is broken.
/// </summary>
internal static class LspCompletion
{
    // CompletionItemKind values of the protocol.
    private const int Function = 3;
    private const int Variable = 6;
    private const int Module = 9;
    private const int Value = 12;
    private const int Keyword = 14;
    private const int EnumMember = 20;
    private const int Constant = 21;
    private const int Enum = 13;

    private static readonly ConcurrentDictionary<string, DeclaredNames> LastGood = new(StringComparer.Ordinal);

    /// <param name="insertReplace">Whether the client takes an InsertReplaceEdit (<c>completionItem.insertReplaceSupport</c>).</param>
    public static JsonObject Complete(LspWorkspace workspace, JsonNode? parameters, bool insertReplace = false)
    {
        var uri = LspJson.RequireString(parameters, "textDocument", "uri");
        var line = LspJson.Int(parameters, "position", "line") ?? throw new LspParamsException("'position.line' is missing or not a number");
        var character = LspJson.Int(parameters, "position", "character") ?? throw new LspParamsException("'position.character' is missing or not a number");
        var items = new JsonArray();
        var result = new JsonObject { ["isIncomplete"] = false, ["items"] = items };
        if (LspUris.ToPath(uri) is not { } path) return result;
        var isRules = path.EndsWith(".treaty", StringComparison.Ordinal);
        if (!isRules && !path.EndsWith(".events", StringComparison.Ordinal)) return result;
        var snapshot = workspace.Snapshot();
        var text = snapshot.Open.GetValueOrDefault(path)?.Text ?? (File.Exists(path) ? File.ReadAllText(path) : null);
        if (text is null || line < 0 || character < 0) return result;
        var file = new SourceFile(path, text);
        if (LspLines.Offset(text, line, character) is not { } offset) return result;
        var context = isRules ? CompletionContext.InRules(text, offset) : CompletionContext.InHistory(text, offset);
        if (context is null) return result;
        // Completing mid-word inserts before the rest of the word (`must n|assist` keeps 'assist'); a
        // client that takes an InsertReplaceEdit is also given the whole word, to replace when its user asks.
        var wordEnd = offset;
        while (wordEnd < text.Length && CompletionContext.IsWordChar(text[wordEnd])) wordEnd++;
        var names = Names(snapshot);
        var offers = new List<JsonObject>();
        foreach (var (label, kind, detail) in isRules ? RuleOffers(context, names, snapshot) : HistoryOffers(context, names, snapshot))
        {
            if (offers.Any(o => (string?)o["label"] == label)) continue;
            var item = new JsonObject
            {
                ["label"] = label,
                ["kind"] = kind,
                ["sortText"] = offers.Count.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
                ["textEdit"] = insertReplace
                    ? new JsonObject { ["newText"] = label, ["insert"] = LspJson.Range(file, TextSpan.FromBounds(context.PrefixStart, offset)), ["replace"] = LspJson.Range(file, TextSpan.FromBounds(context.PrefixStart, wordEnd)) }
                    : new JsonObject { ["range"] = LspJson.Range(file, TextSpan.FromBounds(context.PrefixStart, offset)), ["newText"] = label },
            };
            if (detail is not null) item["detail"] = detail;
            offers.Add(item);
        }
        // Added as a JsonNode: the generic Add<T> would go through reflection (not AOT-safe).
        foreach (var o in offers) items.Add((JsonNode)o);
        return result;
    }

    private static IEnumerable<(string Label, int Kind, string? Detail)> RuleOffers(CompletionContext c, IReadOnlyList<DeclaredNames> names, WorkspaceSnapshot snapshot)
    {
        var treaty = names.SelectMany(n => n.Treaties).Where(t => t.Code == c.Treaty).ToList();
        var (p1, p2, p3, p4) = (c.Back(1), c.Back(2), c.Back(3), c.Back(4));
        IEnumerable<(string, int, string?)> Words(IEnumerable<string> words) => words.Select(w => (w, Keyword, (string?)null));
        IEnumerable<(string, int, string?)> Verbs() => names.SelectMany(n => n.Verbs).Select(v => (v.Name, Function, (string?)(v.Description ?? "verb")));
        IEnumerable<(string, int, string?)> Options(string reading) =>
            treaty.SelectMany(t => t.Readings).Where(r => r.Name == reading).SelectMany(r => r.Options).Select(o => (o.Name, EnumMember, (string?)o.Description));
        IEnumerable<(string, int, string?)> Terms() => c.Variables.Select(v => (v, Variable, (string?)"variable of this rule")).Concat(Parties(names, HistoryParties(snapshot)));

        if (c.Block is null) return c.AtLineStart ? Words(LanguageWords.TopLevel) : [];
        if (c.AtLineStart)
        {
            // Items start lines; in a rule, so may the clauses that continue one.
            return c.Block switch
            {
                "vocabulary" => Words(LanguageWords.VocabularyItems),
                "treaty" => Words(LanguageWords.TreatyItems),
                "members" => Parties(names, HistoryParties(snapshot)),
                "rule" => Words([.. LanguageWords.RuleItems, "where", "then", "must", "and", "or"]),
                _ => [],
            };
        }
        if (p1 == "kind") return LanguageWords.Kinds.Select(k => (k, EnumMember, (string?)"rule kind"));
        if (p1 == "if") return Words(["reading"]);
        if (p1 == "reading") return c.Block == "treaty" && c.OnLine == 1 ? [] : treaty.SelectMany(t => t.Readings).Select(r => (r.Name, Enum, (string?)r.Title));
        if (p2 == "reading" && IsName(p1)) return Words(["is"]);
        if (p3 == "reading" && p1 == "is") return Words(["not"]).Concat(Options(p2!));
        if (p4 == "reading" && p2 == "is" && p1 == "not") return Options(p3!);
        if (p1 is "within" or "every") return treaty.SelectMany(t => t.Assumptions).Select(a => (a.Name, Value, (string?)$"= {a.Period}{(a.Note is { } note ? $": {note}" : string.Empty)}"));
        if (p1 == "is") return Words(["not", "member", "frozen"]);
        if (p1 == "not" && p2 == "is") return Words(["member", "frozen"]);
        if (p1 == "of") return names.SelectMany(n => n.Treaties).Select(t => (t.Code, Module, (string?)t.Title));
        if (p1 == "there") return Words(["was"]);
        if (p1 == "each") return Words(["member"]);
        if (p1 == "must") return Words(["not"]).Concat(Verbs());
        if (p1 == "not" && p2 == "must") return Verbs();
        if (IsTerm(p1) && p2 is "when" or "forbid" or "until" or "was" or "before") return Verbs();
        switch (c.Block)
        {
            case "vocabulary":
                return c.LineHas("verb") && !c.LineHas("cameo") ? Words(["cameo"]) : [];
            case "members":
                return Words(["frozen", "if"]);
            case "treaty":
                return c.LineHas("assume") ? Words(["if"]) : [];
            case "rule":
                // A pattern's verb is followed by its target (when/forbid/until/was/before TERM VERB, must [not] VERB).
                if (IsName(p1) && p1 != "not" && ((IsTerm(p2) && p3 is "when" or "forbid" or "until" or "was" or "before") || p2 == "must" || (p2 == "not" && p3 == "must"))) return Terms();
                // TERM not in [...]: the only word after a term's 'not'.
                if (p1 == "not" && IsTerm(p2)) return Words(["in"]);
                if (p1 is "then") return Words(["each"]).Concat(Terms());
                if (p1 is "where" or "unless" or "and" or "or" or "not" or "(") return Words(["there", "not", "reading"]).Concat(Terms());
                if (p1 is "when" or "forbid" or "until" or "was" or "before" or "except" or "through" or "=" or "!=" or "[" or ",") return Terms();
                return Words(LanguageWords.Clauses);
            default:
                return [];
        }
    }

    private static IEnumerable<(string Label, int Kind, string? Detail)> HistoryOffers(CompletionContext c, IReadOnlyList<DeclaredNames> names, WorkspaceSnapshot snapshot)
    {
        if (c.AtLineStart) return LanguageWords.HistoryLines.Select(w => (w, Keyword, (string?)null));
        // DATE [.. DATE] ACTOR VERB TARGET ...: where the cursor is among those.
        var words = c.LineWords;
        if (words.Count == 0 || !char.IsAsciiDigit(words[0][0])) return [];
        var actor = words.Count >= 2 && words[1] == ".." ? 3 : 1;
        if (words.Count == actor || words.Count == actor + 2) return Parties(names, HistoryParties(snapshot));
        if (words.Count == actor + 1) return names.SelectMany(n => n.Verbs).Select(v => (v.Name, Function, (string?)(v.Description ?? "verb")));
        return [];
    }

    /// <summary>Members of the treaties, the treaties themselves (organisations act too), and the parties of histories.</summary>
    private static IEnumerable<(string Label, int Kind, string? Detail)> Parties(IReadOnlyList<DeclaredNames> names, IEnumerable<string> fromHistories)
    {
        var treaties = names.SelectMany(n => n.Treaties).ToList();
        foreach (var code in treaties.SelectMany(t => t.Members).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            yield return (code, Constant, $"member of {string.Join(", ", treaties.Where(t => t.Members.Contains(code)).Select(t => t.Code).Distinct())}");
        }
        foreach (var t in treaties) yield return (t.Code, Module, t.Title);
        foreach (var code in fromHistories) yield return (code, Constant, "party of the histories");
    }

    /// <summary>
    /// The actors and targets of the workspace's .events and .jsonl histories, read with the
    /// history syntax (<see cref="HistorySymbols"/>). Only those files are read, and each only when
    /// it changed: the parties are kept by path, under the buffer's text when it is open, else the
    /// file's length and time of last writing.
    /// </summary>
    private static SortedSet<string> HistoryParties(WorkspaceSnapshot snapshot)
    {
        // The histories whose text the history syntax reads (a dataset's .tsv is not its syntax; a .gz buffer is not its text).
        static bool IsHistory(string path) => !path.EndsWith(".gz", StringComparison.Ordinal) && LspAnalysis.KindOf(path) is InputKind.Events or InputKind.JsonLines or InputKind.Csv;
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var paths = new SortedSet<string>(snapshot.Open.Keys.Where(IsHistory), StringComparer.Ordinal);
        if (snapshot.Root is { } root && Directory.Exists(root))
        {
            paths.UnionWith(InputDiscovery.Discover([root]).Files.Select(f => f.FullPath).Where(IsHistory));
        }
        foreach (var path in paths)
        {
            found.UnionWith(PartiesOf(snapshot, path));
        }
        return found;
    }

    private static readonly ConcurrentDictionary<string, (object Stamp, string[] Parties)> HistoryCache = new(StringComparer.Ordinal);

    private static string[] PartiesOf(WorkspaceSnapshot snapshot, string path)
    {
        var display = LspWorkspace.Display(snapshot.Root, path);
        object stamp;
        if (snapshot.Open.TryGetValue(path, out var open))
        {
            stamp = open.Text;
        }
        else
        {
            var info = new FileInfo(path);
            if (!info.Exists) return [];
            stamp = (info.Length, info.LastWriteTimeUtc);
        }
        if (HistoryCache.TryGetValue(path, out var cached) && (ReferenceEquals(cached.Stamp, stamp) || cached.Stamp.Equals(stamp))) return cached.Parties;
        SourceFile file;
        if (open is not null)
        {
            file = snapshot.Source(path, open);
        }
        else
        {
            if (LspDisk.TryRead(path, display, isRules: false) is not { } text) return [];
            file = new SourceFile(display, text);
        }
        string[] parties = [.. HistorySymbols.All(file).Where(s => s.Kind == SymbolKind.Party && IsCode(s.Name)).Select(s => s.Name).Distinct(StringComparer.Ordinal)];
        HistoryCache[path] = (stamp, parties);
        return parties;
    }

    /// <summary>The names every rule file of the workspace declares, each merged with its last parse without errors.</summary>
    private static List<DeclaredNames> Names(WorkspaceSnapshot snapshot)
    {
        var all = new List<DeclaredNames>();
        foreach (var (path, file) in LspAnalysis.Files(snapshot, [], rulesOnly: true))
        {
            var (syntax, diagnostics) = RuleFileParser.Parse(file);
            var names = DeclaredNames.Of(syntax);
            if (!diagnostics.Any(d => d.IsError)) LastGood[path] = names;
            else if (LastGood.TryGetValue(path, out var good)) all.Add(good);
            all.Add(names);
        }
        return all;
    }

    private static bool IsName(string? word) => word is { Length: > 0 } && char.IsAsciiLetterLower(word[0]);

    private static bool IsCode(string? word) => word is { Length: > 0 } && char.IsAsciiLetterUpper(word[0]) && word.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');

    private static bool IsTerm(string? word) => word is "_" || (word is { Length: > 1 } && word[0] == '$') || IsCode(word);
}
