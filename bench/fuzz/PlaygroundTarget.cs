using System.Text;
using AllianceRules.Playground.Bundle;
using AllianceRules.Playground.Highlighting;
using AllianceRules.Playground.Sharing;
using AllianceRules.Playground.Workspace;

namespace AllianceRules.Fuzz;

/// <summary>
/// The <c>playground</c> target: what a visitor can hand the browser playground, in process. The
/// first byte chooses what the rest is. Even: a link's fragment, as pasted into the address bar
/// (after <c>v1.</c> when the byte is 0 mod 4, so the base64 and inflation are reached); reading it
/// never throws, and the state it yields is evaluated (the tour when it yields none, as the page
/// opens on the tour). The playground's assembly is not instrumented (common.sh): afl-fuzz is
/// guided by the engine's. Odd: a file's text, put beside the tour's rule
/// file as a history (1 mod 4) or in place of it (3 mod 4); the page's link for that state reads
/// back to the same files and choices, the evaluation gives diagnostics that start inside their file, and
/// the editor's colouring covers every character and gives each line back exactly.
/// </summary>
public static class PlaygroundTarget
{
    private static readonly BundledFiles Bundle = BundledFiles.Embedded;

    public static void Warm() => _ = Bundle.Text(Samples.TourRules);

    public static void Run(byte[] input)
    {
        if (input.Length == 0) return;
        var text = Encoding.UTF8.GetString(input, 1, input.Length - 1);
        if (input[0] % 2 == 0)
        {
            var reading = ShareLink.Read(input[0] % 4 == 0 ? "#v1." + text : text, Bundle);
            if ((reading.State is null) == (reading.Error is null)) throw new PropertyViolation("a link read gives either a state or an error");
            // The page evaluates what the link gives, or else opens on the tour.
            var state = reading.State ?? new PageState([Tour(), TourHistory()], ChoiceState.None);
            PlaygroundEngine.Evaluate(state.Files, state.Choices);
            return;
        }
        WorkFile[] files = input[0] % 4 == 1 ? [Tour(), new WorkFile("fuzz.events", text)] : [Tour() with { Text = text }, TourHistory()];
        var choices = ChoiceState.None.WithAssumption("CST.prompt", "3 days");
        var page = new PageState([.. files], choices, Sample: "tour");
        var back = ShareLink.Read(ShareLink.Write(page, Bundle), Bundle);
        if (back.State is not { } read || !read.Files.SequenceEqual(page.Files) || read.Choices.Assumptions["CST.prompt"] != "3 days")
        {
            throw new PropertyViolation($"the link did not read back: {back.Error}");
        }
        foreach (var d in PlaygroundEngine.Evaluate(files, choices).Diagnostics)
        {
            // The editor marks from the span's start: it must lie in the file, or just past its end
            // ("unexpected end of file" points there, one character wide, as the command line's caret does).
            if (d.File is { } f && (d.Span.Start < 0 || d.Span.Start > f.Text.Length)) throw new PropertyViolation($"{d.Code} lies outside {f.Path}");
        }
        Colour(text);
    }

    private static WorkFile Tour() => new(Samples.TourRules, Bundle.Text(Samples.TourRules)!, Samples.TourRules);

    private static WorkFile TourHistory() => new(Samples.TourHistory, Bundle.Text(Samples.TourHistory)!, Samples.TourHistory);

    private static void Colour(string text)
    {
        var shades = Highlighter.Shades(text);
        if (shades.Length != text.Length) throw new PropertyViolation("a character has no shade");
        var flagged = new bool[text.Length];
        var start = 0;
        foreach (var line in text.Split('\n'))
        {
            var runs = string.Concat(Highlighter.Runs(text, shades, flagged, start, start + line.Length).Select(r => r.Text));
            if (runs != line) throw new PropertyViolation("the colouring changed a line");
            start += line.Length + 1;
        }
    }
}
