using System.CommandLine;
using System.CommandLine.Parsing;
using AllianceRules.Diagnostics;

namespace AllianceRules.Cli.CommandLine;

/// <summary>
/// Finds the words of a command line that name nothing: an unknown option (even where a command's
/// paths would have swallowed it as a path), an unknown subcommand, or an argument too many. Each
/// is one AR9011 error naming the word and the nearest known one. Words after <c>--</c> are taken
/// literally, so a folder named <c>--draft</c> can still be given.
/// </summary>
internal static class TokenCheck
{
    public static IReadOnlyList<Diagnostic> Check(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var literal = AfterDoubleDash(parsed.Tokens);
        var problems = new List<Diagnostic>();
        var swallowed = parsed.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Where(t => !literal.Contains(t) && LooksLikeOption(t.Value))
            .Select(t => t.Value);
        foreach (var word in swallowed.Concat(parsed.UnmatchedTokens.Where(LooksLikeOption)))
        {
            var name = word.Split('=', 2)[0];
            // A file or folder whose name begins with '-' is still a path, given after '--'.
            var path = File.Exists(word) || Directory.Exists(word) ? $"; to give the path '{word}', put it after '--'" : SpellingSuggester.DidYouMean(name, OptionNames(command));
            problems.Add(DiagnosticCatalog.CommandLine($"unknown option '{name}'{path}"));
        }
        if (parsed.UnmatchedTokens.FirstOrDefault(t => !LooksLikeOption(t)) is { } extra)
        {
            problems.Add(command.Subcommands.Count > 0
                ? DiagnosticCatalog.CommandLine($"unknown command '{extra}'{SpellingSuggester.DidYouMean(extra, command.Subcommands.Select(c => c.Name))}")
                : DiagnosticCatalog.CommandLine($"unexpected argument '{extra}'"));
        }
        return problems;
    }

    /// <summary>The command's name as typed after 'alliance' ("check", "import atop"; empty for the root).</summary>
    public static string Path(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c && c.Parent is not null; r = c.Parent) names.Insert(0, c.Command.Name);
        return string.Join(' ', names);
    }

    private static bool LooksLikeOption(string word) => word.Length > 1 && word[0] == '-';

    private static HashSet<Token> AfterDoubleDash(IReadOnlyList<Token> tokens)
    {
        var after = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        var seen = false;
        foreach (var token in tokens)
        {
            if (seen) after.Add(token);
            seen |= token.Type == TokenType.DoubleDash;
        }
        return after;
    }

    private static IEnumerable<string> OptionNames(Command command) =>
        command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive)))
            .SelectMany(o => o.Aliases.Prepend(o.Name))
            .Where(n => n.StartsWith("--", StringComparison.Ordinal) || n.Length == 2);
}
