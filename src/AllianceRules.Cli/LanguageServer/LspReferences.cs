using System.Text.Json.Nodes;
using AllianceRules.Binding;
using AllianceRules.Parsing;
using AllianceRules.Text;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>
/// <c>textDocument/references</c>, <c>textDocument/prepareRename</c> and <c>textDocument/rename</c>
/// from a name in a rule file or a history: every occurrence in the workspace
/// (<see cref="LspSymbols.Occurrences"/>), and a rename that edits them all at once. It reads the
/// syntax only, so it works while the rule set has errors elsewhere.
/// </summary>
internal static class LspReferences
{
    public static JsonArray? References(LspWorkspace workspace, JsonNode? parameters)
    {
        if (LspSymbols.Locate(workspace, parameters, rulesOnly: false) is not { } located) return null;
        var withDeclarations = LspJson.At(parameters, "context", "includeDeclaration") is JsonValue v && v.TryGetValue<bool>(out var include) && include;
        var locations = new JsonArray();
        foreach (var (path, file, occurrence) in LspSymbols.Occurrences(located.Files, located.Symbol))
        {
            if (occurrence.IsDeclaration && !withDeclarations) continue;
            // Added as a JsonNode: the generic Add<T> would go through reflection (not AOT-safe).
            locations.Add((JsonNode)new JsonObject { ["uri"] = located.Uri(path), ["range"] = LspJson.Range(file, occurrence.Span) });
        }
        return locations;
    }

    /// <summary>The name's range and text when it can be renamed; null off a name; an error for a name that cannot be.</summary>
    public static JsonObject? PrepareRename(LspWorkspace workspace, JsonNode? parameters)
    {
        if (LspSymbols.Locate(workspace, parameters, rulesOnly: true) is not { } located) return null;
        Refuse(located.Symbol);
        return new JsonObject { ["range"] = LspJson.Range(located.File, located.Symbol.Span), ["placeholder"] = located.Symbol.Name };
    }

    /// <summary>A workspace edit renaming every occurrence, declarations included; an error for an invalid or taken name.</summary>
    public static JsonObject? Rename(LspWorkspace workspace, JsonNode? parameters)
    {
        var newName = LspJson.RequireString(parameters, "newName");
        if (LspSymbols.Locate(workspace, parameters, rulesOnly: false) is not { } located) return null;
        var symbol = located.Symbol;
        Refuse(symbol);
        var word = Word(symbol.Kind);
        if (!SymbolNames.IsValid(symbol.Kind, newName))
        {
            throw new LspParamsException(symbol.Kind == SymbolKind.Party
                ? $"'{newName}' is not a valid party code: a code is capital letters, digits and '_', starting with a letter, such as 'RUS'"
                : $"'{newName}' is not a valid {word} name: a name is lower-case letters, digits, '_' and '-', starting with a letter, such as 'art4-request'");
        }
        var changes = new JsonObject();
        if (newName == symbol.Name) return new JsonObject { ["changes"] = changes };
        var taken = symbol with { Name = newName };
        // A rule test sets an assumption or reading by name alone, for every treaty declaring it:
        // a test line already naming the new name is as much a clash as a declaration.
        // Only a test that loads the symbol's treaty counts.
        if (LspSymbols.Occurrences(located.Files, taken).FirstOrDefault(o => o.Occurrence.Treaty == symbol.Treaty
            || o.Occurrence.Treaty is null && (symbol.Treaty is not { } own || TestLoads(located, o.Path, o.File, o.Occurrence.Span.Start).Contains(own))) is { Path: not null } clash)
        {
            var where = symbol.Treaty is { } treaty ? $" in treaty {treaty}" : string.Empty;
            var at = clash.File.GetPosition(clash.Occurrence.Span.Start);
            if (symbol.Treaty is not null && clash.Occurrence.Treaty is null)
            {
                throw new LspParamsException($"cannot rename {word} '{symbol.Name}' to '{newName}': the rule test at {clash.File.Path}:{at.Line}:{at.Column} already sets '{newName}', which would then apply to treaty {symbol.Treaty}");
            }
            throw new LspParamsException($"cannot rename {word} '{symbol.Name}' to '{newName}': {word} '{newName}' already exists{where} ({clash.File.Path}:{at.Line}:{at.Column})");
        }
        if (symbol.Treaty is not null && symbol.Kind is SymbolKind.Assumption or SymbolKind.Reading)
        {
            // A treaty may not declare one name both as a reading and as an assumption (AR3035).
            var otherKind = symbol.Kind == SymbolKind.Assumption ? SymbolKind.Reading : SymbolKind.Assumption;
            if (LspSymbols.Occurrences(located.Files, taken with { Kind = otherKind }).FirstOrDefault(o => o.Occurrence.Treaty == symbol.Treaty && o.Occurrence.IsDeclaration) is { Path: not null } other)
            {
                var at = other.File.GetPosition(other.Occurrence.Span.Start);
                throw new LspParamsException($"cannot rename {word} '{symbol.Name}' to '{newName}': treaty {symbol.Treaty} already declares {Word(otherKind)} '{newName}' ({other.File.Path}:{at.Line}:{at.Column}), and a treaty may not use one name for a reading and an assumption (AR3035)");
            }
            RefuseShared(located, symbol, newName, word);
        }
        if (symbol.Kind is SymbolKind.Verb or SymbolKind.Party) RefuseUnedited(located, symbol, newName, word);
        var occurrences = LspSymbols.Occurrences(located.Files, symbol).ToList();
        RefuseBreaking(located, symbol, newName, word, occurrences);
        foreach (var (path, file, occurrence) in occurrences)
        {
            var uri = located.Uri(path);
            if (changes[uri] is not JsonArray edits) changes[uri] = edits = [];
            // An escaped JSON string is replaced whole, quotes and all.
            var quoted = occurrence.Span.Length != occurrence.Name.Length && file.Text[occurrence.Span.Start] == '"';
            edits.Add((JsonNode)new JsonObject { ["range"] = LspJson.Range(file, occurrence.Span), ["newText"] = quoted ? $"\"{newName}\"" : newName });
        }
        return new JsonObject { ["changes"] = changes };
    }

    /// <summary>
    /// A rule test's <c>assume X = ...</c> or <c>reading X=...</c> applies to every treaty declaring
    /// X: renaming one treaty's X would edit a line that also sets another treaty's X, silently
    /// changing that treaty's verdicts. Such a rename is refused.
    /// </summary>
    private static void RefuseShared(LocatedSymbol located, SymbolReference symbol, string newName, string word)
    {
        var others = located.Files.Where(f => LspSymbols.IsRules(f.Key))
            .SelectMany(f => SymbolLocator.All(RuleFileParser.Parse(f.Value).Syntax))
            .Where(s => s.IsDeclaration && s.Kind == symbol.Kind && s.Name == symbol.Name && s.Treaty != symbol.Treaty)
            .ToList();
        if (others.Count == 0) return;
        // Only the treaties the test's own rules load: a test of other rules sets nothing of theirs.
        foreach (var tested in LspSymbols.Occurrences(located.Files, symbol).Where(o => o.Occurrence.Treaty is null && !LspSymbols.IsRules(o.Path)))
        {
            var loads = TestLoads(located, tested.Path, tested.File, tested.Occurrence.Span.Start);
            if (others.FirstOrDefault(o => o.Treaty is { } t && loads.Contains(t)) is not { } other) continue;
            var at = tested.File.GetPosition(tested.Occurrence.Span.Start);
            throw new LspParamsException($"cannot rename {word} '{symbol.Name}' to '{newName}': the rule test at {tested.File.Path}:{at.Line}:{at.Column} sets '{symbol.Name}' for every treaty declaring it, treaty {other.Treaty} too; rename it by hand");
        }
    }

    /// <summary>The treaties the test holding <paramref name="offset"/> of a test file loads (<see cref="LspAnalysis.TestTreaties"/>); none outside a test.</summary>
    private static HashSet<string> TestLoads(LocatedSymbol located, string path, SourceFile file, int offset) =>
        LspAnalysis.TestTreaties(path, file, located.Files, located.Snapshot.Root)
            .FirstOrDefault(t => t.Span.Start <= offset && offset < t.Span.End).Treaties ?? [];

    /// <summary>
    /// A new name the grammar reads otherwise (a verb named <c>not</c> turns <c>must not VERB</c>
    /// around) is refused: the rule files are edited in memory and loaded again, and a rename
    /// that would give them an error of a code they did not have as often before is refused.
    /// </summary>
    private static void RefuseBreaking(LocatedSymbol located, SymbolReference symbol, string newName, string word, List<(string Path, SourceFile File, SymbolReference Occurrence)> occurrences)
    {
        var edited = new SortedDictionary<string, SourceFile>(located.Files.Where(f => LspSymbols.IsRules(f.Key)).ToDictionary(), StringComparer.Ordinal);
        if (edited.Count == 0) return;
        foreach (var group in occurrences.Where(o => LspSymbols.IsRules(o.Path)).GroupBy(o => o.Path))
        {
            var file = group.First().File;
            var text = new System.Text.StringBuilder(file.Text);
            foreach (var o in group.OrderByDescending(o => o.Occurrence.Span.Start))
            {
                text.Remove(o.Occurrence.Span.Start, o.Occurrence.Span.Length).Insert(o.Occurrence.Span.Start, newName);
            }
            edited[group.Key] = new SourceFile(file.Path, text.ToString());
        }
        var before = Errors(located.Files.Where(f => LspSymbols.IsRules(f.Key)).Select(f => f.Value)).GroupBy(d => d.Code).ToDictionary(g => g.Key, g => g.Count());
        var broken = Errors(edited.Values).GroupBy(d => d.Code).FirstOrDefault(g => g.Count() > before.GetValueOrDefault(g.Key));
        if (broken is null) return;
        var first = broken.First();
        var where = first.Position is { } at ? $"{first.File!.Path}:{at.Line}:{at.Column}: " : string.Empty;
        throw new LspParamsException($"cannot rename {word} '{symbol.Name}' to '{newName}': the rules would no longer read as before ({where}{first.Code} {first.Message})");
    }

    private static IEnumerable<AllianceRules.Diagnostics.Diagnostic> Errors(IEnumerable<SourceFile> rules) =>
        RuleSetLoader.Load(rules).Diagnostics.Where(d => d.IsError);

    /// <summary>
    /// Rename edits the histories the server reads (.events and .jsonl within the size limit); a
    /// verb or party code written in any other history of the workspace (CSV, a dataset's file, a
    /// .gz, one the server did not read) would be left behind, and <c>alliance check</c> would then
    /// fail on it. Such a rename is refused, naming those files. Each is read as <c>check</c> reads
    /// it (through gzip for .gz) and its events' actor, verb and target compared whole with the
    /// name; GDELT and ICEWS rows carry CAMEO codes, not verbs, so only their parties can name it.
    /// A history that cannot be read, or is larger than <see cref="UneditedLimit"/>, is taken to name it.
    /// </summary>
    private static void RefuseUnedited(LocatedSymbol located, SymbolReference symbol, string newName, string word)
    {
        if (located.Snapshot.Root is not { } root || !Directory.Exists(root)) return;
        var (found, _) = InputDiscovery.Discover([root]);
        var skipped = found.Where(i => i.IsHistory && !Edited(located, i.FullPath) && MayName(i, symbol))
            .Select(i => LspWorkspace.Display(root, i.FullPath)).ToList();
        if (skipped.Count == 0) return;
        var named = skipped.Count <= 5 ? string.Join(", ", skipped) : $"{string.Join(", ", skipped.Take(5))} and {skipped.Count - 5} more";
        throw new LspParamsException($"cannot rename {word} '{symbol.Name}' to '{newName}': {named} may name it, and rename edits only .events and .jsonl histories within the size limit; rename it in those files by hand first");
    }

    /// <summary>Whether rename edits a history: an .events or .jsonl one the server read (whatever else the analysis comes to read).</summary>
    private static bool Edited(LocatedSymbol located, string fullPath) =>
        LspSymbols.IsHistory(fullPath) && (located.Files.ContainsKey(fullPath) || located.Snapshot.Open.ContainsKey(fullPath));

    /// <summary>The most bytes of one history rename reads (after gzip) to tell whether it names a symbol; a larger one is taken to.</summary>
    internal const long UneditedLimit = 64L * 1024 * 1024;

    /// <summary>Every CAMEO root code, mapped to a verb no rule can name: dataset rows then read as events whose parties can be compared.</summary>
    private static readonly AllianceRules.Model.Verb[] AnyCameo =
        [new("(cameo)", null, [.. Enumerable.Range(1, 20).Select(c => c.ToString("00", System.Globalization.CultureInfo.InvariantCulture))])];

    /// <summary>Whether a history rename does not edit names the symbol as an event's actor, verb or target (or cannot be read to tell).</summary>
    private static bool MayName(InputFile file, SymbolReference symbol)
    {
        try
        {
            if (new FileInfo(file.FullPath).Length > UneditedLimit) return true;
            // The file's size bounds a plain history; a .gz one is bounded by what it decompresses to.
            var streams = new HistoryStreams(UneditedLimit);
            var source = streams.Source(file, AllianceRules.History.HistoryReader.FormatOf(file.FullPath));
            var reader = new AllianceRules.History.HistoryReader(declaredVerbs: null, vocabulary: AnyCameo);
            foreach (var e in reader.Read(source))
            {
                if (symbol.Kind == SymbolKind.Party ? e.Actor == symbol.Name || e.Target == symbol.Name : e.Verb == symbol.Name) return true;
                if (streams.Failures.Count > 0) return true;
            }
            return streams.Failures.Count > 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return true;
        }
    }

    /// <summary>Treaty codes are not renamed: reports, tests and rule ids cite them as <c>CST.art4</c>.</summary>
    private static void Refuse(SymbolReference symbol)
    {
        if (symbol.Kind == SymbolKind.Treaty) throw new LspParamsException($"treaty '{symbol.Name}' cannot be renamed here: its code qualifies every rule id and is cited by reports and tests; rename it by hand");
    }

    private static string Word(SymbolKind kind) => kind switch
    {
        SymbolKind.Assumption => "assumption",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
