using System.CommandLine;
using System.CommandLine.Parsing;

namespace AllianceRules.Cli.CommandLine;

/// <summary>How a command writes its diagnostics on standard error.</summary>
internal enum DiagnosticsFormat
{
    Text,
    Json,
    Sarif,
}

/// <summary>
/// <c>--diagnostics-format text|json|sarif</c>, on every command that reads input. The command's
/// action is given the <see cref="CommandOutput"/> of the chosen format, and the document is written
/// after the action returns, whatever it returned.
/// </summary>
internal static class DiagnosticsOption
{
    public const string Name = "--diagnostics-format";

    private static readonly string[] Values = ["text", "json", "sarif"];

    /// <summary>Adds the option to <paramref name="command"/> and sets its action to <paramref name="run"/>.</summary>
    public static Command SetDiagnosedAction(this Command command, TextWriter stdout, TextWriter stderr, Func<ParseResult, CommandOutput, int> run)
    {
        var option = new Option<string>(Name)
        {
            HelpName = "text|json|sarif",
            Description = "How to write errors and warnings on standard error: 'text' (default), 'json' (one document, docs/diagnostics.schema.json) or 'sarif' (SARIF 2.1.0, for code scanning); see docs/diagnostics.md.",
            DefaultValueFactory = _ => "text",
        };
        option.OneOf(Values);
        command.Options.Add(option);
        command.SetAction(result =>
        {
            var io = new CommandOutput(stdout, stderr, TokenCheck.Path(result.CommandResult)) { Format = Parse(result.GetValue(option)) };
            return io.Finish(run(result, io));
        });
        return command;
    }

    /// <summary>
    /// The format asked for on a command line that did not parse, so that its errors come out in it;
    /// text when the option was not given, or given a value it does not take.
    /// </summary>
    public static DiagnosticsFormat Chosen(ParseResult parsed)
    {
        var option = parsed.CommandResult.Command.Options.FirstOrDefault(o => o.Name == Name);
        if (option is null || parsed.GetResult(option) is not OptionResult result) return DiagnosticsFormat.Text;
        return result.Tokens.Count > 0 ? Parse(result.Tokens[^1].Value) : DiagnosticsFormat.Text;
    }

    private static DiagnosticsFormat Parse(string? value) => value switch
    {
        "json" => DiagnosticsFormat.Json,
        "sarif" => DiagnosticsFormat.Sarif,
        _ => DiagnosticsFormat.Text,
    };
}
