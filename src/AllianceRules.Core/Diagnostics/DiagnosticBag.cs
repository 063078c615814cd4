using System.Collections.Immutable;

namespace AllianceRules.Diagnostics;

/// <summary>Collects diagnostics during one phase.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public int Count => _items.Count;

    public bool HasErrors => _items.Exists(d => d.IsError);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Diagnostics in a stable order: file order as added, then position, then code.</summary>
    public ImmutableArray<Diagnostic> ToSortedArray() => DiagnosticOrder.Sort(_items);
}
