using System.Collections.Immutable;
using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// A rule made ready for evaluation: its windows resolved (with overrides) and its <c>where</c>
/// split into the <c>there was</c> conjuncts that bind and the atoms that only filter (rule 5.1.9).
/// </summary>
internal sealed class CompiledRule
{
    public CompiledRule(Rule rule, Treaty treaty, WindowResolver windows)
    {
        Rule = rule;
        Treaty = treaty;
        Window = rule.Obligation is { Window: { } w and not BeforeWindow } ? windows.Resolve(w, treaty) : null;
        EndPattern = (rule.Obligation?.Window as BeforeWindow)?.Pattern;
        ReadsFromTrigger = TriggerAttributes.Read(rule);
        CalendarPeriod = rule.Every is { } every ? windows.Resolve(every.Period, treaty) : null;
        var conjuncts = rule.Where is null ? [] : Condition.TopLevelConjuncts(rule.Where).ToList();
        Binders = [.. conjuncts.OfType<ThereWasCondition>()];
        Filters = [.. conjuncts.Where(c => c is not ThereWasCondition)];
    }

    public Rule Rule { get; }

    public Treaty Treaty { get; }

    /// <summary>The treaty's members by date, shared by its rules.</summary>
    public required MemberTimeline Members { get; init; }

    /// <summary>The obligation's window; null for a forbid, and for a calendar duty whose window is its period.</summary>
    public Period? Window { get; }

    /// <summary>The pattern whose first event closes a <c>before</c> window; null for other windows.</summary>
    public Pattern? EndPattern { get; }

    /// <summary>The trigger's attributes the action, <c>until</c> or <c>before</c> read.</summary>
    public ImmutableArray<string> ReadsFromTrigger { get; }

    /// <summary>The period of a calendar duty (<c>every</c>); null for other rules.</summary>
    public Period? CalendarPeriod { get; }

    /// <summary>The start of a calendar duty's period number <paramref name="k"/> (0 is the first); null past the calendar's end.</summary>
    public LocalDate? PeriodStart(int k) => k == 0 ? Rule.Every!.Start : DateMath.PlusTimes(Rule.Every!.Start, CalendarPeriod!, k);

    /// <summary>
    /// The deadline of the calendar period that starts <paramref name="start"/>: its written window,
    /// or the day before the next period (the calendar's last day when no next period starts).
    /// </summary>
    public LocalDate PeriodDeadline(LocalDate start, LocalDate? nextStart) =>
        Window is { } window ? DateMath.Plus(start, window)
        : nextStart is { } next ? DateMath.PreviousDay(next)
        : LocalDate.MaxIsoValue;

    public ImmutableArray<ThereWasCondition> Binders { get; }

    public ImmutableArray<Condition> Filters { get; }

    /// <summary>Every <c>there was</c> in the rule, wherever it stands.</summary>
    public IEnumerable<ThereWasCondition> AllThereWas() => Rule.AllThereWas();
}

/// <summary>Resolves a window to a period: a written period, or an assumption of the treaty, overridden by name.</summary>
internal sealed class WindowResolver
{
    /// <summary>A named window is the treaty's assumption in force: the rule set comes with its choices applied.</summary>
    public Period Resolve(Window window, Treaty treaty) => window switch
    {
        PeriodWindow p => p.Period,
        NamedWindow n => treaty.Assumptions.First(a => a.Name == n.Name).Period,
        _ => throw new InvalidOperationException("Unknown window."),
    };
}
