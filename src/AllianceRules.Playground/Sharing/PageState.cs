using System.Collections.Immutable;
using AllianceRules.Playground.Workspace;

namespace AllianceRules.Playground.Sharing;

/// <summary>
/// Everything a link reproduces: the files (bundled ones by path and stamp, edited ones by their
/// text), the options the controls set, the sample or exercise open, and the verdict selected.
/// </summary>
internal sealed record PageState(
    ImmutableArray<WorkFile> Files,
    ChoiceState Choices,
    string? Sample = null,
    string? Exercise = null,
    VerdictKey? Selected = null);
