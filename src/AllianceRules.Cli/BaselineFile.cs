using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Text;

namespace AllianceRules.Cli;

/// <summary>
/// Reads <c>--baseline FILE</c>: a JSON report of an earlier run (schema 2.x, or a version-1 report
/// of the contract, which has no <c>schemaVersion</c>), of which only each instance's rule, party,
/// trigger date, bindings, status, id and its first trigger's attributes are kept. Anything else is AR9028, at the place the file
/// stops being such a report: a baseline misread would show changes that are not there.
/// </summary>
internal static partial class BaselineFile
{
    /// <summary>The major versions of the report this release reads.</summary>
    private const int NewestMajor = 2;

    private static readonly string[] Statuses = [.. Enum.GetValues<InstanceStatus>().Select(s => s.ToString().ToLowerInvariant())];

    /// <summary>The baseline, or null with the reason added to <paramref name="problems"/>.</summary>
    public static BaselineReport? Read(string path, List<Diagnostic> problems)
    {
        // An empty name (--baseline "") or one with a NUL is no file name; GetFullPath would throw.
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            problems.Add(DiagnosticCatalog.BadBaseline(path, "is not a file name; give the JSON file an earlier run wrote"));
            return null;
        }
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            problems.Add(DiagnosticCatalog.BadBaseline(path, Directory.Exists(full) ? "is a folder; give the JSON file an earlier run wrote" : "does not exist"));
            return null;
        }
        if (FileLimits.Check(path, full, FileLimits.WholeFileBytes, "a baseline report is read whole, up to 512 MB") is { } tooLarge)
        {
            problems.Add(tooLarge);
            return null;
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(DiagnosticCatalog.BadBaseline(path, "cannot read it: " + ReadFailure.Why(e)));
            return null;
        }
        var (report, problem) = Parse(path, bytes);
        if (problem is not null) problems.Add(problem);
        return report;
    }

    /// <summary>The baseline in <paramref name="bytes"/> (UTF-8, a byte-order mark allowed), shown as <paramref name="path"/>; or why it is not one.</summary>
    public static (BaselineReport? Report, Diagnostic? Problem) Parse(string path, byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var file = new SourceFile(path, Encoding.UTF8.GetString(bytes, start, bytes.Length - start));
        try
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(start), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            return (new BaselineReport(path, ReadReport(ref reader)), null);
        }
        catch (NotAReport stop)
        {
            return (null, DiagnosticCatalog.BadBaseline(file.At(new TextSpan(CharOffset(bytes, start, stop.ByteOffset), Math.Max(1, stop.Length))), stop.Message));
        }
        catch (JsonException e)
        {
            var offset = LineStartByte(bytes, start, e.LineNumber ?? 0) + (e.BytePositionInLine ?? 0);
            return (null, DiagnosticCatalog.BadBaseline(file.At(new TextSpan(CharOffset(bytes, start, offset), 1)), "it is not valid JSON: " + Plain(e.Message)));
        }
    }

    private static ImmutableArray<BaselineInstance> ReadReport(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw Stop(ref reader, "it is not a JSON report: a report is an object, '{ \"schemaVersion\": ..., \"instances\": [...] }'");
        ImmutableArray<BaselineInstance>? instances = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "schemaVersion":
                    CheckVersion(ref reader);
                    break;
                case "instances":
                    instances = ReadInstances(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        // Anything after the report's closing brace is an error of the reader's own.
        while (reader.Read()) { }
        return instances ?? throw new NotAReport(0, 1, "it has no 'instances' array, so it is not a JSON report");
    }

    private static void CheckVersion(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String) throw Stop(ref reader, "'schemaVersion' must be a string such as \"2.4.0\"");
        var version = reader.GetString()!;
        var major = version.Split('.')[0];
        if (!int.TryParse(major, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            throw Stop(ref reader, $"'schemaVersion' \"{version}\" is not a version such as \"2.4.0\"");
        }
        if (number > NewestMajor) throw Stop(ref reader, $"the report is of schema {version}, a later major version than this release reads ({NewestMajor}.x)");
    }

    private static ImmutableArray<BaselineInstance> ReadInstances(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw Stop(ref reader, "'instances' must be an array");
        var instances = ImmutableArray.CreateBuilder<BaselineInstance>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) instances.Add(ReadInstance(ref reader, instances.Count + 1));
        return instances.ToImmutable();
    }

    private static BaselineInstance ReadInstance(ref Utf8JsonReader reader, int n)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Stop(ref reader, $"instance {n} is not an object");
        var at = reader.TokenStartIndex;
        string? rule = null, party = null, id = null;
        NodaTime.LocalDate? on = null;
        InstanceStatus? status = null;
        ImmutableArray<KeyValuePair<string, string>>? bindings = null;
        ImmutableArray<KeyValuePair<string, string>> attrs = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "rule":
                    rule = Text(ref reader, n, name);
                    break;
                case "party":
                    party = Text(ref reader, n, name);
                    break;
                case "id":
                    id = reader.TokenType == JsonTokenType.Null ? null : Text(ref reader, n, name);
                    break;
                case "triggeredOn":
                    var date = Text(ref reader, n, name);
                    on = DateText.TryParse(date) ?? throw Stop(ref reader, $"'triggeredOn' \"{date}\" of instance {n} is not a date: {DateText.Problem(date)}");
                    break;
                case "status":
                    var word = Text(ref reader, n, name);
                    var index = Array.IndexOf(Statuses, word);
                    status = index >= 0 ? (InstanceStatus)index
                        : throw Stop(ref reader, $"'status' \"{word}\" of instance {n} is not a status: {Friendly.List(Statuses.Select(s => $"'{s}'"))}");
                    break;
                case "bindings":
                    bindings = Bindings(ref reader, n);
                    break;
                case "triggers":
                    attrs = FirstTriggerAttrs(ref reader, n);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        string[] missing = [.. new (string Name, bool Given)[] { ("rule", rule is not null), ("party", party is not null), ("triggeredOn", on is not null), ("status", status is not null), ("bindings", bindings is not null) }
            .Where(f => !f.Given).Select(f => $"'{f.Name}'")];
        if (missing.Length > 0) throw new NotAReport(at, 1, $"instance {n} has no {Friendly.List(missing, "and")}");
        return new BaselineInstance(rule!, party!, on!.Value, bindings!.Value, status!.Value, id, attrs);
    }

    /// <summary>The <c>attrs</c> of an instance's first trigger, which tell apart the instances of one day that a rule keeps apart by them; empty without triggers.</summary>
    private static ImmutableArray<KeyValuePair<string, string>> FirstTriggerAttrs(ref Utf8JsonReader reader, int n)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw Stop(ref reader, $"'triggers' of instance {n} must be an array");
        ImmutableArray<KeyValuePair<string, string>> attrs = [];
        for (var first = true; reader.Read() && reader.TokenType != JsonTokenType.EndArray; first = false)
        {
            if (!first)
            {
                reader.Skip();
                continue;
            }
            if (reader.TokenType != JsonTokenType.StartObject) throw Stop(ref reader, $"trigger 1 of instance {n} is not an object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name != "attrs")
                {
                    reader.Skip();
                    continue;
                }
                if (reader.TokenType != JsonTokenType.StartObject) throw Stop(ref reader, $"'attrs' of trigger 1 of instance {n} must be an object such as {{\"war\": \"55\"}}");
                var pairs = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String) throw Stop(ref reader, $"attribute '{key}' of trigger 1 of instance {n} must be a string");
                    pairs.Add(new(key, reader.GetString()!));
                }
                attrs = pairs.ToImmutable();
            }
        }
        return attrs;
    }

    private static ImmutableArray<KeyValuePair<string, string>> Bindings(ref Utf8JsonReader reader, int n)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Stop(ref reader, $"'bindings' of instance {n} must be an object such as {{\"victim\": \"ARM\"}}");
        var pairs = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String) throw Stop(ref reader, $"binding '{name}' of instance {n} must be a string");
            pairs.Add(new(name, reader.GetString()!));
        }
        return pairs.ToImmutable();
    }

    private static string Text(ref Utf8JsonReader reader, int n, string? name)
    {
        if (reader.TokenType != JsonTokenType.String) throw Stop(ref reader, $"'{name}' of instance {n} must be a string");
        return reader.GetString()!;
    }

    private static NotAReport Stop(ref Utf8JsonReader reader, string why) =>
        new(reader.TokenStartIndex, (int)Math.Min(int.MaxValue, reader.ValueSpan.Length + (reader.TokenType == JsonTokenType.String ? 2 : 0)), why);

    private static long LineStartByte(byte[] bytes, int start, long line)
    {
        var at = start;
        for (var seen = 0L; seen < line && at < bytes.Length; at++)
        {
            if (bytes[at] == (byte)'\n') seen++;
        }
        return at - start;
    }

    private static int CharOffset(byte[] bytes, int start, long byteOffset) =>
        Encoding.UTF8.GetCharCount(bytes, start, (int)Math.Clamp(byteOffset, 0, bytes.Length - start));

    /// <summary>The reader's message without the position it appends, which the diagnostic shows as line and column.</summary>
    private static string Plain(string message) => Position().Replace(message, string.Empty).TrimEnd('.', ' ');

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex Position();

    /// <summary>Where and why the file stops being a report; the reader's position goes with it, as a ref struct cannot.</summary>
    private sealed class NotAReport(long byteOffset, int length, string why) : Exception(why)
    {
        public long ByteOffset { get; } = byteOffset;

        public int Length { get; } = length;
    }
}
