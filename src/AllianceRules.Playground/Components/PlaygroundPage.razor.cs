using System.Collections.Immutable;
using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Playground.Bundle;
using AllianceRules.Playground.Exercises;
using AllianceRules.Playground.Sharing;
using AllianceRules.Playground.Workspace;
using AllianceRules.Reporting;
using Microsoft.AspNetCore.Components;

namespace AllianceRules.Playground.Components;

/// <summary>
/// The page: the files and options (one <see cref="PageState"/>), the last evaluation, and what the
/// reader selected. Every change goes through <see cref="Apply"/>: the state changes, the engine
/// runs once (debounced while typing), and the link in the address bar follows.
/// </summary>
public sealed partial class PlaygroundPage : IDisposable
{

    private readonly BundledFiles _bundle = BundledFiles.Embedded;
    private ImmutableArray<Sample> _samples = [];
    private ImmutableArray<Exercise> _exercises = [];
    private PageState _state = new([], ChoiceState.None);
    private PageResult? _result;
    private Report? _lastReport;
    private string _active = string.Empty;
    private ImmutableHashSet<VerdictKey> _changed = [];
    private string? _changeNote;
    private string? _explanation;
    private string? _explainTitle;
    private ImmutableHashSet<(string File, int Line)> _cited = [];
    private ImmutableArray<string> _linkNotes = [];
    private string? _link = string.Empty;
    private string _view = "table";
    private CancellationTokenSource? _debounce;
    private bool _revealed;
    private TimeSpan _evaluatedIn;
    private int? _scrollTo;
    private (string Path, int Line)? _whyNot;

    /// <summary>How long typing must pause before the page evaluates again; a test sets it to control the timing.</summary>
    [Parameter]
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(300);

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private Exercise? CurrentExercise => _exercises.FirstOrDefault(x => x.Id == _state.Exercise);

    /// <summary>A predict exercise hides every verdict until the student has answered.</summary>
    private bool VerdictsHidden => CurrentExercise is { Kind: ExerciseKind.Predict } && !_revealed;

    private Sample? CurrentSample => _samples.FirstOrDefault(s => s.Id == _state.Sample);

    private WorkFile? ActiveFile => _state.Files.FirstOrDefault(f => f.Path == _active) ?? _state.Files.FirstOrDefault();

    protected override void OnInitialized()
    {
        _samples = Samples.All(_bundle);
        _exercises = ExerciseCatalog.All(_bundle);
        var fragment = new Uri(Navigation.Uri).Fragment;
        if (fragment.Length > 1)
        {
            var reading = ShareLink.Read(fragment, _bundle);
            _linkNotes = reading.Error is { } error ? [error] : reading.Warnings;
            // A link whose every file is unknown here (a newer page's) opens the tour, its warnings kept.
            if (reading.State is { Files.IsEmpty: false } state)
            {
                // A verdict the link selects is explained by this same evaluation.
                Apply(state, evaluateNow: true);
                return;
            }
        }
        LoadSample("tour");
    }

    private void LoadSample(string id)
    {
        if (_samples.FirstOrDefault(s => s.Id == id) is not { } sample) return;
        ClearSelection();
        Apply(new PageState([.. sample.Files.Select(Bundled)], ChoiceState.None, Sample: sample.Id), evaluateNow: true);
    }

    private void LoadExercise(string id)
    {
        if (_exercises.FirstOrDefault(x => x.Id == id) is not { } exercise) return;
        ClearSelection();
        Apply(new PageState([.. exercise.Files.Select(Bundled)], ChoiceState.None, Exercise: exercise.Id), evaluateNow: true);
    }

    private void OnMenu(ChangeEventArgs e)
    {
        var value = e.Value?.ToString() ?? string.Empty;
        _linkNotes = [];
        if (value.StartsWith("exercise:", StringComparison.Ordinal)) LoadExercise(value["exercise:".Length..]);
        else if (value.StartsWith("sample:", StringComparison.Ordinal)) LoadSample(value["sample:".Length..]);
    }

    private WorkFile Bundled(string path) => new(path, _bundle.Text(path) ?? string.Empty, path);

    /// <summary>An edit in an editor: the text is kept at once, and the engine runs once typing pauses.</summary>
    private async Task OnEdited(string path, string text)
    {
        _state = _state with { Files = [.. _state.Files.Select(f => f.Path == path ? f with { Text = text } : f)] };
        _changed = [];
        _changeNote = null;
        _debounce?.Cancel();
        _debounce?.Dispose();
        var debounce = _debounce = new CancellationTokenSource();
        try
        {
            await Task.Delay(Debounce, debounce.Token);
        }
        catch (TaskCanceledException)
        {
            return;
        }
        Apply(_state, evaluateNow: true);
        RefreshSelection();
    }

    private void OnChoice(ChoiceState choices)
    {
        var before = _result?.Statuses ?? ImmutableDictionary<VerdictKey, InstanceStatus>.Empty;
        Apply(_state with { Choices = choices }, evaluateNow: true);
        var after = _result?.Statuses ?? ImmutableDictionary<VerdictKey, InstanceStatus>.Empty;
        _changed = [.. after.Where(a => !before.TryGetValue(a.Key, out var was) || was != a.Value).Select(a => a.Key)];
        var gone = before.Keys.Count(k => !after.ContainsKey(k));
        _changeNote = _result?.Outcome.Report is null ? null
            : $"{Plural(_changed.Count, "verdict")} changed{(gone > 0 ? $", {Plural(gone, "instance")} no longer arise" : string.Empty)}.";
        RefreshSelection();
    }

    private void Apply(PageState state, bool evaluateNow)
    {
        _state = state;
        if (!_state.Files.Any(f => f.Path == _active)) _active = (_state.Files.FirstOrDefault(f => !f.Path.StartsWith("rules/", StringComparison.Ordinal)) ?? _state.Files.FirstOrDefault())?.Path ?? string.Empty;
        if (!evaluateNow) return;
        // The selected verdict is explained in the same run (unless why-not is on screen, or a
        // predict exercise hides the verdicts): one evaluation per change, not two.
        var explain = _whyNot is null && !VerdictsHidden ? _state.Selected : null;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        _result = PlaygroundEngine.Evaluate(_state.Files, _state.Choices, explain);
        _evaluatedIn = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        if (_result.Outcome.Report is { } report) _lastReport = report;
        if (explain is { } key) ShowExplanation(key, _result);
        UpdateLink();
    }

    /// <summary>
    /// The address bar follows the page. A page too large for a link (files of megabytes that do
    /// not compress) keeps its last link and says so: a link it could not read back is no link.
    /// </summary>
    private void UpdateLink()
    {
        var link = ShareLink.Write(_state, _bundle);
        if (link.Length > ShareLink.MaxFragment)
        {
            _link = null;
            return;
        }
        _link = link;
        Navigation.NavigateTo("#" + _link, forceLoad: false, replace: true);
    }

    private string ShareText => _link is null
        ? "This page is too large for a link: its files do not fit in the 2 MB a link may carry."
        : Navigation.BaseUri + "#" + _link;

    private void Select(VerdictKey key)
    {
        _state = _state with { Selected = key };
        _whyNot = null;
        // Apply explains it, unless a predict exercise hides the verdicts: a link may name one,
        // and its explanation would give the answer away (even "no longer arises" does).
        _explanation = null;
        _explainTitle = null;
        _cited = [];
        Apply(_state, evaluateNow: true);
    }

    private void ShowExplanation(VerdictKey key, PageResult result)
    {
        _explainTitle = $"Why {key}";
        _explanation = !result.Explanations.IsEmpty ? ExplanationTextWriter.Write(result.Explanations)
            : result.Outcome.Report is null ? "The files have errors (listed under the editor), so nothing is evaluated; fix them to see why."
            : "That instance no longer arises.";
        _cited = Citations.In(_explanation);
    }

    private void WhyNot(string path, int line)
    {
        // The explanation shown is now this line's: a later evaluation asks it again.
        _whyNot = (path, line);
        if (VerdictsHidden)
        {
            _explainTitle = $"What {path}:{line} set off";
            _explanation = "Check your answer first: what this event set off would give the verdicts away.";
            _cited = [];
            return;
        }
        var outcome = PlaygroundEngine.WhyNot(_state.Files, _state.Choices, path, line);
        _explainTitle = $"What {path}:{line} set off";
        _explanation = outcome.Explanation is { } x
            ? EventExplanationTextWriter.Write(x)
            : string.Join('\n', outcome.Diagnostics.Select(DiagnosticFormatter.Format));
        _cited = Citations.In(_explanation).Add((path, line));
    }

    /// <summary>The student has answered: the verdicts show, and the explanation of one a link selected.</summary>
    private void Reveal()
    {
        _revealed = true;
        if (_whyNot is null && _state.Selected is not null) Apply(_state, evaluateNow: true);
        else RefreshSelection();
    }

    /// <summary>
    /// What an event set off, asked again of the evaluation that replaced the one it came from (a
    /// selected verdict's explanation comes with the evaluation itself).
    /// </summary>
    private void RefreshSelection()
    {
        if (_whyNot is { } asked) WhyNot(asked.Path, asked.Line);
    }

    private void ClearSelection()
    {
        _explanation = null;
        _explainTitle = null;
        _cited = [];
        _whyNot = null;
        // Another sample's editor must not scroll to the line a citation of the last one named.
        _scrollTo = null;
        _revealed = false;
        _changed = [];
        _changeNote = null;
    }

    private void ApplyFix(Diagnostic d)
    {
        if (d.Fix is not { } fix || d.File is null) return;
        var file = _state.Files.FirstOrDefault(f => f.Path == d.File.Path);
        if (file is null) return;
        if (file.Text != d.File.Text)
        {
            // Typed since the check that offered the fix: its span may point anywhere now. Check
            // the text as it is, and offer the fixes of that check instead.
            _debounce?.Cancel();
            Apply(_state, evaluateNow: true);
            return;
        }
        if (fix.Span.Start + fix.Span.Length > file.Text.Length) return;
        var text = file.Text[..fix.Span.Start] + fix.Replacement + file.Text[(fix.Span.Start + fix.Span.Length)..];
        Apply(_state with { Files = [.. _state.Files.Select(f => f.Path == file.Path ? f with { Text = text } : f)] }, evaluateNow: true);
    }

    private void Show(string path)
    {
        _active = path;
        _scrollTo = null;
    }

    /// <summary>Opens a cited file at the cited line.</summary>
    private void ShowLine(string path, int line)
    {
        _active = path;
        _scrollTo = line;
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

    public void Dispose()
    {
        _debounce?.Cancel();
        _debounce?.Dispose();
    }
}
