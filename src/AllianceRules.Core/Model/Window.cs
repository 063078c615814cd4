using NodaTime;

namespace AllianceRules.Model;

/// <summary>A length of time: written as a period, or named by an <c>assume</c> of the treaty.</summary>
public abstract record Window;

public sealed record PeriodWindow(Period Period) : Window;

public sealed record NamedWindow(string Name) : Window;
