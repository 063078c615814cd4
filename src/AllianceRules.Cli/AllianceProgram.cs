using System.CommandLine;
using AllianceRules.Cli.CommandLine;
using AllianceRules.Diagnostics;

namespace AllianceRules.Cli;

/// <summary>The command line: parses arguments, runs a command, and never lets an exception reach the user as a stack trace.</summary>
internal static class AllianceProgram
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ParseResult? parsed = null;
        try
        {
            var root = BuildRoot(stdout, stderr);
            // Paths are paths: '@file' is not read as a list of arguments.
            parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            // --help and --version answer even when the rest of the line is wrong.
            if (parsed.Action is { ClearsParseErrors: true }) return parsed.Invoke(Invocation(stdout, stderr));
            var problems = TokenCheck.Check(parsed);
            if (problems.Count == 0) problems = [.. parsed.Errors.Select(e => DiagnosticCatalog.CommandLine(e.Message))];
            if (problems.Count > 0)
            {
                // In the format asked for, when the line got as far as saying which (docs/diagnostics.md).
                var io = new CommandOutput(stdout, stderr, TokenCheck.Path(parsed.CommandResult)) { Format = DiagnosticsOption.Chosen(parsed) };
                return io.Finish(io.Fail(problems));
            }
            return parsed.Invoke(Invocation(stdout, stderr));
        }
        catch (Model.HistoryChangedException e)
        {
            // A report reads its evidence rows back from their files: one that changed since is the user's to fix, no bug.
            var io = new CommandOutput(stdout, stderr, string.Empty) { Format = parsed is null ? DiagnosticsFormat.Text : DiagnosticsOption.Chosen(parsed) };
            return io.Finish(io.Fail([DiagnosticCatalog.CannotRead(e.Path, e.Why)]));
        }
        catch (Exception e)
        {
            stderr.WriteLine($"alliance: internal error: {e.GetType().Name}: {e.Message}");
            stderr.WriteLine("This is a bug in AllianceRules, not in your input; please report it with the command you ran.");
            return ExitCode.InternalError;
        }
    }

    /// <summary>The commands, each built by its own class.</summary>
    internal static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr) =>
        new("AllianceRules: check treaty obligations (collective defence, consultation, non-aggression, neutrality) against dated event histories.")
        {
            CheckCommand.Build(stdout, stderr),
            ExplainCommand.Build(stdout, stderr),
            ReportCommand.Build(stdout, stderr),
            StudyCommand.Build(stdout, stderr),
            FmtCommand.Build(stdout, stderr),
            TestCommand.Build(stdout, stderr),
            LintCommand.Build(stdout, stderr),
            InitCommand.Build(stdout, stderr),
            ImportCommand.Build(stdout, stderr),
            LanguageServer.LspCommand.Build(stderr),
        };

    // Our handler above prints one line and exits 3; System.CommandLine's would print a stack trace.
    private static InvocationConfiguration Invocation(TextWriter stdout, TextWriter stderr) =>
        new() { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
}
