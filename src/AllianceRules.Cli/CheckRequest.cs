namespace AllianceRules.Cli;

/// <summary>The options of <c>alliance check</c>, as typed.</summary>
public sealed record CheckRequest(
    IReadOnlyList<string> Paths,
    string? AsOf,
    IReadOnlyList<string> Assume,
    string Format,
    string? Output,
    bool FailOnViolation,
    IReadOnlyList<string>? Observed = null);
