using System.CommandLine;
using AllianceRules.Cli.CommandLine;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using AllianceRules.Checking;
using AllianceRules.Diagnostics;
using AllianceRules.Parsing;
using AllianceRules.Reporting;
using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.Cli;

/// <summary>
/// <c>alliance test PATH... [--junit FILE]</c>: runs rule writers' <c>.test</c> files. Each test
/// reads its rules and histories (paths relative to the test file), evaluates, and checks its
/// expectations; a failure shows the expected and the actual status, and how the engine reached it.
/// </summary>
internal sealed class TestCommand(CommandOutput io)
{
    private readonly TextWriter stdout = io.Out;
    private readonly TextWriter stderr = io.Error;

    private readonly HashSet<string> readPaths = new(StringComparer.Ordinal);

    // A .test file sets its rules, histories, horizon and assumptions; of the shared options only these are left.
    private const EvaluationOption Shared = EvaluationOption.Observed | EvaluationOption.Quiet;

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Test files (.test), or directories holding them.",
        };
        var junit = new Option<string?>("--junit")
        {
            HelpName = "FILE",
            Description = "Also write the results as JUnit XML, for CI systems.",
        };
        var command = new Command("test", """
            Run rule writers' tests (.test files): each names rule files and a history and states what
            must come out. A failure shows the expected and the actual status and how the engine reached it.
            Exit status: 0 all passed; 1 some expectation failed; 2 a test file or its inputs are invalid.
            """)
        {
            paths, junit,
        };
        var shared = EvaluationOptionGroup.AddTo(command, Shared);
        command.WithVersion();
        command.SetDiagnosedAction(stdout, stderr, (result, io) => new TestCommand(io).Run(result.GetValue(paths) ?? [], result.GetValue(junit), shared.Read(result)));
        return command;
    }

    public int Run(IReadOnlyList<string> paths, string? junit, EvaluationArgs args)
    {
        // Only --observed reaches the engine; a bad interval is the command line's mistake.
        var (options, invalid) = CommandInput.Read(new InputRequest([], args, null));
        if (options is null) return io.Fail(invalid);
        var (inputs, problems) = InputDiscovery.Discover(paths);
        if (problems.Count > 0) return io.Fail(problems);
        var files = inputs.Where(i => i.Kind == InputKind.Tests).ToList();
        if (files.Count == 0) return io.Fail([DiagnosticCatalog.CommandLine("no .test file was found; name .test files or directories holding them")]);

        var parsed = new List<(InputFile Input, TestFileSyntax Syntax)>();
        var diagnostics = new List<Diagnostic>();
        foreach (var input in files)
        {
            var text = Read(input.FullPath, input.DisplayPath, diagnostics);
            if (text is null) continue;
            var (syntax, found) = TestFileParser.Parse(new SourceFile(input.DisplayPath, text));
            diagnostics.AddRange(found);
            parsed.Add((input, syntax));
        }
        if (diagnostics.Count > 0) return io.Fail(diagnostics);

        var results = new List<(InputFile File, RuleTestResult Result)>();
        foreach (var (input, syntax) in parsed)
        {
            foreach (var test in syntax.Tests)
            {
                var located = new List<Diagnostic>();
                var rules = Load(input, syntax.File, test.Rules, [InputKind.Rules], located);
                var histories = Load(input, syntax.File, test.Histories, [InputKind.Events, InputKind.JsonLines, InputKind.Csv, InputKind.Dataset], located);
                if (test.InlineHistory is { } inline) histories.Add(inline);
                var result = located.Count > 0 ? new RuleTestResult(test, [], [.. located]) : RuleTestRunner.Run(test, syntax.File, rules, histories, options.Options.Observed);
                results.Add((input, result));
                Print(syntax.File, result);
            }
        }
        var failed = results.Count(r => !r.Result.Passed);
        var errors = results.Count(r => !r.Result.Diagnostics.IsEmpty);
        stdout.WriteLine($"{results.Count} test{(results.Count == 1 ? string.Empty : "s")}: {results.Count - failed} passed, {failed - errors} failed{(errors > 0 ? $", {errors} could not run" : string.Empty)}");
        if (junit is not null)
        {
            var target = InputDiscovery.RealPath(Path.GetFullPath(junit));
            if (files.Any(f => f.FullPath == target) || readPaths.Contains(target)) return io.Fail([DiagnosticCatalog.OutputIsInput(junit)]);
            var existed = File.Exists(junit);
            if (AtomicFile.TryWrite(junit, JUnit(results)) is { } why) return io.Fail([DiagnosticCatalog.CannotWriteOutput(junit, why, existed)]);
        }
        return errors > 0 ? ExitCode.InvalidInput : failed > 0 ? ExitCode.Violation : ExitCode.Evaluated;
    }

    private static string? Read(string full, string display, List<Diagnostic> diagnostics)
    {
        if (FileLimits.CheckWholeHistory(display, full) is { } tooLarge)
        {
            diagnostics.Add(tooLarge);
            return null;
        }
        try
        {
            return InputText.Decode(full, File.ReadAllBytes(full));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            diagnostics.Add(ReadFailure.Report(display, e));
            return null;
        }
    }

    /// <summary>The files a test names, relative to the test file, shown relative to the current directory.</summary>
    private List<SourceFile> Load(InputFile testFile, SourceFile source, IReadOnlyList<StringLiteral> paths, InputKind[] kinds, List<Diagnostic> diagnostics)
    {
        var loaded = new List<SourceFile>();
        var directory = Path.GetDirectoryName(testFile.FullPath)!;
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(Path.Combine(directory, path.Value));
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                diagnostics.Add(DiagnosticCatalog.TestPathNotFound(source.At(path.Span), path.Value, Path.GetRelativePath(Environment.CurrentDirectory, full)));
                continue;
            }
            var (found, problems) = InputDiscovery.Discover([Path.GetRelativePath(Environment.CurrentDirectory, full)]);
            diagnostics.AddRange(problems);
            if (problems.Count == 0 && !found.Any(f => kinds.Contains(f.Kind)))
            {
                diagnostics.Add(DiagnosticCatalog.TestPathHoldsNothing(source.At(path.Span), path.Value, kinds.Contains(InputKind.Rules) ? "rule file (.treaty)" : "history (.events, .jsonl, .csv, .tsv, .tab)"));
            }
            foreach (var file in found.Where(f => kinds.Contains(f.Kind)))
            {
                readPaths.Add(file.FullPath);
                if (Read(file.FullPath, file.DisplayPath, diagnostics) is { } text) loaded.Add(new SourceFile(file.DisplayPath, text));
            }
        }
        return loaded;
    }

    private void Print(SourceFile file, RuleTestResult result)
    {
        var at = $"{file.Path}:{file.GetPosition(result.Test.Span.Start).Line}";
        var name = result.Test.Name.Value;
        if (!result.Diagnostics.IsEmpty)
        {
            // The test could not run: its line says so, and its errors go where errors go.
            stdout.WriteLine($"ERROR   {at}  {name}");
            io.Report(result.Diagnostics);
            return;
        }
        if (result.Passed)
        {
            stdout.WriteLine($"ok      {at}  {name} ({result.Expectations.Length} expectation{(result.Expectations.Length == 1 ? string.Empty : "s")})");
            return;
        }
        stdout.WriteLine($"FAILED  {at}  {name}");
        foreach (var e in result.Expectations.Where(e => !e.Passed)) stdout.Write(Describe(file, e));
    }

    private static string Describe(SourceFile file, ExpectationResult e)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"  {file.Path}:{file.GetPosition(e.Expectation.Span.Start).Line}: {e.Expectation.Text}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"    expected: {e.Expected}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"    actual:   {e.Actual}");
        if (e.Explanation is { } why)
        {
            sb.AppendLine("    how the engine decided it:");
            sb.Append(Indent(ExplanationTextWriter.Write(why).TrimEnd('\n'), 6)).AppendLine();
        }
        return sb.ToString();
    }

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(l => new string(' ', spaces) + l));

    private static string JUnit(List<(InputFile File, RuleTestResult Result)> results)
    {
        var suites = results.GroupBy(r => r.File.DisplayPath).Select(g => new XElement("testsuite",
            new XAttribute("name", g.Key),
            new XAttribute("tests", g.Count()),
            new XAttribute("failures", g.Count(r => r.Result.Diagnostics.IsEmpty && !r.Result.Passed)),
            new XAttribute("errors", g.Count(r => !r.Result.Diagnostics.IsEmpty)),
            g.Select(r => Case(g.Key, r.Result))));
        var root = new XElement("testsuites",
            new XAttribute("tests", results.Count),
            new XAttribute("failures", results.Count(r => r.Result.Diagnostics.IsEmpty && !r.Result.Passed)),
            new XAttribute("errors", results.Count(r => !r.Result.Diagnostics.IsEmpty)),
            suites);
        return new XDeclaration("1.0", "utf-8", null) + "\n" + root + "\n";
    }

    /// <summary>XML cannot carry control characters: they become U+FFFD.</summary>
    private static string Xml(string text) => new([.. text.Select(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r') ? '\uFFFD' : c)]);

    private static XElement Case(string file, RuleTestResult result)
    {
        var element = new XElement("testcase", new XAttribute("classname", file), new XAttribute("name", Xml(result.Test.Name.Value)), new XAttribute("file", file));
        if (!result.Diagnostics.IsEmpty)
        {
            element.Add(new XElement("error", new XAttribute("message", Xml(result.Diagnostics[0].Message)), Xml(string.Join("\n", result.Diagnostics.Select(DiagnosticFormatter.Format)))));
        }
        var unmet = result.Expectations.Where(e => !e.Passed).ToList();
        if (unmet.Count > 0)
        {
            // One <failure> per testcase, as JUnit readers expect; it lists every unmet expectation.
            element.Add(new XElement("failure",
                new XAttribute("message", Xml($"{unmet[0].Expectation.Text}: expected {unmet[0].Expected}, actual {unmet[0].Actual}{(unmet.Count > 1 ? $" (and {unmet.Count - 1} more)" : string.Empty)}")),
                Xml(string.Join("\n", unmet.Select(e => $"{e.Expectation.Text}\n  expected: {e.Expected}\n  actual: {e.Actual}")))));
        }
        return element;
    }
}
