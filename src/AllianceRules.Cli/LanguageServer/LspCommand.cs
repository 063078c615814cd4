using System.CommandLine;
using AllianceRules.Cli.CommandLine;

namespace AllianceRules.Cli.LanguageServer;

/// <summary><c>alliance lsp [--stdio]</c>: a Language Server Protocol server on standard input and output.</summary>
internal static class LspCommand
{
    public static Command Build(TextWriter stderr)
    {
        var stdio = new Option<bool>("--stdio")
        {
            Description = "Talk over standard input and output (the default and only transport; editors' clients pass it).",
        };
        var command = new Command("lsp", """
            Start a language server for editors, speaking the Language Server Protocol (JSON-RPC 2.0 with
            Content-Length framing) on standard input and output; messages for people go to standard error.
            The workspace folder the editor opens is checked as 'alliance check FOLDER' and 'alliance lint
            FOLDER' check it, with open buffers in place of the files on disk. It provides: diagnostics for
            rule files, every history check reads and .test files (pushed as you type), formatting as 'alliance fmt' does,
            hover, go to definition and find references for verbs, party and treaty codes, rule ids, readings
            and assumptions in rule files and histories (hover on an event adds what it triggered and decided),
            rename of all but treaty codes across rules, histories and tests, completion in .treaty and .events
            files, and quick fixes for did-you-mean suggestions, bare quotes in strings and rules without a
            citation.
            Exit status: 0 after a 'shutdown' request and the 'exit' notification; 1 on 'exit' without
            'shutdown' or when standard input ends first; 2 a wrong command line.
            """)
        {
            stdio,
        };
        command.WithVersion();
        command.SetAction(_ =>
        {
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            return new LanguageServer(input, output, stderr).Run();
        });
        return command;
    }
}
