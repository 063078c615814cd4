using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// The evaluation horizon, resolved in one place (language.md §4, §6): <c>--as-of</c> wins over a
/// history's <c>as of</c> line; with neither, the horizon is known only after the last event
/// (<see cref="Finally"/>).
/// </summary>
public readonly record struct Horizon(LocalDate? Stated)
{
    public static Horizon Of(EvaluationOptions options, LocalDate? historyAsOf) => new(options.AsOf ?? historyAsOf);

    /// <summary>
    /// The horizon once every event is read: the stated one; or the last event's date, or the end
    /// of the observed intervals if later (a history that claims to record a period completely
    /// has seen all of it, so on the day after it every period inside can be decided).
    /// </summary>
    internal LocalDate? Finally(LocalDate? lastEvent, LocalDate? observedEnd) => Stated ?? (lastEvent, observedEnd) switch
    {
        ({ } e, { } o) => e > o ? e : o,
        (var e, var o) => e ?? o,
    };
}
