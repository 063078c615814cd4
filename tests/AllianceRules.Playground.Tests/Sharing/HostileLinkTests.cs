using AllianceRules.Playground.Bundle;
using AllianceRules.Playground.Exercises;
using AllianceRules.Playground.Sharing;
using AllianceRules.Playground.Tests.Exercises;
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

    [Fact]
    public void A_link_naming_a_path_twice_keeps_the_first()
    {
        var reading = ShareLink.Read(ShareLinkTests.Link("""{"files":[{"path":"x.treaty","text":"one"},{"path":"rules/a.treaty","stamp":"0"},{"path":"x.treaty","text":"two"},{"path":"rules/a.treaty","text":"three"}]}"""), Bundle);
        Assert.Null(reading.Error);
        Assert.Equal([new WorkFile("x.treaty", "one"), new WorkFile("rules/a.treaty", "treaty A \"A\" {\n}\n", "rules/a.treaty")], reading.State!.Files.ToArray());
        Assert.Equal(
        [
            "The link was made with another version of rules/a.treaty; this page's version is shown, so verdicts may differ.",
            "The link names x.treaty twice; the first is kept.",
            "The link names rules/a.treaty twice; the first is kept.",
        ], reading.Warnings.ToArray());
    }

    [Fact]
    public void An_exercise_opened_from_a_link_naming_a_path_twice_can_be_checked()
    {
        var start = SyntheticExercises.Edit + "start/pact.treaty";
        var json = $$"""{"exercise":"02-edit","files":[{"path":"{{start}}","text":"treaty {"},{"path":"{{start}}","text":"again"}]}""";
        var state = ShareLink.Read(ShareLinkTests.Link(json), SyntheticExercises.Bundled).State!;
        var results = AnswerChecker.Run(SyntheticExercises.Get("02-edit"), state.Files, SyntheticExercises.Bundled);
        Assert.False(Assert.Single(results).Passed);
    }
}
