using System.Text;

namespace AllianceRules.Evaluation;

/// <summary>An immutable map from variable names (without <c>$</c>) to party codes, kept sorted by name.</summary>
internal sealed class Bindings : IEquatable<Bindings>
{
    public static readonly Bindings Empty = new([]);

    private readonly KeyValuePair<string, string>[] _items;
    private string? _canonical;

    private Bindings(KeyValuePair<string, string>[] items) => _items = items;

    public string? this[string name]
    {
        get
        {
            foreach (var item in _items)
            {
                if (item.Key == name) return item.Value;
            }
            return null;
        }
    }

    public Bindings With(string name, string value)
    {
        var items = new KeyValuePair<string, string>[_items.Length + 1];
        var i = 0;
        var placed = false;
        foreach (var item in _items)
        {
            if (!placed && string.CompareOrdinal(name, item.Key) < 0)
            {
                items[i++] = KeyValuePair.Create(name, value);
                placed = true;
            }
            items[i++] = item;
        }
        if (!placed) items[i] = KeyValuePair.Create(name, value);
        return new Bindings(items);
    }

    /// <summary>Canonical JSON with keys in ordinal order: the tie-breaker of language.md §7.</summary>
    public string Canonical => _canonical ??= BuildCanonical();

    private string BuildCanonical()
    {
        var sb = new StringBuilder("{");
        for (var i = 0; i < _items.Length; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append('"').Append(_items[i].Key).Append("\":\"").Append(_items[i].Value).Append('"');
        }
        return sb.Append('}').ToString();
    }

    public bool Equals(Bindings? other) => other is not null && Canonical == other.Canonical;

    public override bool Equals(object? obj) => obj is Bindings b && Equals(b);

    public override int GetHashCode() => Canonical.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Canonical;
}
