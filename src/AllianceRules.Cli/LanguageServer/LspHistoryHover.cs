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
    private static readonly Lock Gate = new();
    private static string? generation;
    private static readonly Dictionary<(string Path, int Line), string> Cache = [];

    /// <summary>How many evaluations hover has run in this process: a repeated hover in an unchanged workspace runs none.</summary>
    internal static int Evaluations;

    /// <param name="cancellation">Honoured before the evaluation starts; <c>None</c> until the server cancels requests.</param>
    public static string Event(LocatedSymbol located, CancellationToken cancellation = default)
    {
        var files = LspAnalysis.Files(located.Snapshot, []);
        files[located.Path] = located.File;
        var line = located.File.GetPosition(located.Offset).Line;
        // The evaluation is the whole workspace's and may take seconds: it is kept for the
        // workspace generation (its root and a stamp of every rule file and history it reads).
        var key = Generation(located.Snapshot, files);
        lock (Gate)
        {
            if (generation != key)
            {
                generation = key;
                Cache.Clear();
            }
            if (Cache.TryGetValue((located.Path, line), out var cached)) return cached;
        }
        cancellation.ThrowIfCancellationRequested();
        var text = Explain(located, files, line);
        lock (Gate)
        {
            if (generation == key) Cache[(located.Path, line)] = text;
        }
        return text;
    }

    private static string Explain(LocatedSymbol located, SortedDictionary<string, SourceFile> files, int line)
    {
        Interlocked.Increment(ref Evaluations);
        var histories = files.Where(f => LspSymbols.IsHistory(f.Key)).Select(f => f.Value).ToList();
        var outcome = Checker.ExplainEvent(LspAnalysis.RuleFiles(files), histories, null, located.File.Path, line);
        if (outcome.Explanation is not { } x)
        {
            // Say what stopped the evaluation: an error in a history, or one the evaluation met (AR8001).
            var stop = outcome.Diagnostics.FirstOrDefault(d => d.IsError) ?? outcome.Diagnostics.FirstOrDefault();
            if (stop is null) return "\n\n---\n\nWhat this event did cannot be shown: the workspace's evaluation gave no explanation.";
            var where = stop.Position is { } at ? $" ({stop.File!.Path}:{at.Line}:{at.Column})" : string.Empty;
            return $"\n\n---\n\nWhat this event did cannot be shown: the workspace's evaluation stopped at {stop.Code}{where}: {stop.Message}";
        }
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

    /// <summary>
    /// The identity of the workspace's state as the evaluation sees it: its root and, for each rule
    /// file and .events or .jsonl history (all it reads), the open buffer's version and length or
    /// the file's length and time of last write on disk. Other files (CSV, datasets, .gz, tests) do
    /// not change what it says, and no file's text is hashed.
    /// </summary>
    private static string Generation(WorkspaceSnapshot snapshot, SortedDictionary<string, SourceFile> files)
    {
        var key = new StringBuilder(snapshot.Root ?? string.Empty).Append('\0');
        foreach (var (path, file) in files)
        {
            if (!LspSymbols.IsRules(path) && !LspSymbols.IsHistory(path)) continue;
            key.Append(path).Append('\0');
            if (snapshot.Open.TryGetValue(path, out var open))
            {
                key.Append("open ").Append(open.Version).Append(' ').Append(open.Text.Length);
            }
            else
            {
                try
                {
                    var info = new FileInfo(path);
                    key.Append("disk ").Append(info.Length).Append(' ').Append(info.LastWriteTimeUtc.Ticks).Append(' ').Append(file.Text.Length);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    key.Append("text ").Append(file.Text.Length).Append(' ').Append(file.Text.GetHashCode());
                }
            }
            key.Append('\0');
        }
        return key.ToString();
    }

    private static string Instance(InstanceResult i) =>
        $"{i.Party} {i.Status.ToString().ToLowerInvariant()}{(i.DecidedOn is { } on ? $" on {DateText.Format(on)}" : string.Empty)}";
}
