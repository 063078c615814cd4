using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Parsing;
using AllianceRules.Text;
using AllianceRules.Validation.Lint;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>The diagnostics of a workspace, by the full path of the file they are in.</summary>
internal sealed record AnalysisResult(IReadOnlyDictionary<string, List<Diagnostic>> ByPath);

/// <summary>
/// Checks a workspace as <c>alliance check ROOT</c> and <c>alliance lint ROOT</c> do: its rule files
/// form the rule set, its .events and .jsonl histories are checked against it, and its .test files
/// are parsed. Open buffers stand in for the files on disk. Errors when there are any (as check
/// prints them), else the lint findings at the levels .alliance-lint in the root sets.
/// </summary>
internal static class LspAnalysis
{
    public static AnalysisResult Analyze(WorkspaceSnapshot snapshot)
    {
        var problems = new List<Diagnostic>();
        var files = Files(snapshot, problems);
        var rules = RuleFiles(files);
        return Check(files, rules, problems, snapshot.Root);
    }

    /// <summary>The files checked (with <paramref name="rulesOnly"/>, the rule files), by full path: those under the root, with open buffers in place of what is on disk.</summary>
    public static SortedDictionary<string, SourceFile> Files(WorkspaceSnapshot snapshot, List<Diagnostic> problems, bool rulesOnly = false)
    {
        bool Wanted(string path) => rulesOnly ? path.EndsWith(".treaty", StringComparison.Ordinal) : IsChecked(path);
        var files = new SortedDictionary<string, SourceFile>(StringComparer.Ordinal);
        if (snapshot.Root is { } root && Directory.Exists(root))
        {
            var (found, _) = InputDiscovery.Discover([root]);
            foreach (var input in found.Where(i => Wanted(i.FullPath)))
            {
                if (snapshot.Open.ContainsKey(input.FullPath)) continue;
                var display = LspWorkspace.Display(root, input.FullPath);
                if ((input.Kind == InputKind.Rules ? FileLimits.CheckRuleFile(display, input.FullPath) : FileLimits.CheckWholeHistory(display, input.FullPath)) is { } tooLarge)
                {
                    problems.Add(tooLarge);
                    continue;
                }
                try
                {
                    files[input.FullPath] = new SourceFile(display, InputText.Decode(input.FullPath, File.ReadAllBytes(input.FullPath)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    problems.Add(DiagnosticCatalog.CannotRead(display, ReadFailure.Why(e)));
                }
            }
        }
        foreach (var (path, document) in snapshot.Open)
        {
            if (Wanted(path)) files[path] = snapshot.Source(path, document);
        }
        return files;
    }

    /// <summary>The rule files among the workspace's files: the rule set.</summary>
    public static List<SourceFile> RuleFiles(SortedDictionary<string, SourceFile> files) =>
        [.. files.Where(f => f.Key.EndsWith(".treaty", StringComparison.Ordinal)).Select(f => f.Value)];

    private static AnalysisResult Check(SortedDictionary<string, SourceFile> files, List<SourceFile> rules, List<Diagnostic> problems, string? root)
    {
        var histories = files.Where(f => f.Key.EndsWith(".events", StringComparison.Ordinal) || f.Key.EndsWith(".jsonl", StringComparison.Ordinal)).Select(f => f.Value).ToList();
        var diagnostics = new List<Diagnostic>(problems);
        if (rules.Count > 0 || histories.Count > 0)
        {
            var (findings, errors) = Checker.Lint(rules, histories, Config(root));
            diagnostics.AddRange(errors.IsEmpty ? findings : errors);
        }
        foreach (var test in files.Where(f => f.Key.EndsWith(".test", StringComparison.Ordinal)))
        {
            diagnostics.AddRange(TestFileParser.Parse(test.Value).Diagnostics);
        }
        var byDisplay = files.ToDictionary(f => f.Value.Path, f => f.Key, StringComparer.Ordinal);
        var result = files.Keys.ToDictionary(k => k, _ => new List<Diagnostic>(), StringComparer.Ordinal);
        foreach (var d in diagnostics)
        {
            // A diagnostic of no file (or of one not in the workspace) has nowhere to be shown in an editor.
            if (d.File is { } file && byDisplay.TryGetValue(file.Path, out var path)) result[path].Add(d);
        }
        return new AnalysisResult(result);
    }

    /// <summary>Whether the language server checks a file: rule files, the two text history formats and rule tests.</summary>
    public static bool IsChecked(string path) =>
        path.EndsWith(".treaty", StringComparison.Ordinal) || path.EndsWith(".events", StringComparison.Ordinal)
        || path.EndsWith(".jsonl", StringComparison.Ordinal) || path.EndsWith(".test", StringComparison.Ordinal);

    /// <summary>The lint levels of .alliance-lint in the root; a broken configuration is for <c>alliance lint</c> to report, and the defaults apply.</summary>
    private static LintConfig Config(string? root)
    {
        if (root is null) return LintConfig.Default;
        var path = Path.Combine(root, LintCommand.DefaultConfig);
        if (!File.Exists(path)) return LintConfig.Default;
        try
        {
            var (config, found) = LintConfig.Parse(new SourceFile(LintCommand.DefaultConfig, File.ReadAllText(path)));
            return found.IsEmpty ? config : LintConfig.Default;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return LintConfig.Default;
        }
    }
}
