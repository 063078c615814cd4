namespace AllianceRules.Bench.Gen;

/// <summary>What to generate. The same options always give the same events.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Exactly this many events are generated.</summary>
    public required long Events { get; init; }

    public ulong Seed { get; init; } = 1;

    /// <summary>The first possible event date.</summary>
    public DateOnly From { get; init; } = new(1994, 1, 1);

    /// <summary>The last possible event date.</summary>
    public DateOnly To { get; init; } = new(2024, 12, 31);

    /// <summary>The share of events that are attacks on a party of the CST (dated while it is one); about 1 in 1,000.</summary>
    public double AttackRate { get; init; } = 0.001;

    /// <summary>The options as a command line of the generator, for the header of a history.</summary>
    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"--events {Events} --seed {Seed} --from {From:yyyy-MM-dd} --to {To:yyyy-MM-dd} --attack-rate {AttackRate}");
}

/// <summary>One generated event: <c>actor verb target</c> on a day, with the CAMEO code a GDELT row gives it.</summary>
/// <param name="Day">The date as <see cref="DateOnly.DayNumber"/>.</param>
/// <param name="Actor">An index into <see cref="Parties.All"/>.</param>
/// <param name="Target">An index into <see cref="Parties.All"/>.</param>
/// <param name="Code">An index into the verb's <see cref="VerbInfo.Codes"/>.</param>
/// <param name="Article">Whether the event cites <c>article="4"</c> (a request to the CSTO under Article 4).</param>
public readonly record struct GeneratedEvent(int Day, short Actor, Verb Verb, short Target, byte Code, bool Article)
{
    public DateOnly Date => DateOnly.FromDayNumber(Day);

    public string ActorCode => Parties.All[Actor].Code;

    public string TargetCode => Parties.All[Target].Code;

    public VerbInfo VerbInfo => Vocabulary.Of(Verb);

    public string CameoCode => VerbInfo.Codes[Code];
}

/// <summary>
/// Writes synthetic histories: background events among 200 states, and now and then an attack on a
/// party of the Collective Security Treaty, which the victim may answer with a request to the CSTO
/// that the other parties may answer with assistance. The events come in date order, spread evenly
/// over the days; the result is a pure function of the options (its own PRNG, no clock).
/// </summary>
/// <remarks>
/// An attack on a party (<see cref="GeneratorOptions.AttackRate"/> of the events) is an episode:
/// 15% of aggressors are themselves parties (a violation of Article 1); with probability 0.55 the
/// victim requests assistance from the CSTO 0–4 days later (80% of requests cite
/// <c>article="4"</c>), and each other party on that day answers depending on how willing it is
/// towards that victim in that year (drawn once per ally, victim and year: reliable 45%, assists
/// with probability 0.85 within 0–6 days; hesitant 35%, 0.5 within 0–12 days; unwilling 20%, 0.1
/// within 0–20 days), so that deadlines of a week are met, missed and still open at the end. The
/// victim also asks a single ally (20%), the CSTO's organs consult it (50%) or send a mission (10%),
/// and a state aggressor declares a ceasefire (10%). Follow-ups count towards the number of events.
/// Background events: consultations 28%, attacks 12% (never on a party of the CST), endorsements 12%,
/// appeals 10%, threats 9%, fact-finding 5%, assistance 5%, pledges 5%, ceasefires 4%, withdrawals
/// 4%, requests 3% (3% of them to the CSTO), refusals 3%, among states weighted by prominence.
/// </remarks>
public static class HistoryGenerator
{
    /// <summary>The parties of the CST with their intervals (first day included, last excluded), from rules/cst.treaty.</summary>
    public static readonly IReadOnlyList<(string Party, DateOnly From, DateOnly? To)> CstMembership =
    [
        ("ARM", new(1994, 4, 20), null),  // 'frozen' from 2024-02-22, still a member
        ("AZE", new(1994, 4, 20), new(1999, 4, 21)),
        ("BLR", new(1994, 4, 20), null),
        ("GEO", new(1994, 4, 20), new(1999, 4, 21)),
        ("KAZ", new(1994, 4, 20), null),
        ("KGZ", new(1994, 4, 20), null),
        ("RUS", new(1994, 4, 20), null),
        ("TJK", new(1994, 4, 20), null),
        ("UZB", new(1994, 4, 20), new(1999, 4, 21)),
        ("UZB", new(2006, 12, 13), new(2012, 12, 19)),
    ];

    private static readonly (short Party, int From, int To)[] Membership =
        [.. CstMembership.Select(m => (Parties.IndexOf(m.Party), m.From.DayNumber, m.To?.DayNumber ?? int.MaxValue))];

    /// <summary>The parties of the CST on a day, in the order of <see cref="CstMembership"/>.</summary>
    public static short[] MembersOn(int day) => [.. Membership.Where(m => m.From <= day && day < m.To).Select(m => m.Party)];

    public static bool IsMember(short party, int day)
    {
        foreach (var (p, from, to) in Membership)
        {
            if (p == party && from <= day && day < to) return true;
        }
        return false;
    }

    /// <summary>Likely aggressors against a party of the CST, by neighbourhood; any state may be drawn besides.</summary>
    private static readonly short[] Neighbours =
        [.. new[] { "AZE", "AZE", "AZE", "GEO", "GEO", "UKR", "UKR", "AFG", "AFG", "AFG", "TUR", "IRN", "CHN", "USA", "PAK", "SYR", "TKM", "MDA", "POL" }.Select(Parties.IndexOf)];

    private static readonly (Verb Verb, int Weight)[] Background =
    [
        (Verb.Consult, 28), (Verb.Attack, 12), (Verb.Endorse, 12), (Verb.Appeal, 10), (Verb.Threaten, 9),
        (Verb.Investigate, 5), (Verb.Assist, 5), (Verb.Pledge, 5), (Verb.Ceasefire, 4), (Verb.Withdraw, 4),
        (Verb.Request, 3), (Verb.Refuse, 3),
    ];

    private static readonly int[] StateWeights = Cumulative(Parties.All.Take(Parties.StateCount).Select(p => p.Weight));
    private static readonly int[] VerbWeights = Cumulative(Background.Select(b => b.Weight));

    private static int[] Cumulative(IEnumerable<int> weights)
    {
        var sum = 0;
        return [.. weights.Select(w => sum += w)];
    }

    private static int Pick(ref Pcg32 rng, int[] cumulative)
    {
        var r = rng.Next(cumulative[^1]);
        var i = Array.BinarySearch(cumulative, r + 1);
        return i >= 0 ? i : ~i;
    }

    public static IEnumerable<GeneratedEvent> Generate(GeneratorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Events);
        if (options.To < options.From) throw new ArgumentException("--to is before --from", nameof(options));
        return Run(options);
    }

    private static IEnumerable<GeneratedEvent> Run(GeneratorOptions options)
    {
        var state = new State(options);
        var first = options.From.DayNumber;
        long days = options.To.DayNumber - first + 1;
        var total = options.Events;
        long emitted = 0;
        for (var k = 0L; k < days && emitted < total; k++)
        {
            var day = (int)(first + k);
            state.StartDay(day);
            // Spread evenly: by the end of day k, (k + 1) / days of the events.
            var quota = (long)((Int128)(k + 1) * total / days);
            while (true)
            {
                while (state.NextFollowUp(day) is { } followUp)
                {
                    yield return followUp;
                    if (++emitted == total) yield break;
                }
                if (emitted >= quota) break;
                yield return state.Fresh(day);
                if (++emitted == total) yield break;
            }
        }
    }

    /// <summary>The generator's state: its PRNG and the follow-ups scheduled for later days.</summary>
    private sealed class State(GeneratorOptions options)
    {
        private Pcg32 _rng = new(options.Seed);
        private readonly PriorityQueue<GeneratedEvent, (int Day, long Sequence)> _scheduled = new();
        private long _sequence;
        private short[] _members = [];

        public void StartDay(int day) => _members = MembersOn(day);

        public GeneratedEvent? NextFollowUp(int day)
        {
            if (_scheduled.TryPeek(out var e, out var at) && at.Day <= day)
            {
                _scheduled.Dequeue();
                return e;
            }
            return null;
        }

        private void Schedule(int day, short actor, Verb verb, short target, bool article = false)
        {
            _scheduled.Enqueue(new GeneratedEvent(day, actor, verb, target, Code(verb), article), (day, _sequence++));
        }

        private byte Code(Verb verb) => (byte)_rng.Next(Vocabulary.Of(verb).Codes.Length);

        public GeneratedEvent Fresh(int day) =>
            _members.Length > 0 && _rng.Chance(options.AttackRate) ? Episode(day) : Noise(day);

        private short AnyState() => (short)Pick(ref _rng, StateWeights);

        private short OtherState(short not)
        {
            while (true)
            {
                var s = AnyState();
                if (s != not) return s;
            }
        }

        private GeneratedEvent Noise(int day)
        {
            var verb = Background[Pick(ref _rng, VerbWeights)].Verb;
            var actor = AnyState();
            var target = OtherState(actor);
            switch (verb)
            {
                case Verb.Attack:
                    // Background attacks never hit a party of the CST: those are the episodes' share.
                    while (IsMember(target, day) || target == actor) target = AnyState();
                    break;
                case Verb.Request when _rng.Chance(0.03):
                    target = Parties.Csto;
                    break;
                case Verb.Consult or Verb.Investigate when _rng.Chance(0.02):
                    actor = Parties.Csto;
                    break;
            }
            return new GeneratedEvent(day, actor, verb, target, Code(verb), false);
        }

        private GeneratedEvent Episode(int day)
        {
            var victim = _members[_rng.Next(_members.Length)];
            short aggressor;
            if (_members.Length > 1 && _rng.Chance(0.15))
            {
                do aggressor = _members[_rng.Next(_members.Length)];
                while (aggressor == victim);
            }
            else
            {
                do aggressor = _rng.Chance(0.7) ? Neighbours[_rng.Next(Neighbours.Length)] : AnyState();
                while (aggressor == victim || IsMember(aggressor, day));
            }
            var attack = new GeneratedEvent(day, aggressor, Verb.Attack, victim, Code(Verb.Attack), false);

            if (_rng.Chance(0.55))
            {
                var requested = day + (_rng.Chance(0.4) ? 0 : _rng.Between(0, 4));
                Schedule(requested, victim, Verb.Request, Parties.Csto, article: _rng.Chance(0.8));
                foreach (var ally in MembersOn(requested))
                {
                    if (ally == victim) continue;
                    var (p, maxDelay) = Willingness(ally, victim, DateOnly.FromDayNumber(requested).Year) switch
                    {
                        < 45 => (0.85, 6),
                        < 80 => (0.5, 12),
                        _ => (0.1, 20),
                    };
                    if (_rng.Chance(p)) Schedule(requested + _rng.Between(0, maxDelay), ally, Verb.Assist, victim);
                }
            }
            if (_rng.Chance(0.2))
            {
                var ally = victim == Parties.IndexOf("RUS") ? Parties.IndexOf("BLR") : Parties.IndexOf("RUS");
                Schedule(day + _rng.Between(0, 5), victim, Verb.Request, ally);
            }
            if (_rng.Chance(0.5)) Schedule(day + _rng.Between(0, 9), Parties.Csto, Verb.Consult, victim);
            if (_rng.Chance(0.1)) Schedule(day + _rng.Between(1, 14), Parties.Csto, Verb.Investigate, victim);
            if (_rng.Chance(0.1)) Schedule(day + _rng.Between(3, 30), aggressor, Verb.Ceasefire, victim);
            return attack;
        }

        /// <summary>0–99, fixed per ally, victim and year, whatever else was drawn.</summary>
        private int Willingness(short ally, short victim, int year) =>
            (int)(Mix.Hash(options.Seed, (ulong)ally, (ulong)victim, (ulong)year) % 100);
    }
}
