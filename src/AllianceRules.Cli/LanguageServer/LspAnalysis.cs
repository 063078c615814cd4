using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Model;
using AllianceRules.Parsing;
using AllianceRules.Syntax;
using AllianceRules.Text;
using AllianceRules.Validation.Lint;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>The diagnostics of a workspace, by the full path of the file they are in.</summary>
internal sealed record AnalysisResult(IReadOnlyDictionary<string, List<Diagnostic>> ByPath);

/// <summary>
/// Checks a workspace as <c>alliance check ROOT</c> and <c>alliance lint ROOT</c> do: the files are
/// those <see cref="InputDiscovery"/> finds for check, told apart by <see cref="InputFile.KindOf"/>;
/// the rule files form the rule set, the histories (.events, .jsonl, .csv, .tsv, .tab, each maybe
/// gzip-compressed) are checked against it, and each .test file is parsed and its names bound
/// against the rules it reads, as <c>alliance test</c> does before it runs anything. Open buffers
/// stand in for the files on disk. Errors when there are any (as check prints them), else the lint
/// findings at the levels .alliance-lint in the root sets.
/// </summary>
internal static class LspAnalysis
{
    public static AnalysisResult Analyze(WorkspaceSnapshot snapshot, CancellationToken cancel = default)
    {
        var problems = new List<Diagnostic>();
        var files = Files(snapshot, problems, cancel: cancel);
        var rules = RuleFiles(files);
        return Check(files, rules, problems, snapshot.Root, cancel);
    }

    /// <summary>The files checked (with <paramref name="rulesOnly"/>, the rule files), by full path: those under the root, with open buffers in place of what is on disk.</summary>
    public static SortedDictionary<string, SourceFile> Files(WorkspaceSnapshot snapshot, List<Diagnostic> problems, bool rulesOnly = false, CancellationToken cancel = default)
    {
        bool Wanted(string path) => rulesOnly ? KindOf(path) == InputKind.Rules : KindOf(path) is not null;
        var files = new SortedDictionary<string, SourceFile>(StringComparer.Ordinal);
        if (snapshot.Root is { } root && Directory.Exists(root))
        {
            var (found, _) = InputDiscovery.Discover([root]);
            foreach (var input in found.Where(i => Wanted(i.FullPath)))
            {
                cancel.ThrowIfCancellationRequested();
                if (snapshot.Open.ContainsKey(input.FullPath) && !Compressed(input.FullPath)) continue;
                var display = LspWorkspace.Display(root, input.FullPath);
                if (Read(input.FullPath, display, input.Kind, problems) is { } text) files[input.FullPath] = new SourceFile(display, text);
            }
        }
        foreach (var (path, document) in snapshot.Open)
        {
            // A compressed history's buffer is not its text: the file on disk is read, through gzip.
            if (Wanted(path) && !Compressed(path)) files[path] = snapshot.Source(path, document);
        }
        return files;
    }

    /// <summary>Whether the language server checks a file: whatever check reads (rule files and histories of every format) and rule tests.</summary>
    public static bool IsChecked(string path) => KindOf(path) is not null;

    /// <summary>What a file holds, as check decides it by its name.</summary>
    public static InputKind? KindOf(string path) => InputFile.KindOf(Path.GetFileName(path));

    /// <summary>The rule files among the workspace's files: the rule set.</summary>
    public static List<SourceFile> RuleFiles(SortedDictionary<string, SourceFile> files) =>
        [.. files.Where(f => KindOf(f.Key) == InputKind.Rules).Select(f => f.Value)];

    private static bool Compressed(string path) => path.EndsWith(".gz", StringComparison.Ordinal);

    /// <summary>A file's text as check reads it (a regular file, within the same limits, through gzip for .gz); null with a diagnostic when it cannot be read.</summary>
    private static string? Read(string fullPath, string display, InputKind kind, List<Diagnostic> problems) =>
        LspDisk.TryRead(fullPath, display, kind == InputKind.Rules, problems);

    private static AnalysisResult Check(SortedDictionary<string, SourceFile> files, List<SourceFile> rules, List<Diagnostic> problems, string? root, CancellationToken cancel)
    {
        var histories = files.Where(f => KindOf(f.Key) is { } kind && new InputFile(f.Key, f.Value.Path, kind).IsHistory).Select(f => f.Value).ToList();
        var diagnostics = new List<Diagnostic>(problems);
        if (rules.Count > 0 || histories.Count > 0)
        {
            cancel.ThrowIfCancellationRequested();
            var (findings, errors) = Checker.Lint(rules, histories, Config(root));
            diagnostics.AddRange(errors.IsEmpty ? findings : errors);
        }
        var ruleSets = new Dictionary<string, RuleSet?>(StringComparer.Ordinal);
        foreach (var test in files.Where(f => KindOf(f.Key) == InputKind.Tests))
        {
            cancel.ThrowIfCancellationRequested();
            var (syntax, found) = TestFileParser.Parse(test.Value);
            diagnostics.AddRange(found);
            // As 'alliance test': names are bound only in a file that parses.
            if (found.Count == 0) diagnostics.AddRange(BindTests(test.Key, syntax, files, root, ruleSets, cancel));
        }
        var byDisplay = files.ToDictionary(f => f.Value.Path, f => f.Key, StringComparer.Ordinal);
        var result = files.Keys.ToDictionary(k => k, _ => new List<Diagnostic>(), StringComparer.Ordinal);
        foreach (var d in diagnostics)
        {
            // A diagnostic of no file (or of one not in the workspace) has nowhere to be shown in an editor.
            // One read in pieces (a long history) is placed in the whole file, which the editor has.
            if (d.File is { } file && byDisplay.TryGetValue(file.Path, out var path)) result[path].Add(file.FirstOffset == 0 ? d : d with { File = files[path], Span = d.Span.Shift(checked((int)file.FirstOffset)) });
        }
        return new AnalysisResult(result);
    }

    /// <summary>
    /// The treaties each test of a test file loads, by the test's span: its <c>rules</c> paths
    /// resolved as <see cref="BindTests"/> resolves them (the workspace's files where they are, the disk elsewhere).
    /// </summary>
    internal static List<(TextSpan Span, HashSet<string> Treaties)> TestTreaties(string testPath, SourceFile test, SortedDictionary<string, SourceFile> files, string? root)
    {
        var result = new List<(TextSpan, HashSet<string>)>();
        var (syntax, _) = TestFileParser.Parse(test);
        BindTests(testPath, syntax, files, root, [], CancellationToken.None, (t, rules) => result.Add((t.Span, [.. rules
            .SelectMany(r => AllianceRules.Binding.SymbolLocator.All(RuleFileParser.Parse(r).Syntax))
            .Where(s => s.Kind == AllianceRules.Binding.SymbolKind.Treaty && s.IsDeclaration)
            .Select(s => s.Name)])));
        return result;
    }

    /// <summary>
    /// What <c>alliance test</c> reports of a test file before it evaluates anything: a path that
    /// does not exist (AR5004) or holds nothing of its kind (AR5009), and names its rules do not
    /// declare (AR5008, AR3033, by <see cref="RuleTestRunner.UnknownNames"/>). Paths are relative to
    /// the test file; the workspace's files (open buffers included) are used where they are, the
    /// disk elsewhere. Rules with errors are reported in their own files, and bind nothing here.
    /// </summary>
    private static List<Diagnostic> BindTests(string testPath, TestFileSyntax syntax, SortedDictionary<string, SourceFile> files, string? root, Dictionary<string, RuleSet?> ruleSets, CancellationToken cancel, Action<RuleTestSyntax, List<SourceFile>>? loads = null)
    {
        var found = new List<Diagnostic>();
        var directory = Path.GetDirectoryName(testPath)!;
        var rootFull = RootPath(root);
        bool Within(string full) => rootFull is not null && (full == rootFull || full.StartsWith(rootFull + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        foreach (var test in syntax.Tests)
        {
            cancel.ThrowIfCancellationRequested();
            var located = new List<Diagnostic>();
            var rules = Named(test.Rules, isRules: true);
            foreach (var path in test.Histories) Named([path], isRules: false);
            loads?.Invoke(test, rules);
            found.AddRange(located);
            if (located.Count > 0 || rules.Count == 0) continue;
            var key = string.Join('\n', rules.Select(r => r.Path));
            if (!ruleSets.TryGetValue(key, out var ruleSet)) ruleSets[key] = ruleSet = RuleSetLoader.Load(rules).Value;
            if (ruleSet is not null) found.AddRange(RuleTestRunner.UnknownNames(test, syntax.File, ruleSet));

            List<SourceFile> Named(IReadOnlyList<StringLiteral> paths, bool isRules)
            {
                var loaded = new List<SourceFile>();
                foreach (var path in paths)
                {
                    string full;
                    try
                    {
                        full = InputDiscovery.RealPath(Path.GetFullPath(Path.Combine(directory, path.Value)));
                    }
                    catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
                    {
                        located.Add(DiagnosticCatalog.TestPathNotFound(syntax.File.At(path.Span), path.Value, path.Value));
                        continue;
                    }
                    bool OfKind(InputKind? kind) => isRules ? kind == InputKind.Rules : kind is { } k && k is not (InputKind.Rules or InputKind.Tests);
                    // The workspace's files stand for the path when it names one of them, or a folder that is
                    // the root or inside it. A folder above the root holds more than the workspace: from disk.
                    var folder = full.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                    var inWorkspace = files.Where(f => (f.Key == full || (Within(full) && f.Key.StartsWith(folder, StringComparison.Ordinal))) && OfKind(KindOf(f.Key))).ToList();
                    if (inWorkspace.Count > 0)
                    {
                        loaded.AddRange(inWorkspace.Select(f => f.Value));
                        continue;
                    }
                    // Not among the workspace's files (outside the folder, or inside a folder the walk skips): from disk, as 'alliance test' reads it.
                    if (!File.Exists(full) && !Directory.Exists(full))
                    {
                        located.Add(DiagnosticCatalog.TestPathNotFound(syntax.File.At(path.Span), path.Value, LspWorkspace.Display(root, full)));
                        continue;
                    }
                    var (inputs, problems) = InputDiscovery.Discover([full]);
                    located.AddRange(problems);
                    var wanted = inputs.Where(i => OfKind(i.Kind)).ToList();
                    if (problems.Count == 0 && wanted.Count == 0) located.Add(DiagnosticCatalog.TestPathHoldsNothing(syntax.File.At(path.Span), path.Value, What(isRules)));
                    // Only rule files are needed to bind names; histories are only looked for.
                    if (!isRules) continue;
                    foreach (var input in wanted)
                    {
                        var display = LspWorkspace.Display(root, input.FullPath);
                        var unread = new List<Diagnostic>();
                        if (Read(input.FullPath, display, input.Kind, unread) is { } text) loaded.Add(new SourceFile(display, text));
                        // A file that cannot be read (AR9003, AR9020) is reported where the test names it, which the editor shows.
                        located.AddRange(unread.Select(d => d.File is null ? d with { File = syntax.File, Span = path.Span } : d));
                    }
                }
                return loaded;
            }
        }
        return found;
    }

    /// <summary>The root as the workspace's files name it (links resolved, no separator at the end); null without one.</summary>
    private static string? RootPath(string? root)
    {
        if (root is null) return null;
        try
        {
            return InputDiscovery.RealPath(Path.GetFullPath(root)).TrimEnd(Path.DirectorySeparatorChar);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or IOException)
        {
            return root.TrimEnd(Path.DirectorySeparatorChar);
        }
    }

    private static string What(bool isRules) => isRules ? "rule file (.treaty)" : "history (.events, .jsonl, .csv, .tsv, .tab)";

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
