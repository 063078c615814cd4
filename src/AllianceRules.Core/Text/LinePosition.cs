namespace AllianceRules.Text;

/// <summary>A 1-based line and column, for people.</summary>
public readonly record struct LinePosition(int Line, int Column);
