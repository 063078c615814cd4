using System.Collections.Immutable;
using AllianceRules.Diagnostics;

namespace AllianceRules;

/// <summary>A value, or the diagnostics that explain why there is none. User errors are values.</summary>
public sealed record LoadResult<T>(T? Value, ImmutableArray<Diagnostic> Diagnostics) where T : class
{
    public bool Succeeded => Value is not null && !Diagnostics.Any(d => d.IsError);
}
