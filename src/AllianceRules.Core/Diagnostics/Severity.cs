namespace AllianceRules.Diagnostics;

public enum Severity
{
    Warning,
    Error,

    /// <summary>A lint finding worth knowing but not wrong in itself (AR6015): never an error, even with --werror.</summary>
    Information,
}
