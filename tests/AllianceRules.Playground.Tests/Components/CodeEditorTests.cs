using AllianceRules.Playground.Components;
using AllianceRules.Playground.Workspace;
using Bunit;

namespace AllianceRules.Playground.Tests.Components;

/// <summary>The editor's part in a citation: bringing the cited line into view.</summary>
public sealed class CodeEditorTests : IDisposable
{
    private readonly BunitContext _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void Regression_a_citation_of_another_file_at_the_same_line_is_scrolled_to()
    {
        var module = _context.JSInterop.SetupModule("./js/playground.js");
        module.SetupVoid("scrollToLine", _ => true);
        // A citation opens its file in the one editor: the file changes, the line number may not.
        var editor = _context.Render<CodeEditor>(p => p.Add(x => x.File, new WorkFile("rules/a.treaty", "a\nb\nc\n")).Add(x => x.ScrollTo, 2));
        editor.Render(p => p.Add(x => x.File, new WorkFile("seeds/b.events", "1\n2\n3\n")).Add(x => x.ScrollTo, 2));
        Assert.Equal(2, module.Invocations["scrollToLine"].Count);
    }
}
