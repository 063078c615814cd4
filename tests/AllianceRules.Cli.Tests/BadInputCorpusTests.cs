using System.Text;
using System.Text.RegularExpressions;
using AllianceRules.Tests.Support;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// The bad-input corpus (issue #8, tests/corpus/README.md): every case under tests/corpus/bad and
/// tests/corpus/good is run in a scratch copy of its folder, and its exit code, standard error and
/// standard output are compared with its <c>expected</c> file. A bad case must exit 2 with every
/// error located (<c>path:line:column: error CODE:</c>, or <c>alliance: error CODE:</c>), a good
/// case exit 0; no case may print a stack trace, an absolute path or hang.
/// Run with ALLIANCE_UPDATE_BASELINES=1 to rewrite the expected files, then review them.
/// </summary>
[Collection("cli")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class BadInputCorpusTests
{
    private static readonly string CorpusRoot = Path.Combine(CliHarness.RepoRoot, "tests", "corpus");

    /// <summary>The folder of the generated truncations of a real rule file.</summary>
    private const string Truncations = "bad/truncated-cst";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    public static TheoryData<string> Cases() => [.. CaseNames()];

    private static List<string> CaseNames()
    {
        var cases = new List<string>();
        foreach (var group in new[] { "bad", "good" })
        {
            foreach (var args in Directory.GetFiles(Path.Combine(CorpusRoot, group), "args", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(CorpusRoot, Path.GetDirectoryName(args)!).Replace('\\', '/');
                if (relative == Truncations) continue;
                cases.Add(relative);
            }
        }
        foreach (var cut in TruncationPoints()) cases.Add($"{Truncations}#{cut.Index:D3}");
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_gives_its_expected_output(string name)
    {
        using var harness = new CliHarness();
        var (folder, expectedPath) = Prepare(name, harness.Directory);
        var setups = File.Exists(Path.Combine(folder, "setup")) ? File.ReadAllLines(Path.Combine(folder, "setup")).Where(l => l.Length > 0).ToList() : [];
        var privileged = false;
        foreach (var setup in setups) privileged |= Setup(setup, harness.Directory);
        if (privileged && File.Exists(expectedPath + ".privileged")) expectedPath += ".privileged";

        var args = SplitArgs(File.ReadAllText(Path.Combine(folder, "args")).Trim());
        int exit;
        string stdout, stderr;
        try
        {
            (exit, stdout, stderr) = await Task.Run(() => harness.Run(args)).WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{name}: no answer within {Patience.TotalSeconds} s");
            return;
        }

        foreach (var setup in setups) AfterRun(setup, harness.Directory);
        foreach (var text in new[] { stdout, stderr })
        {
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", text, StringComparison.Ordinal);
            // Messages name paths as the user gave them, never the scratch folder's absolute path.
            Assert.DoesNotContain(harness.Directory, text, StringComparison.Ordinal);
        }
        if (privileged)
        {
            // chmod 000 does not stop this process (root): the file is read like any other, and
            // expected.privileged pins that; the case's own expected file holds what others see.
            Assert.True(exit == 0, $"{name}: exit {exit} though the unreadable file could be read\n{stderr}");
        }
        else if (name.StartsWith("bad/", StringComparison.Ordinal))
        {
            Assert.True(exit == 2, $"{name}: exit {exit}, expected 2\n{stderr}");
            var errors = stderr.Split('\n').Where(l => l.Contains(" error ", StringComparison.Ordinal) || l.StartsWith("alliance:", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(errors);
            foreach (var line in errors) Assert.Matches(ErrorLine(), line);
        }
        else
        {
            Assert.True(exit == 0, $"{name}: exit {exit}, expected 0\n{stderr}");
        }
        Baseline.Match(expectedPath, Render(exit, stderr, stdout));
    }

    /// <summary>Every truncation has its expected file, and no expected file is left from cuts that no longer exist.</summary>
    [Fact]
    public void Truncation_baselines_match_the_cuts()
    {
        if (Baseline.Updating) return;
        var wanted = TruncationPoints().Select(c => $"{c.Index:D3}.expected").ToHashSet(StringComparer.Ordinal);
        var present = Directory.GetFiles(Path.Combine(CorpusRoot, Truncations, "expected")).Select(Path.GetFileName).Cast<string>().ToHashSet(StringComparer.Ordinal);
        Assert.Empty(present.Except(wanted));
        Assert.Empty(wanted.Except(present));
    }

    [Fact]
    public void The_corpus_holds_at_least_200_bad_inputs()
    {
        var bad = CaseNames().Count(c => c.StartsWith("bad/", StringComparison.Ordinal));
        Assert.True(bad >= 200, $"only {bad} bad cases");
    }

    [GeneratedRegex(@"^([^: ][^:]*:\d+:\d+: error AR\d{4}: .+|alliance: error AR\d{4}: .+)$")]
    private static partial Regex ErrorLine();

    /// <summary>Exit code, standard error, then standard output (if any) after a line '--- stdout'.</summary>
    private static string Render(int exit, string stderr, string stdout)
    {
        var sb = new StringBuilder().Append(exit).Append('\n').Append(stderr.Replace("\r\n", "\n"));
        if (stdout.Length > 0)
        {
            if (sb[^1] != '\n') sb.Append('\n');
            sb.Append("--- stdout\n").Append(stdout.Replace("\r\n", "\n"));
        }
        return sb.ToString();
    }

    /// <summary>Copies the case's files into the scratch folder; the folder of its args and the expected file.</summary>
    private static (string Folder, string Expected) Prepare(string name, string scratch)
    {
        if (name.Split('#') is [var group, var index])
        {
            var folder = Path.Combine(CorpusRoot, group);
            foreach (var file in Directory.GetFiles(folder, "*.treaty").Where(f => Path.GetFileName(f) != "cst.treaty"))
            {
                File.Copy(file, Path.Combine(scratch, Path.GetFileName(file)));
            }
            var cut = TruncationPoints().Single(c => c.Index == int.Parse(index, System.Globalization.CultureInfo.InvariantCulture));
            File.WriteAllBytes(Path.Combine(scratch, "cst.treaty"), Encoding.UTF8.GetBytes(TruncationSource()[..cut.Offset]));
            return (folder, Path.Combine(folder, "expected", $"{index}.expected"));
        }
        var caseFolder = Path.Combine(CorpusRoot, name);
        CopyTree(caseFolder, scratch);
        return (caseFolder, Path.Combine(caseFolder, "expected"));
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (name is "args" or "setup" or "expected" or "expected.privileged") continue;
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    // ---- generated truncations ------------------------------------------------------------------

    private static string TruncationSource() => File.ReadAllText(Path.Combine(CorpusRoot, Truncations, "cst.treaty"));

    /// <summary>
    /// The end of every token of the frozen copy of rules/cst.treaty, by a scanner of its own (so a
    /// fault in the real lexer cannot hide a cut): strings, punctuation and runs of other
    /// characters are tokens; white space and comments are not. The end of the file is left out.
    /// </summary>
    public static IReadOnlyList<(int Index, int Offset)> TruncationPoints()
    {
        var text = TruncationSource();
        var ends = new List<int>();
        const string punctuation = "{}()[],=";
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n') i++;
                continue;
            }
            if (text.AsSpan(i).StartsWith("\"\"\""))
            {
                var close = text.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + 3;
            }
            else if (c == '"')
            {
                var j = i + 1;
                while (j < text.Length && text[j] != '"' && text[j] != '\n') j += text[j] == '\\' ? 2 : 1;
                i = Math.Min(j + 1, text.Length);
            }
            else if (punctuation.Contains(c))
            {
                i++;
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && !(punctuation + "\"#").Contains(text[i])) i++;
            }
            ends.Add(i);
        }
        return [.. ends.Where(e => e < text.TrimEnd().Length).Select((e, n) => (n + 1, e))];
    }

    // ---- file-system states and big inputs, made at run time -----------------------------------

    /// <summary>Builds what a case's <c>setup</c> line names; true when chmod 000 does not stop this process from reading (root).</summary>
    private static bool Setup(string setup, string dir)
    {
        var words = setup.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (words[0])
        {
            case "long-line":
                // long-line FILE PREFIX CHAR COUNT SUFFIX: one line of COUNT characters after the file's own text.
                var (file, prefix, fill, count, suffix) = (words[1], Unescape(words[2]), words[3][0], int.Parse(words[4], System.Globalization.CultureInfo.InvariantCulture), Unescape(words[5]));
                var existing = File.Exists(Path.Combine(dir, file)) ? File.ReadAllText(Path.Combine(dir, file)) : string.Empty;
                File.WriteAllText(Path.Combine(dir, file), existing + prefix + new string(fill, count) + suffix);
                return false;
            case "repeat-line":
                // repeat-line FILE TEMPLATE COUNT: a line per number, {0} the number as a party code suffix.
                var lines = new StringBuilder();
                for (var n = 0; n < int.Parse(words[3], System.Globalization.CultureInfo.InvariantCulture); n++) lines.Append(Unescape(words[2]).Replace("{0}", Code(n), StringComparison.Ordinal));
                var target = Path.Combine(dir, words[1]);
                var template = File.ReadAllText(target);
                File.WriteAllText(target, template.Replace("@REPEATED@\n", lines.ToString(), StringComparison.Ordinal));
                return false;
            case "nest":
                // nest FILE OPEN CLOSE COUNT: replace @NEST@ with COUNT times OPEN, then @UNNEST@ with COUNT times CLOSE.
                var nested = Path.Combine(dir, words[1]);
                var times = int.Parse(words[4], System.Globalization.CultureInfo.InvariantCulture);
                var source = File.ReadAllText(nested)
                    .Replace("@NEST@", string.Concat(Enumerable.Repeat(Unescape(words[2]), times)), StringComparison.Ordinal)
                    .Replace("@UNNEST@", string.Concat(Enumerable.Repeat(Unescape(words[3]), times)), StringComparison.Ordinal);
                File.WriteAllText(nested, source);
                return false;
            case "unreadable":
                var path = Path.Combine(dir, words[1]);
                File.SetUnixFileMode(path, UnixFileMode.None);
                return CanStillRead(path);
            case "symlink":
                // symlink LINK TARGET
                var link = Path.Combine(dir, words[1]);
                Directory.CreateDirectory(Path.GetDirectoryName(link)!);
                File.CreateSymbolicLink(link, words[2]);
                return false;
            case "read-only":
                File.WriteAllText(Path.Combine(dir, words[1]), "OLD REPORT\n");
                File.SetUnixFileMode(Path.Combine(dir, words[1]), UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                return false;
            default:
                throw new InvalidOperationException($"unknown setup '{setup}'");
        }
    }

    /// <summary>Checks after the run; and gives the scratch folder back its permissions so it can be deleted.</summary>
    private static void AfterRun(string setup, string dir)
    {
        var words = setup.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (words[0])
        {
            case "unreadable":
                var path = Path.Combine(dir, words[1]);
                File.SetUnixFileMode(path, Directory.Exists(path) ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute : UnixFileMode.UserRead | UnixFileMode.UserWrite);
                break;
            case "read-only":
                Assert.Equal("OLD REPORT\n", File.ReadAllText(Path.Combine(dir, words[1])));
                Assert.Empty(Directory.GetFiles(dir, ".*.tmp"));
                break;
        }
    }

    /// <summary>Whether this process reads a file or folder whose permissions forbid it (root does).</summary>
    private static bool CanStillRead(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.EnumerateFileSystemEntries(path).ToList();
            else File.ReadAllBytes(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Unescape(string s) => s == "-" ? string.Empty : s.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\s", " ", StringComparison.Ordinal);

    /// <summary>A distinct party code for each number: X then four letters.</summary>
    private static string Code(int n)
    {
        var letters = new char[4];
        for (var i = 3; i >= 0; i--)
        {
            letters[i] = (char)('A' + n % 26);
            n /= 26;
        }
        return "X" + new string(letters);
    }

    /// <summary>Splits an args line like a shell: white space separates, '...' and "..." quote.</summary>
    internal static string[] SplitArgs(string line)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        var (quote, inWord) = ('\0', false);
        foreach (var c in line)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else current.Append(c);
            }
            else if (c is '\'' or '"')
            {
                (quote, inWord) = (c, true);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) args.Add(current.ToString());
                current.Clear();
                inWord = false;
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }
        if (inWord) args.Add(current.ToString());
        return [.. args];
    }
}
