using System.Text;
using System.Text.Json.Nodes;
using AllianceRules.Diagnostics;
using AllianceRules.Parsing;
using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>
/// <c>textDocument/codeAction</c>: quick fixes for the diagnostics of the last check published,
/// when it is of the buffers as they are now, else of reading the requested file alone (its syntax):
/// those the client sends (matched by code, range and message, each to one) and those in the requested range.
/// A did-you-mean becomes its suggestion (<see cref="Diagnostic.Fix"/>, from the catalogue); a
/// straight quote that ends a string early (AR2006) is escaped, or the string made triple-quoted;
/// a rule with no <c>cites</c> or <c>quote</c> (AR6003) gets stubs for them.
/// </summary>
internal static class LspCodeActions
{
    public static JsonArray CodeActions(LspWorkspace workspace, DiagnosticsPublisher published, JsonNode? parameters)
    {
        var uri = LspJson.RequireString(parameters, "textDocument", "uri");
        var actions = new JsonArray();
        if (LspJson.At(parameters, "context", "only") is JsonArray only && !only.Any(k => k?.GetValueKind() == System.Text.Json.JsonValueKind.String && IsKindOrUnder("quickfix", (string)k!))) return actions;
        if (LspUris.ToPath(uri) is not { } path || !LspAnalysis.IsChecked(path)) return actions;
        var snapshot = workspace.Snapshot();
        // No check of the workspace on the message loop (an editor asks at every move of the cursor):
        // until the check of these buffers is published, the file's own syntax gives the fixes.
        var found = published.LatestFor(snapshot) is { } latest ? latest.ByPath.GetValueOrDefault(path) : OwnSyntax(snapshot, path);
        if (found is null || found.Count == 0) return actions;
        var sent = LspJson.At(parameters, "context", "diagnostics") as JsonArray ?? [];
        var (from, to) = (Position(LspJson.At(parameters, "range", "start")), Position(LspJson.At(parameters, "range", "end")));
        var wanted = new List<(Diagnostic Diagnostic, JsonNode Shown)>();
        // Each diagnostic the client sent stands for one of ours: the same code, range and message.
        var unmatched = sent.OfType<JsonObject>().ToList();
        foreach (var d in found)
        {
            // Each diagnostic's own file: a history read in pieces has one per piece, its spans relative to it.
            var range = LspJson.Range(d.File!, d.Span);
            var echoed = unmatched.FirstOrDefault(s => Same(s["code"], d.Code) && SameRange(s["range"], range) && Same(s["message"], d.Message));
            if (echoed is not null) unmatched.Remove(echoed);
            var inRange = from is { } f && to is { } t && Position(range["start"]) <= t && f <= Position(range["end"]);
            if (echoed is not null || inRange) wanted.Add((d, echoed?.DeepClone() ?? LspJson.Diagnostic(d)));
        }
        foreach (var (d, shown) in wanted)
        {
            var file = d.File!;
            if (d.Fix is { } fix) actions.Add(Action($"Change to '{fix.Replacement}'", uri, file, [(fix.Span, fix.Replacement)], [shown], preferred: true));
            if (d.Code == "AR2006") Quotes(actions, uri, file, d, shown);
        }
        // A rule lacking both has two AR6003 at its id: one action adds both stubs.
        foreach (var rule in wanted.Where(w => w.Diagnostic.Code == "AR6003").GroupBy(w => w.Diagnostic.Span))
        {
            var file = rule.First().Diagnostic.File!;
            if (CiteStub(file, rule.Key) is { } stub) actions.Add(Action(stub.Title, uri, file, [(stub.At, stub.Text)], [.. rule.Select(r => r.Shown.DeepClone())], preferred: true));
        }
        return actions;
    }

    /// <summary>
    /// The diagnostics of reading the one file alone (parsing a rule or test file, the line syntax
    /// of a history), which is cheap and needs no other file: syntax errors and their fixes (AR2004,
    /// AR2006, ...). Those that need the rule set (an unknown verb, a rule without cites) come with
    /// the next check published, when the editor asks again.
    /// </summary>
    internal static List<Diagnostic>? OwnSyntax(WorkspaceSnapshot snapshot, string path)
    {
        // What the file holds, as check tells it; a dataset's file (.tsv, .tab) has no line syntax of its own here.
        var kind = LspAnalysis.KindOf(path);
        if (kind is null or InputKind.Dataset) return null;
        SourceFile file;
        if (snapshot.Open.TryGetValue(path, out var open))
        {
            file = snapshot.Source(path, open);
        }
        else
        {
            var display = LspWorkspace.Display(snapshot.Root, path);
            if (!File.Exists(path) || LspDisk.TryRead(path, display, isRules: kind is InputKind.Rules or InputKind.Tests) is not { } text) return null;
            file = new SourceFile(display, text);
        }
        if (kind == InputKind.Rules) return [.. RuleFileParser.Parse(file).Diagnostics];
        if (kind == InputKind.Tests) return [.. TestFileParser.Parse(file).Diagnostics];
        var bag = new DiagnosticBag();
        foreach (var _ in AllianceRules.History.HistorySyntax.Read(file, bag))
        {
        }
        return [.. bag.ToSortedArray()];
    }

    // A JsonNode, not a JsonObject: JsonArray.Add<T> (which a JsonObject would pick) goes through reflection, not AOT-safe.
    private static JsonNode Action(string title, string uri, SourceFile file, IEnumerable<(TextSpan Span, string NewText)> edits, IEnumerable<JsonNode> diagnostics, bool preferred = false)
    {
        var action = new JsonObject
        {
            ["title"] = title,
            ["kind"] = "quickfix",
            ["diagnostics"] = new JsonArray([.. diagnostics]),
            ["edit"] = new JsonObject
            {
                ["changes"] = new JsonObject { [uri] = new JsonArray([.. edits.Select(e => (JsonNode)new JsonObject { ["range"] = LspJson.Range(file, e.Span), ["newText"] = e.NewText })]) },
            },
        };
        if (preferred) action["isPreferred"] = true;
        return action;
    }

    /// <summary>AR2006: the string that a bare quote at the diagnostic cut short, with its quotes escaped, or triple-quoted.</summary>
    private static void Quotes(JsonArray actions, string uri, SourceFile file, Diagnostic d, JsonNode shown)
    {
        var text = file.Text;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, d.Span.Start - 1)) + 1;
        if (d.Span.Start == 0) lineStart = 0;
        var lineEnd = text.IndexOf('\n', d.Span.Start);
        if (lineEnd < 0) lineEnd = text.Length;
        if (Opening(text, lineStart, d.Span.Start) is not { } open) return;
        if (Closing(text, d.Span.Start, lineEnd) is not { } close) return;
        var inside = text[(open + 1)..close];
        var escaped = new StringBuilder();
        for (var i = 0; i < inside.Length; i++)
        {
            if (inside[i] == '\\' && i + 1 < inside.Length)
            {
                escaped.Append(inside, i++, 2);
                continue;
            }
            escaped.Append(inside[i] == '"' ? "\\\"" : inside[i].ToString());
        }
        actions.Add(Action("Escape the quotes inside the string (\\\")", uri, file, [(TextSpan.FromBounds(open + 1, close), escaped.ToString())], [shown.DeepClone()], preferred: true));
        // A triple-quoted string is taken as written: no escapes, and it ends at the first """.
        var plain = inside.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        if (!plain.Contains("\"\"\"", StringComparison.Ordinal) && !plain.EndsWith('"'))
        {
            actions.Add(Action("Make it a triple-quoted string (\"\"\"...\"\"\")", uri, file, [(TextSpan.FromBounds(open, close + 1), $"\"\"\"{plain}\"\"\"")], [shown.DeepClone()]));
        }
    }

    /// <summary>
    /// The quote that was meant to end the string a bare quote at <paramref name="quote"/> cut short:
    /// the last quote the lexer reads after it on the line, before a comment it reads there (a
    /// <c>#</c> outside the quotes), so that a trailing comment stays out of the string; null when
    /// there is none, or the line ends inside quotes (where the string was meant to end is unclear).
    /// </summary>
    private static int? Closing(string text, int quote, int lineEnd)
    {
        int? close = null;
        var inside = false;
        for (var i = quote + 1; i < lineEnd; i++)
        {
            if (inside && text[i] == '\\')
            {
                i++;
                continue;
            }
            if (text[i] == '"')
            {
                inside = !inside;
                close = i;
            }
            else if (!inside && text[i] == '#')
            {
                break;
            }
        }
        return inside ? null : close;
    }

    /// <summary>Where the string opened that a quote at <paramref name="quote"/> closes, reading its line from <paramref name="lineStart"/>; null when none does.</summary>
    private static int? Opening(string text, int lineStart, int quote)
    {
        var i = lineStart;
        while (i < quote)
        {
            if (text[i] == '#') return null;
            if (text[i] != '"')
            {
                i++;
                continue;
            }
            var open = i++;
            while (i < quote && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
            if (i == quote) return open;
            i++;
        }
        return null;
    }

    /// <summary>
    /// AR6003 at a rule's id: <c>cites "Article ?"</c> after its <c>kind</c> and <c>quote "…"</c>
    /// after that, whichever it lacks, each on a line of its own indented as the rule's own items
    /// are (two spaces deeper than the rule when none starts a line, as <c>alliance fmt</c> does).
    /// The rule is read from the parsed file (its items' spans), so a closing brace at the end of a
    /// line, or another rule after it, cannot mislead it; null when it has both or the file does
    /// not hold that rule.
    /// </summary>
    private static (string Title, TextSpan At, string Text)? CiteStub(SourceFile file, TextSpan id)
    {
        var text = file.Text;
        var rule = RuleFileParser.Parse(file).Syntax.Treaties.SelectMany(t => t.Items).OfType<RuleSyntax>().FirstOrDefault(r => r.Id.Span == id);
        if (rule is null) return null;
        string Word(RuleItemSyntax item)
        {
            var end = item.Span.Start;
            while (end < item.Span.End && !char.IsWhiteSpace(text[end])) end++;
            return text[item.Span.Start..end];
        }
        var kind = rule.Items.FirstOrDefault(i => Word(i) == "kind");
        var cites = rule.Items.FirstOrDefault(i => Word(i) == "cites");
        var quote = rule.Items.FirstOrDefault(i => Word(i) == "quote");
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var item = rule.Items.Select(i => Indentation(text, i.Span.Start)).FirstOrDefault(i => i is not null)
            ?? (Indentation(text, rule.Span.Start) ?? string.Empty) + "  ";
        var citesLine = $"{newline}{item}cites \"Article ?\"";
        var quoteLine = $"{newline}{item}quote \"…\"";
        var headerEnd = LineEnd(text, id.Start);
        return (cites, quote) switch
        {
            (null, null) => ("Add 'cites' and 'quote' stubs", new TextSpan(kind?.Span.End ?? headerEnd, 0), citesLine + quoteLine),
            (null, { } q) => ("Add a 'cites' stub", new TextSpan(q.Span.Start, 0), $"cites \"Article ?\"{newline}{item}"),
            ({ } c, null) => ("Add a 'quote' stub", new TextSpan(c.Span.End, 0), quoteLine),
            _ => null,
        };
    }

    /// <summary>The white space before <paramref name="at"/> on its line, when nothing else is before it there; else null.</summary>
    private static string? Indentation(string text, int at)
    {
        var lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        var before = text[lineStart..at];
        return before.All(c => c is ' ' or '\t') ? before : null;
    }

    /// <summary>The end of the line <paramref name="at"/> is on, before its line break.</summary>
    private static int LineEnd(string text, int at)
    {
        var end = text.IndexOf('\n', at);
        if (end < 0) return text.Length;
        return end > 0 && text[end - 1] == '\r' ? end - 1 : end;
    }

    /// <summary>Whether <paramref name="kind"/> is <paramref name="asked"/> or below it: kinds are dot-separated, so "quick" is no prefix of "quickfix".</summary>
    private static bool IsKindOrUnder(string kind, string asked) =>
        asked.Length > 0 && (kind == asked || kind.StartsWith(asked + ".", StringComparison.Ordinal));

    private static bool Same(JsonNode? code, string expected) =>
        code is JsonValue v && v.TryGetValue<string>(out var s) && s == expected;

    private static bool SameRange(JsonNode? sent, JsonObject range) =>
        ((string[])["start", "end"]).All(p => LspJson.Int(sent, p, "line") == LspJson.Int(range, p, "line") && LspJson.Int(sent, p, "character") == LspJson.Int(range, p, "character"));

    /// <summary>A position of the protocol as one number that orders positions as the text does (line, then character); null when it is not one.</summary>
    private static long? Position(JsonNode? position) =>
        LspJson.Int(position, "line") is { } line && LspJson.Int(position, "character") is { } character ? ((long)line << 32) + character : null;
}
