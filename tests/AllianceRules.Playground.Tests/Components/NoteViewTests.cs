using AllianceRules.Playground.Bundle;
using AllianceRules.Playground.Components;
using Bunit;

namespace AllianceRules.Playground.Tests.Components;

/// <summary>A teaching note as the page shows it: the blocks of its Markdown, as text.</summary>
public sealed class NoteViewTests : IDisposable
{
    private const string Note = """
        # Title

        A paragraph
        wrapped.

        * **Article 4**: one
          continued here.
        * Second

        ```verdicts
        CST.a X 2022-01-05 fulfilled

        CST.b Y 2022-01-05 violated
        ```

        After.

        """;

    private readonly BunitContext _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void A_note_shows_its_headings_paragraphs_and_lists()
    {
        var view = _context.Render<NoteView>(p => p.Add(v => v.Text, Note));
        Assert.Equal(["Title"], view.FindAll("h3").Select(e => e.TextContent));
        Assert.Equal(["A paragraph\nwrapped.", "After."], view.FindAll("p").Select(e => e.TextContent));
    }

    [Fact]
    public void A_wrapped_list_item_is_one_item()
    {
        var view = _context.Render<NoteView>(p => p.Add(v => v.Text, Note));
        Assert.Equal(["**Article 4**: one continued here.", "Second"], view.FindAll("li").Select(e => e.TextContent));
    }

    [Fact]
    public void A_note_code_block_hides_its_language_and_keeps_its_blank_lines()
    {
        var view = _context.Render<NoteView>(p => p.Add(v => v.Text, Note));
        Assert.Equal(["CST.a X 2022-01-05 fulfilled\n\nCST.b Y 2022-01-05 violated"], view.FindAll("pre").Select(e => e.TextContent));
    }

    [Fact]
    public void The_kazakhstan_note_shows_its_verdicts_as_the_checker_prints_them()
    {
        var view = _context.Render<NoteView>(p => p.Add(v => v.Text, BundledFiles.Embedded.Text("docs/cases/kazakhstan-2022.md")!));
        var verdicts = view.FindAll("pre").Select(e => e.TextContent).ToList();
        Assert.Equal(2, verdicts.Count);
        Assert.StartsWith("CST.art2-attack CSTO 2022-01-05 fulfilled 2022-01-05\nCST.art4-2010 ARM", verdicts[0], StringComparison.Ordinal);
        Assert.All(view.FindAll("li"), li => Assert.False(li.TextContent.StartsWith(' '), li.TextContent));
    }
}
