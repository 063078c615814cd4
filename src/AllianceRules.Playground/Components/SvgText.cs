using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace AllianceRules.Playground.Components;

/// <summary>An SVG <c>&lt;text&gt;</c> element: Razor reserves the tag, so it is built here, its content as text.</summary>
public sealed class SvgText : ComponentBase
{
    [Parameter] public string X { get; set; } = "0";

    [Parameter] public string Y { get; set; } = "0";

    [Parameter] public string Content { get; set; } = string.Empty;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", X);
        builder.AddAttribute(2, "y", Y);
        builder.AddContent(3, Content);
        builder.CloseElement();
    }
}
