namespace AllianceRules.Bench.Gen;

/// <summary>
/// PCG32 (O'Neill's XSH-RR, 64-bit state): small, fast and fully specified here, so a seed gives
/// the same history on every runtime (System.Random's algorithm is not part of its contract).
/// </summary>
public struct Pcg32
{
    private const ulong Multiplier = 6364136223846793005UL;
    private ulong _state;
    private readonly ulong _increment;

    public Pcg32(ulong seed, ulong stream = 0xda3e39cb94b95bdbUL)
    {
        _state = 0;
        _increment = unchecked((stream << 1) | 1UL);
        NextUInt();
        _state = unchecked(_state + seed);
        NextUInt();
    }

    public uint NextUInt()
    {
        unchecked
        {
            var old = _state;
            _state = old * Multiplier + _increment;
            var xorShifted = (uint)(((old >> 18) ^ old) >> 27);
            var rotation = (int)(old >> 59);
            return (xorShifted >> rotation) | (xorShifted << (-rotation & 31));
        }
    }

    /// <summary>A uniform integer in [0, bound), without modulo bias (Lemire's method).</summary>
    public int Next(int bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound), bound, "must be positive");
        unchecked
        {
            var b = (uint)bound;
            var m = (ulong)NextUInt() * b;
            var low = (uint)m;
            if (low < b)
            {
                var threshold = (uint)-b % b;
                while (low < threshold)
                {
                    m = (ulong)NextUInt() * b;
                    low = (uint)m;
                }
            }
            return (int)(m >> 32);
        }
    }

    /// <summary>A uniform integer in [min, max].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>A uniform double in [0, 1), with 32 random bits.</summary>
    public double NextDouble() => NextUInt() * (1.0 / 4294967296.0);

    public bool Chance(double p) => NextDouble() < p;
}

/// <summary>SplitMix64, for values that must not depend on how far the main stream has advanced.</summary>
public static class Mix
{
    public static ulong Hash(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }

    public static ulong Hash(ulong a, ulong b) => Hash(unchecked(Hash(a) ^ (b * 0x2545F4914F6CDD1DUL)));

    public static ulong Hash(ulong a, ulong b, ulong c, ulong d) => Hash(Hash(Hash(a, b), c), d);
}
