namespace AllianceRules.Model;

/// <summary>The ATOP kinds of commitment, plus <see cref="Other"/>.</summary>
public enum RuleKind
{
    Defense,
    Offense,
    Neutrality,
    Nonaggression,
    Consultation,
    Other,
}
