using AllianceRules.Playground.Bundle;
using AllianceRules.Playground.Sharing;
using AllianceRules.Playground.Workspace;

namespace AllianceRules.Playground.Tests.Sharing;

/// <summary>A link is text anyone can write: what no page writes must still be read without an exception.</summary>
public sealed class HostileLinkTests
{
    private static readonly BundledFiles Bundle = new([new("rules/a.treaty", "treaty A \"A\" {\n}\n")]);

    [Fact]
    public void A_link_whose_file_list_holds_null_skips_it()
    {
        var reading = ShareLink.Read(ShareLinkTests.Link("""{"files":[null,{"path":"x.treaty","text":"t"}]}"""), Bundle);
        Assert.Null(reading.Error);
        Assert.Equal([new WorkFile("x.treaty", "t")], reading.State!.Files.ToArray());
    }

    [Fact]
    public void A_link_with_a_null_option_drops_that_option()
    {
        var reading = ShareLink.Read(ShareLinkTests.Link("""{"files":[{"path":"x.treaty","text":"t"}],"assume":{"A.x":null,"A.y":"3 days"},"reading":{"A.r":null}}"""), Bundle);
        Assert.Null(reading.Error);
        Assert.Equal(["A.y=3 days"], reading.State!.Choices.Assumptions.Select(a => $"{a.Key}={a.Value}"));
        Assert.Empty(reading.State.Choices.Readings);
        PlaygroundEngine.Evaluate(reading.State.Files, reading.State.Choices);
    }
}
