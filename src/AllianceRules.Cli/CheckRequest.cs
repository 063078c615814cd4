namespace AllianceRules.Cli;

/// <summary>The options of <c>alliance check</c>, as typed.</summary>
public sealed record CheckRequest(InputRequest Inputs, string Format, bool FailOnViolation, bool Explain = false);
