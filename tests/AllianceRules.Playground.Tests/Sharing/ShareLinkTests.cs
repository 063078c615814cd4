using System.Buffers.Text;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using AllianceRules.Playground.Bundle;
using AllianceRules.Playground.Sharing;
using AllianceRules.Playground.Workspace;
using CsCheck;
using NodaTime;

namespace AllianceRules.Playground.Tests.Sharing;

/// <summary>A link reproduces the page exactly, stays short for bundled files, and a damaged one is told, never thrown.</summary>
public sealed class ShareLinkTests
{
    private const string Damaged = "This link could not be read: it is damaged (perhaps cut short when it was copied). The page opened on the tour instead.";

    private static readonly BundledFiles Bundle = new([
        new("rules/a.treaty", "treaty A \"A\" {\n}\n"),
        new("seeds/b.events", "2022-01-01 X attack Y \"é 😀\"\n"),
    ]);

    // Pieces a text is made of: quotes, escapes, line ends, markup and characters outside ASCII and the BMP.
    private static readonly Gen<string> Text = Gen.OneOf(
            "a", "Z", "0", " ", "\n", "\r\n", "\t", "\"", "\"\"\"", "'", "\\", "#", "$x", "=", "é", "Ω", "中", "😀", "\u200b", "\u0000",
            "</script>", "<b>", "&amp;", "v1.", "%20", "{\"files\":[]}", "2022-09-13")
        .Array[0, 40].Select(string.Concat);

    private static readonly Gen<string> Path = Gen.Select(Text, Gen.OneOf(".treaty", ".events", ".jsonl", ".md", ""))
        .Select((t, e) => "p/" + t + e);

    private static readonly Gen<WorkFile> File = Gen.OneOf(
        Gen.Select(Path, Text).Select((p, t) => new WorkFile(p, t)),
        Gen.Select(Path, Text, Gen.OneOf("rules/a.treaty", "seeds/b.events")).Select((p, t, from) => new WorkFile(p, t, from)),
        Gen.OneOf("rules/a.treaty", "seeds/b.events").Select(p => new WorkFile(p, Bundle.Text(p)!, p)),
        Gen.Select(Gen.OneOf("rules/a.treaty", "seeds/b.events"), Text).Select((p, t) => new WorkFile(p, t, p)));

    private static readonly Gen<ImmutableSortedDictionary<string, string>> Options =
        Gen.Select(Text, Text).Array[0, 4].Select(kv => kv.DistinctBy(p => p.Item1).ToImmutableSortedDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal));

    private static readonly Gen<VerdictKey?> Selected = Gen.OneOf(
        Gen.Const<VerdictKey?>((VerdictKey?)null),
        Gen.Select(Gen.OneOf("CST.art4", "CST.art4-request", "X_1.y-z"), Gen.OneOf("ARM", "KAZ", "RUS"), Gen.Int[0, 60_000])
            .Select((r, p, d) => (VerdictKey?)new VerdictKey(r, p, new LocalDate(1900, 1, 1).PlusDays(d))));

    private static readonly Gen<PageState> State =
        Gen.Select(File.Array[1, 5], Options, Options, Gen.Select(Text.Null(), Text.Null(), Selected))
            .Select((files, assume, read, rest) => new PageState([.. files.DistinctBy(f => f.Path)], new ChoiceState(assume, read), rest.Item1, rest.Item2, rest.Item3));

    private static string Show(PageState s) =>
        string.Join("|", s.Files.Select(f => $"{f.Path}\u0001{f.Text}\u0001{f.BundledFrom}")) + "#"
        + string.Join("|", s.Choices.Assumptions.Select(a => a.Key + "=" + a.Value)) + "#"
        + string.Join("|", s.Choices.Readings.Select(a => a.Key + "=" + a.Value)) + $"#{s.Sample}#{s.Exercise}#{s.Selected}";

    [Fact]
    public void Every_page_state_survives_its_link_exactly() =>
        State.Sample(state =>
        {
            var reading = ShareLink.Read("#" + ShareLink.Write(state, Bundle), Bundle);
            Assert.Null(reading.Error);
            Assert.Empty(reading.Warnings);
            Assert.Equal(Show(state), Show(reading.State!));
            Assert.Equal(state.Selected, reading.State!.Selected);
        }, iter: 300);

    [Fact]
    public void Unedited_bundled_files_travel_as_a_stamp_so_the_whole_library_link_is_short()
    {
        var library = Samples.All(BundledFiles.Embedded).Single(s => s.Id == "library");
        var files = library.Files.Select(p => new WorkFile(p, BundledFiles.Embedded.Text(p)!, p)).ToImmutableArray();
        Assert.True(files.Sum(f => f.Text.Length) > 100_000, "the library should be large, or this test shows nothing");
        var link = ShareLink.Write(new PageState(files, ChoiceState.None, Sample: "library"), BundledFiles.Embedded);
        Assert.True(link.Length < 800, $"the link is {link.Length} characters");
        var back = ShareLink.Read(link, BundledFiles.Embedded);
        Assert.Equal(library.Files, back.State!.Files.Select(f => f.Path));
        Assert.All(back.State.Files, f => Assert.Equal(BundledFiles.Embedded.Text(f.Path), f.Text));
    }

    [Fact]
    public void A_bundled_file_of_another_version_is_loaded_as_this_page_has_it_with_a_warning()
    {
        var link = ShareLink.Write(new PageState([new WorkFile("rules/a.treaty", "treaty A \"A\" {\n}\n", "rules/a.treaty")], ChoiceState.None), Bundle);
        var newer = new BundledFiles([new("rules/a.treaty", "treaty A \"A, amended\" {\n}\n")]);
        var reading = ShareLink.Read(link, newer);
        Assert.Null(reading.Error);
        Assert.Equal(["The link was made with another version of rules/a.treaty; this page's version is shown, so verdicts may differ."], reading.Warnings.ToArray());
        Assert.Equal("treaty A \"A, amended\" {\n}\n", reading.State!.Files.Single().Text);
    }

    [Fact]
    public void A_bundled_file_this_page_lacks_is_left_out_with_a_warning()
    {
        var link = ShareLink.Write(new PageState([new WorkFile("rules/a.treaty", Bundle.Text("rules/a.treaty")!, "rules/a.treaty"), new WorkFile("seeds/b.events", Bundle.Text("seeds/b.events")!, "seeds/b.events")], ChoiceState.None), Bundle);
        var reading = ShareLink.Read(link, new BundledFiles([new("rules/a.treaty", Bundle.Text("rules/a.treaty")!)]));
        Assert.Equal(["The link names seeds/b.events, which this version of the playground does not bundle; it is left out."], reading.Warnings.ToArray());
        Assert.Equal(["rules/a.treaty"], reading.State!.Files.Select(f => f.Path));
    }

    public static TheoryData<string, string> DamagedLinks() => new()
    {
        { "#v1.!!!not base64!!!", Damaged },
        { "#v1.", Damaged },
        { "#v1.AAAA", Damaged },
        { "#v9." + Good()[3..], "This link could not be read: it was made by another version of the playground (format 'v9'; this page reads 'v1'). The page opened on the tour instead." },
        { "#nodot", "This link could not be read: it has no version mark. The page opened on the tour instead." },
        { "#", "This link could not be read: it has no version mark. The page opened on the tour instead." },
        { "#v1." + Deflated(new byte[9 << 20]), Damaged },
        { "#v1." + Deflated("{\"files\":3}"u8.ToArray()), Damaged },
        { "#v1." + Deflated("null"u8.ToArray()), "This link could not be read: it names no file. The page opened on the tour instead." },
        { "#v1." + Deflated("{\"files\":[]}"u8.ToArray()), "This link could not be read: it names no file. The page opened on the tour instead." },
        { "#v1." + new string('A', ShareLink.MaxFragment), "This link could not be read: the link is 2,000,003 characters long, more than this page ever writes. The page opened on the tour instead." },
    };

    [Theory]
    [MemberData(nameof(DamagedLinks))]
    public void A_damaged_link_is_told_not_thrown(string fragment, string error)
    {
        var reading = ShareLink.Read(fragment, Bundle);
        Assert.Equal(error, reading.Error);
        Assert.Null(reading.State);
        Assert.Empty(reading.Warnings);
    }

    [Fact]
    public void A_deflate_bomb_is_stopped_at_its_bound_while_short_on_the_wire()
    {
        var bomb = Deflated(new byte[64 << 20]);
        Assert.True(bomb.Length < ShareLink.MaxFragment);
        Assert.Equal(Damaged, ShareLink.Read("v1." + bomb, Bundle).Error);
    }

    [Fact]
    public void Every_cut_of_a_link_is_read_or_told_never_thrown()
    {
        var link = Good();
        for (var n = 0; n < link.Length; n++)
        {
            var reading = ShareLink.Read(link[..n], Bundle);
            Assert.True(reading.Error is not null || reading.State is not null, $"cut at {n}");
        }
    }

    private static string Good() => ShareLink.Write(new PageState([new WorkFile("x.treaty", "treaty X \"X\" {\n}\n")], ChoiceState.None), Bundle);

    internal static string Deflated(byte[] json)
    {
        using var packed = new MemoryStream();
        using (var deflate = new DeflateStream(packed, CompressionLevel.SmallestSize, leaveOpen: true)) deflate.Write(json);
        return Base64Url.EncodeToString(packed.ToArray());
    }

    internal static string Link(string json) => "v1." + Deflated(Encoding.UTF8.GetBytes(json));
}
