namespace AllianceRules.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}
