using System.Buffers.Text;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AllianceRules.Playground.Bundle;
using AllianceRules.Playground.Workspace;

namespace AllianceRules.Playground.Sharing;

/// <summary>What reading a link gave: the state, and what the reader should be told about it.</summary>
internal sealed record LinkReading(PageState? State, ImmutableArray<string> Warnings, string? Error);

/// <summary>
/// The page's state in a URL fragment, so a link reproduces the page with no server:
/// <c>#v1.</c> then base64url of the deflated JSON. A bundled file travels as its path and
/// <see cref="BundledFiles.Stamp"/>; an edited or added file as its text. A link from another
/// version of the page (a file whose stamp differs, an unknown format) or a damaged one is read as
/// far as it can be, and says so.
/// </summary>
internal static class ShareLink
{
    public const string Version = "v1";

    /// <summary>Links longer than this are refused when read: no page makes one, and inflating it is bounded.</summary>
    public const int MaxFragment = 2_000_000;

    private const int MaxJsonBytes = 8 << 20;

    public static string Write(PageState state, BundledFiles bundle)
    {
        var link = new LinkJson
        {
            Files = [.. state.Files.Select(f => f.BundledFrom is { } from && bundle.Text(from) == f.Text && from == f.Path
                ? new FileJson { Path = f.Path, Stamp = BundledFiles.Stamp(f.Text) }
                : new FileJson { Path = f.Path, Text = f.Text, From = f.BundledFrom })],
            Assumptions = Written(state.Choices.Assumptions),
            Readings = Written(state.Choices.Readings),
            Sample = state.Sample,
            Exercise = state.Exercise,
            Selected = state.Selected?.ToString(),
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(link, LinkContext.Default.LinkJson);
        using var packed = new MemoryStream();
        using (var deflate = new DeflateStream(packed, CompressionLevel.SmallestSize, leaveOpen: true)) deflate.Write(json);
        return $"{Version}.{Base64Url.EncodeToString(packed.ToArray())}";
    }

    public static LinkReading Read(string fragment, BundledFiles bundle)
    {
        fragment = fragment.TrimStart('#');
        if (fragment.Length > MaxFragment) return Fail($"the link is {fragment.Length:N0} characters long, more than this page ever writes");
        var dot = fragment.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return Fail("it has no version mark");
        if (fragment[..dot] != Version) return Fail($"it was made by another version of the playground (format '{fragment[..dot]}'; this page reads '{Version}')");
        LinkJson? link;
        try
        {
            var packed = Base64Url.DecodeFromChars(fragment.AsSpan(dot + 1));
            link = JsonSerializer.Deserialize(Inflate(packed), LinkContext.Default.LinkJson);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or JsonException or IOException)
        {
            return Fail("it is damaged (perhaps cut short when it was copied)");
        }
        if (link?.Files is not { Count: > 0 } files) return Fail("it names no file");
        var warnings = ImmutableArray.CreateBuilder<string>();
        var loaded = ImmutableArray.CreateBuilder<WorkFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            // A link is anyone's to write: an entry no page writes (null, or with no path) is skipped.
            if (f?.Path is not { Length: > 0 } path) continue;
            // Paths name files: an exercise's key and the editors look a file up by its path.
            if (!seen.Add(path))
            {
                warnings.Add($"The link names {path} twice; the first is kept.");
                continue;
            }
            if (f.Text is { } text)
            {
                loaded.Add(new WorkFile(path, text, f.From));
            }
            else if (bundle.Text(path) is { } bundled)
            {
                if (f.Stamp != BundledFiles.Stamp(bundled)) warnings.Add($"The link was made with another version of {path}; this page's version is shown, so verdicts may differ.");
                loaded.Add(new WorkFile(path, bundled, path));
            }
            else
            {
                warnings.Add($"The link names {path}, which this version of the playground does not bundle; it is left out.");
            }
        }
        var choices = ChoiceState.None with
        {
            Assumptions = Given(link.Assumptions),
            Readings = Given(link.Readings),
        };
        return new LinkReading(new PageState(loaded.ToImmutable(), choices, link.Sample, link.Exercise, VerdictKey.Parse(link.Selected)), warnings.ToImmutable(), null);
    }

    private static Dictionary<string, string?>? Written(ImmutableSortedDictionary<string, string> options) =>
        options.Count > 0 ? options.ToDictionary(o => o.Key, string? (o) => o.Value, StringComparer.Ordinal) : null;

    /// <summary>The options a link sets; one with no value (no page writes that) is left to the treaty.</summary>
    private static ImmutableSortedDictionary<string, string> Given(Dictionary<string, string?>? options) =>
        (options ?? []).Where(o => o.Value is not null).ToImmutableSortedDictionary(o => o.Key, o => o.Value!, StringComparer.Ordinal);

    private static LinkReading Fail(string why) => new(null, [], $"This link could not be read: {why}. The page opened on the tour instead.");

    private static byte[] Inflate(byte[] packed)
    {
        using var deflate = new DeflateStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var json = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = deflate.Read(buffer)) > 0)
        {
            json.Write(buffer, 0, n);
            if (json.Length > MaxJsonBytes) throw new InvalidDataException("The link inflates past its bound.");
        }
        return json.ToArray();
    }
}

internal sealed class LinkJson
{
    [JsonPropertyName("files")] public List<FileJson?>? Files { get; set; }
    [JsonPropertyName("assume")] public Dictionary<string, string?>? Assumptions { get; set; }
    [JsonPropertyName("reading")] public Dictionary<string, string?>? Readings { get; set; }
    [JsonPropertyName("sample")] public string? Sample { get; set; }
    [JsonPropertyName("exercise")] public string? Exercise { get; set; }
    [JsonPropertyName("selected")] public string? Selected { get; set; }
}

internal sealed class FileJson
{
    [JsonPropertyName("path")] public string? Path { get; set; }
    [JsonPropertyName("stamp")] public string? Stamp { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("from")] public string? From { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LinkJson))]
internal sealed partial class LinkContext : JsonSerializerContext;
