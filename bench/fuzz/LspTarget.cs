using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using AllianceRules.Cli.LanguageServer;

namespace AllianceRules.Fuzz;

/// <summary>
/// The <c>lsp</c> target: random edits to a real file of the repository, each followed by the
/// language server's handlers, in process, through the same dispatch as <c>alliance lsp</c>
/// (<see cref="LanguageServer.Handle"/>), with the check run at once instead of after the debounce.
/// The input's bytes are a program: the first chooses the file (of <c>rules/</c> and <c>seeds/</c>),
/// then each edit is
/// <c>OP POS POS LEN [LEN data bytes] [LINE CHAR]</c>: OP's low two bits insert, delete, replace
/// or duplicate a line, at POS POS (16 bits, scaled to the text), LEN characters or bytes; its next
/// two bits ask for nothing, a hover, a definition or formatting, at LINE (scaled to the lines) and
/// CHAR. After each edit: no exception escapes (an InternalError answer, or a line in the server's
/// log, is one), every answer is a result, and every published diagnostic and every edit lies inside
/// the document as it then is.
/// </summary>
public static class LspTarget
{
    /// <summary>At most this many edits per input, so that an execution stays well inside the time bound.</summary>
    private const int MaxEdits = 12;

    private static readonly Lazy<(string Folder, IReadOnlyList<string> Paths)> Files = new(() =>
    {
        // The bundled files, written out once: a .test file's 'rules "../rules"' is read from disk.
        var folder = Path.Combine(Path.GetTempPath(), $"alliance-fuzz-lsp-{Environment.ProcessId}");
        var assembly = typeof(LspTarget).Assembly;
        var paths = new List<string>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal) || n.StartsWith("seeds/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var resource = assembly.GetManifestResourceStream(name)!)
            using (var file = File.Create(path))
            {
                resource.CopyTo(file);
            }
            paths.Add(path);
        }
        return (folder, paths);
    });

    public static void Warm() => _ = Files.Value;

    public static void Run(byte[] input)
    {
        if (input.Length == 0) return;
        var (folder, paths) = Files.Value;
        var path = paths[input[0] % paths.Count];
        var vocabulary = Path.Combine(folder, "rules", "vocabulary.treaty");
        var output = new MemoryStream();
        var log = new StringWriter(CultureInfo.InvariantCulture);
        var server = new LanguageServer(Stream.Null, output, log, wait: null);
        var session = new Session(server, output, log);
        session.Send(1, "initialize", new JsonObject { ["capabilities"] = new JsonObject() });
        session.Notify("initialized", new JsonObject());
        // The rule set's verbs, so that a rule file or a history is checked against something.
        if (path != vocabulary) session.Open(vocabulary, File.ReadAllText(vocabulary));
        var text = File.ReadAllText(path);
        session.Open(path, text);

        var at = 1;
        var version = 1;
        for (var edit = 0; edit < MaxEdits && at + 3 < input.Length; edit++)
        {
            var op = input[at];
            var position = Scale((input[at + 1] << 8) | input[at + 2], text.Length);
            var length = input[at + 3];
            at += 4;
            switch (op & 3)
            {
                case 0:
                    text = text.Insert(position, Data(input, ref at, length));
                    break;
                case 1:
                    text = text.Remove(position, Math.Min(length, text.Length - position));
                    break;
                case 2:
                    text = text.Remove(position, Math.Min(length, text.Length - position)).Insert(position, Data(input, ref at, length));
                    break;
                default:
                    var start = text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
                    var end = text.IndexOf('\n', position);
                    var line = end < 0 ? text[start..] + "\n" : text[start..(end + 1)];
                    text = text.Insert(start, line);
                    break;
            }
            session.Change(path, text, ++version);
            var request = (op >> 2) & 3;
            if (request == 0 || at + 1 >= input.Length) continue;
            var lines = text.Split('\n');
            var lineNumber = input[at] * (lines.Length + 1) / 256;
            var character = input[at + 1];
            at += 2;
            var parameters = new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = LspUris.FromPath(path) },
                ["position"] = new JsonObject { ["line"] = lineNumber, ["character"] = character },
            };
            if (request == 3) parameters = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LspUris.FromPath(path) }, ["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true } };
            session.Send(version + 1, request switch { 1 => "textDocument/hover", 2 => "textDocument/definition", _ => "textDocument/formatting" }, parameters);
        }
    }

    private static int Scale(int value, int length) => (int)((long)value * (length + 1) >> 16);

    /// <summary>The next <paramref name="length"/> bytes of the input (fewer at its end), as UTF-8, with bad bytes as U+FFFD.</summary>
    private static string Data(byte[] input, ref int at, int length)
    {
        var n = Math.Min(length, input.Length - at);
        var text = Encoding.UTF8.GetString(input, at, n);
        at += n;
        return text;
    }

    /// <summary>One server and what it wrote; each message is checked as soon as it is answered.</summary>
    private sealed class Session(LanguageServer server, MemoryStream output, StringWriter log)
    {
        private readonly Dictionary<string, string> texts = new(StringComparer.Ordinal);

        public void Open(string path, string text)
        {
            texts[LspUris.FromPath(path)] = text;
            Notify("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LspUris.FromPath(path), ["languageId"] = "alliance", ["version"] = 1, ["text"] = text } });
        }

        public void Change(string path, string text, int version)
        {
            texts[LspUris.FromPath(path)] = text;
            Notify("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = LspUris.FromPath(path), ["version"] = version },
                ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
            });
        }

        public void Notify(string method, JsonObject parameters) =>
            Process(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters }, null, null);

        public void Send(int id, string method, JsonObject parameters)
        {
            var uri = (string?)parameters["textDocument"]?["uri"];
            Process(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }, id, uri);
        }

        private void Process(JsonObject message, int? id, string? uri)
        {
            var method = (string)message["method"]!;
            // As the server reads it off the wire: through JSON text, as the channel parses it.
            if (server.Handle(JsonNode.Parse(message.ToJsonString())) is not null) throw new PropertyViolation($"{method} ended the server");
            if (log.ToString() is { Length: > 0 } logged) throw new PropertyViolation($"{method}: the server logged: {logged}");
            var answered = false;
            foreach (var sent in Messages())
            {
                if ((string?)sent["method"] == "textDocument/publishDiagnostics")
                {
                    var p = sent["params"]!;
                    var target = (string)p["uri"]!;
                    if (!texts.TryGetValue(target, out var text)) throw new PropertyViolation($"diagnostics for a document not open: {target}");
                    foreach (var d in p["diagnostics"]!.AsArray()) Inside(text, d!["range"]!, $"{d["code"]} in {Path.GetFileName(target)}");
                    continue;
                }
                if (id is null || sent["id"] is not { } answer || (int)answer != id) throw new PropertyViolation($"{method}: unexpected message {sent.ToJsonString()}");
                answered = true;
                if (sent["error"] is { } error) throw new PropertyViolation($"{method}: answered with an error: {error.ToJsonString()}");
                if (method == "textDocument/formatting" && sent["result"] is JsonArray edits && uri is not null)
                {
                    foreach (var e in edits) Inside(texts[uri], e!["range"]!, "a formatting edit");
                }
                if (method == "textDocument/hover" && sent["result"] is JsonObject hover && hover["range"] is { } range && uri is not null) Inside(texts[uri], range, "a hover range");
                if (method == "textDocument/definition" && sent["result"] is JsonArray locations)
                {
                    foreach (var l in locations)
                    {
                        if (texts.TryGetValue((string)l!["uri"]!, out var target)) Inside(target, l["range"]!, "a definition");
                    }
                }
            }
            if (id is not null && !answered) throw new PropertyViolation($"{method}: no answer");
        }

        /// <summary>A range must run forwards, on lines of the text, each position at most at its line's end (lines end at LF, CR LF or a lone CR, as LSP counts them).</summary>
        private static void Inside(string text, JsonNode range, string what)
        {
            var lines = text.Split(["\r\n", "\r", "\n"], StringSplitOptions.None);
            var (startLine, startCharacter) = ((int)range["start"]!["line"]!, (int)range["start"]!["character"]!);
            var (endLine, endCharacter) = ((int)range["end"]!["line"]!, (int)range["end"]!["character"]!);
            if (startLine < 0 || startCharacter < 0 || (startLine, startCharacter).CompareTo((endLine, endCharacter)) > 0 || endLine >= lines.Length
                || startCharacter > lines[startLine].Length || endCharacter > lines[endLine].Length)
            {
                throw new PropertyViolation($"{what}: range {range.ToJsonString()} lies outside the document of {lines.Length} lines");
            }
        }

        private List<JsonObject> Messages()
        {
            var bytes = output.ToArray();
            output.SetLength(0);
            var messages = new List<JsonObject>();
            var at = 0;
            while (at < bytes.Length)
            {
                var end = bytes.AsSpan(at).IndexOf("\r\n\r\n"u8);
                if (end < 0) throw new PropertyViolation("a message without its header's end");
                var header = Encoding.ASCII.GetString(bytes, at, end);
                var length = int.Parse(header["Content-Length: ".Length..], CultureInfo.InvariantCulture);
                at += end + 4;
                messages.Add(JsonNode.Parse(bytes.AsSpan(at, length))!.AsObject());
                at += length;
            }
            return messages;
        }
    }
}
