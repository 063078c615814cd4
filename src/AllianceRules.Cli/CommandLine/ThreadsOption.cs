using System.CommandLine;
using System.Globalization;

namespace AllianceRules.Cli.CommandLine;

/// <summary><c>--threads N</c>: how many threads a check may read and evaluate with.</summary>
internal static class ThreadsOption
{
    /// <summary>More would only wait: one thread evaluates, and files beyond this many are read by one thread that merges them.</summary>
    public const int Max = 64;

    /// <summary>The processor count, within 1 to <see cref="Max"/>.</summary>
    public static int Default => Math.Clamp(Environment.ProcessorCount, 1, Max);

    public static void Validate(Option<string?> option) => option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<string?>() is { } text && Parse(text) is null)
        {
            result.AddError($"--threads '{text}' is not a whole number from 1 to {Max}");
        }
    });

    /// <summary>The value given (already validated), else the default; 1 for a command that does not take the option.</summary>
    public static int Read(string? text, bool taken) => !taken ? 1 : text is null ? Default : Parse(text) ?? 1;

    private static int? Parse(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= Max ? n : null;
}
