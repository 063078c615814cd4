using System.CommandLine;

namespace AllianceRules.Cli.CommandLine;

/// <summary>Options and arguments that several commands take, declared once.</summary>
internal static class CommonOptions
{
    /// <summary><c>-o/--output FILE</c>, written atomically by every command that writes a report.</summary>
    public static Option<string?> Output(string what = "the report") => new("--output", "-o")
    {
        HelpName = "FILE",
        Description = $"Write {what} to FILE atomically instead of standard output; on any failure the old file is kept.",
    };

    /// <summary>The rule files and histories of the evaluating commands.</summary>
    public static Argument<string[]> InputPaths() => new("PATH")
    {
        Arity = ArgumentArity.OneOrMore,
        Description = "Rule files (.treaty), event histories (.events, .jsonl, .csv; GDELT and ICEWS files; any of them .gz), or directories holding them (read recursively, in ordinal path order).",
    };

    /// <summary>
    /// Gives a subcommand its own <c>--version</c> (System.CommandLine puts one on the root only), so
    /// that <c>alliance check --version</c> answers as <c>alliance --version</c> does.
    /// </summary>
    public static Command WithVersion(this Command command)
    {
        command.Options.Add(new VersionOption());
        return command;
    }

    /// <summary>
    /// Restricts a text option to <paramref name="values"/>, with a one-line error that names the
    /// option and the value (System.CommandLine's own message spans several lines).
    /// </summary>
    public static Option<T> OneOf<T>(this Option<T> option, params string[] values)
    {
        option.CompletionSources.Add(values);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>() is string value && !values.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"{option.Name} '{value}' is not one of {string.Join(", ", values)}{Diagnostics.SpellingSuggester.DidYouMean(value, values)}");
            }
        });
        return option;
    }

    /// <summary>Whether standard error is a terminal, where a progress line can be redrawn.</summary>
    public static bool CanShowProgress(TextWriter stderr) => ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
}
