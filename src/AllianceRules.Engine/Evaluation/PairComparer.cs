namespace AllianceRules.Evaluation;

/// <summary>
/// Equality of two-string keys (an actor and a verb, a verb and a target) with a cheap hash. The
/// default hashes each string with a randomised function, which costs more than the lookup it
/// serves; these are short codes from the user's own files, looked up once or twice an event.
/// </summary>
internal sealed class PairComparer : IEqualityComparer<(string, string)>
{
    public static readonly PairComparer Instance = new();

    public bool Equals((string, string) x, (string, string) y) =>
        string.Equals(x.Item1, y.Item1, StringComparison.Ordinal) && string.Equals(x.Item2, y.Item2, StringComparison.Ordinal);

    public int GetHashCode((string, string) pair)
    {
        // FNV-1a; it relies on wrapping multiplication, and the project checks arithmetic.
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in pair.Item1) hash = (hash ^ c) * 16777619u;
            hash = (hash ^ '|') * 16777619u;
            foreach (var c in pair.Item2) hash = (hash ^ c) * 16777619u;
            return (int)hash;
        }
    }
}

/// <summary>Equality of instance keys with the same cheap hash of their strings (see <see cref="PairComparer"/>).</summary>
internal sealed class InstanceKeyComparer : IEqualityComparer<InstanceKey>
{
    public static readonly InstanceKeyComparer Instance = new();

    public bool Equals(InstanceKey x, InstanceKey y) =>
        ReferenceEquals(x.Rule, y.Rule) && PairComparer.Instance.Equals((x.Party, x.Target), (y.Party, y.Target)) && string.Equals(x.Context, y.Context, StringComparison.Ordinal);

    public int GetHashCode(InstanceKey key) =>
        HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Rule), PairComparer.Instance.GetHashCode((key.Party, key.Target)), key.Context.Length == 0 ? 0 : StringComparer.Ordinal.GetHashCode(key.Context));
}
