using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Model;

/// <summary>A length of time: written as a period, or named by an <c>assume</c> of the treaty.</summary>
public abstract record Window
{
    /// <summary>As written: <c>30 days</c>, or the assumption's name.</summary>
    public static string Print(Window window) => window switch
    {
        PeriodWindow p => PeriodText.Words(p.Period),
        NamedWindow n => n.Name,
        BeforeWindow b => $"before {b.Pattern}",
        _ => window.GetType().Name,
    };
}

public sealed record PeriodWindow(Period Period) : Window;

public sealed record NamedWindow(string Name) : Window;

/// <summary><c>before PATTERN</c>: open until the first event matching the pattern, on or after the trigger's date.</summary>
public sealed record BeforeWindow(Pattern Pattern) : Window;
