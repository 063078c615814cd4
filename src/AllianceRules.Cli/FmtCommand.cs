using System.CommandLine;
using AllianceRules.Cli.CommandLine;
using AllianceRules.Diagnostics;
using AllianceRules.Formatting;
using AllianceRules.Text;

namespace AllianceRules.Cli;

/// <summary>
/// <c>alliance fmt [--check] PATH...</c>: rewrite rule files and event histories in the canonical
/// layout. A file that does not parse is reported and left alone; with <c>--check</c> nothing is
/// written, and the files that would change are listed.
/// </summary>
internal sealed class FmtCommand(CommandOutput io)
{
    private readonly TextWriter stdout = io.Out;

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Rule files (.treaty), event histories (.events), or directories holding them; .jsonl files are left as they are.",
        };
        var check = new Option<bool>("--check")
        {
            Description = "Change nothing; list the files that are not formatted and exit with status 1 if there are any.",
        };
        var command = new Command("fmt", """
            Rewrite rule files and event histories in the canonical layout: indentation, aligned member
            tables and event columns, one blank line between rules, normalised spacing. Comments are kept
            exactly; nothing but white space changes.
            Exit status: 0 done (or, with --check, all formatted); 1 with --check, some file is not formatted;
            2 a file does not parse (it is left as it was) or the command line is wrong.
            """)
        {
            paths, check,
        };
        command.WithVersion();
        command.SetDiagnosedAction(stdout, stderr, (result, io) => new FmtCommand(io).Run(result.GetValue(paths) ?? [], result.GetValue(check)));
        return command;
    }

    public int Run(IReadOnlyList<string> paths, bool check)
    {
        var (inputs, problems) = InputDiscovery.Discover(paths);
        if (problems.Count > 0) return io.Fail(problems);
        var changed = new List<(InputFile Input, string Text)>();
        var diagnostics = new List<Diagnostic>();
        foreach (var input in inputs.Where(i => i.Kind is InputKind.Rules or InputKind.Events && !i.FullPath.EndsWith(".gz", StringComparison.Ordinal)))
        {
            byte[] bytes;
            string text;
            if ((input.Kind == InputKind.Rules ? FileLimits.CheckRuleFile(input.DisplayPath, input.FullPath) : FileLimits.CheckWholeHistory(input.DisplayPath, input.FullPath)) is { } tooLarge)
            {
                diagnostics.Add(tooLarge);
                continue;
            }
            try
            {
                bytes = File.ReadAllBytes(input.FullPath);
                // Bytes that are not UTF-8 would be rewritten as U+FFFD: refuse rather than damage them.
                text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (System.Text.DecoderFallbackException)
            {
                diagnostics.Add(DiagnosticCatalog.CannotRead(input.DisplayPath, "it is not valid UTF-8, and fmt would damage it"));
                continue;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(DiagnosticCatalog.CannotRead(input.DisplayPath, ReadFailure.Why(e)));
                continue;
            }
            // A byte-order mark is not part of the text (the canonical file has none).
            var bom = text.StartsWith('\uFEFF');
            if (bom) text = text[1..];
            var outcome = Formatter.Format(new SourceFile(input.DisplayPath, text));
            if (outcome.Text is not { } formatted)
            {
                diagnostics.AddRange(outcome.Diagnostics);
                continue;
            }
            if (!outcome.PreservesTokens)
            {
                // Never write what would change a file's meaning: a formatter bug is ours, not the user's.
                throw new InvalidOperationException($"the formatter would change the tokens of '{input.DisplayPath}'; the file was left as it was");
            }
            // A byte-order mark counts as a change: the canonical file has none.
            if (formatted != text || bom) changed.Add((input, formatted));
        }
        // Files that parse are formatted (or listed) even when others do not parse.
        if (check)
        {
            foreach (var (input, _) in changed) stdout.WriteLine($"not formatted: {input.DisplayPath}");
            if (diagnostics.Count > 0) return io.Fail(diagnostics);
            return changed.Count > 0 ? ExitCode.Violation : ExitCode.Evaluated;
        }
        foreach (var (input, text) in changed)
        {
            var existed = File.Exists(input.FullPath);
            if (AtomicFile.TryWrite(input.FullPath, text) is { } why) return io.Fail([DiagnosticCatalog.CannotWriteOutput(input.DisplayPath, why, existed)]);
            stdout.WriteLine($"formatted: {input.DisplayPath}");
        }
        return diagnostics.Count > 0 ? io.Fail(diagnostics) : ExitCode.Evaluated;
    }
}
