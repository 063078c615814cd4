namespace AllianceRules.Cli;

/// <summary>The exit statuses of language.md §6, plus one for the program's own bugs.</summary>
internal static class ExitCode
{
    public const int Evaluated = 0;
    public const int Violation = 1;
    public const int InvalidInput = 2;
    public const int InternalError = 3;
}
