using System.Text;
using AllianceRules.Checking;
using AllianceRules.Evaluation;
using AllianceRules.Text;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>
/// What the event under the cursor in a history did, for hover: the obligation instances it
/// triggered (opened or joined) and those it decided, in an evaluation of the whole workspace. It is
/// <c>alliance explain --event FILE:LINE</c> (<see cref="Checker.ExplainEvent"/>), told briefly.
/// </summary>
internal static class LspHistoryHover
{
    public static string Event(LocatedSymbol located)
    {
        var files = LspAnalysis.Files(located.Snapshot, []);
        files[located.Path] = located.File;
        var histories = files.Where(f => LspSymbols.IsHistory(f.Key)).Select(f => f.Value).ToList();
        var line = located.File.GetPosition(located.Offset).Line;
        var outcome = Checker.ExplainEvent(LspAnalysis.RuleFiles(files), histories, null, located.File.Path, line);
        if (outcome.Explanation is not { } x) return "\n\n---\n\nWhat this event did is shown when the workspace's histories have no errors.";
        var sb = new StringBuilder("\n\n---\n\n");
        sb.Append(x.Horizon is { } asOf ? $"In the workspace's evaluation (as of {DateText.Format(asOf)}), this event:" : "In the workspace's evaluation, this event:");
        var triggered = x.Rules.SelectMany(r => r.Instances).ToList();
        foreach (var i in triggered) sb.Append("\n- triggers `").Append(i.Id).Append("`: ").Append(Instance(i));
        foreach (var i in x.Decided) sb.Append("\n- decides `").Append(i.Id).Append("`: ").Append(Instance(i));
        if (triggered.Count == 0 && x.Decided.IsEmpty)
        {
            sb.Append(x.AfterHorizon ? "\n- lies after the horizon: it was read, not evaluated" : "\n- triggers and decides no obligation");
        }
        return sb.ToString();
    }

    private static string Instance(InstanceResult i) =>
        $"{i.Party} {i.Status.ToString().ToLowerInvariant()}{(i.DecidedOn is { } on ? $" on {DateText.Format(on)}" : string.Empty)}";
}
