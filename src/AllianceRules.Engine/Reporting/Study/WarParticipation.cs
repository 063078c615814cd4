using AllianceRules.Model;
using NodaTime;

namespace AllianceRules.Reporting.Study;

/// <summary>
/// Who fought in each war, and when, read from the histories as they stream past: a state fights
/// in war <c>N</c> on every day it is the actor or the target of an <c>attack</c>, or the actor
/// of an <c>assist</c>, that carries <c>war=N</c> (the attribute the study groups by) and holds
/// on that day (an interval event from its date to its last day, a point event on its date).
/// The attacks are kept too, so the study can tell why a pair was not invoked.
/// </summary>
/// <remarks>
/// Events are kept as a set, so an event seen twice (a history read again to sort it) counts once.
/// </remarks>
public sealed class WarParticipation(string by = "war")
{
    /// <summary>The verb of a use of force, whose actor and target both fight.</summary>
    public const string Attack = "attack";

    /// <summary>The verb of joining a war on a side, whose actor fights.</summary>
    public const string Assist = "assist";

    private readonly HashSet<Fight> _fights = [];

    /// <summary>One event of fighting in a war: both days included.</summary>
    internal readonly record struct Fight(string War, string Verb, string Actor, string Target, LocalDate From, LocalDate Last);

    /// <summary>Takes note of <paramref name="e"/> if it is an attack or an assist in a war.</summary>
    public void Observe(Event e)
    {
        if (e.Verb is not (Attack or Assist) || !e.Attributes.TryGetValue(by, out var war)) return;
        _fights.Add(new Fight(war, e.Verb, e.Actor, e.Target, e.Date, e.LastDay));
    }

    /// <summary>The wars seen, each with the fights in it, in ordinal order of the war.</summary>
    internal IEnumerable<IGrouping<string, Fight>> Wars => _fights.GroupBy(f => f.War).OrderBy(g => g.Key, StringComparer.Ordinal);

    /// <summary>The days on which <paramref name="state"/> fought in one war's <paramref name="fights"/>.</summary>
    internal static IEnumerable<(LocalDate From, LocalDate Last)> Fought(IEnumerable<Fight> fights, string state) =>
        fights.Where(f => f.Actor == state || (f.Verb == Attack && f.Target == state)).Select(f => (f.From, f.Last));
}
