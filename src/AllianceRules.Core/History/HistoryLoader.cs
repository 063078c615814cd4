using System.Collections.Immutable;
using AllianceRules.Model;
using AllianceRules.Text;

namespace AllianceRules.History;

/// <summary>Reads whole histories already in memory into one history, checked against the rule set's vocabulary.</summary>
public static class HistoryLoader
{
    /// <param name="declaredVerbs">The verbs of the rule set; null when they are unknown (a broken vocabulary), which skips that check.</param>
    /// <param name="vocabulary">The verbs with their CAMEO codes, to map rows of coded data; null when unknown.</param>
    public static LoadResult<EventHistory> Load(IEnumerable<SourceFile> files, IEnumerable<string>? declaredVerbs, IReadOnlyList<Verb>? vocabulary = null)
    {
        var reader = new HistoryReader(declaredVerbs, vocabulary);
        var events = ImmutableArray.CreateBuilder<Event>();
        foreach (var file in files) events.AddRange(reader.Read(file, HistoryReader.FormatOf(file.Path)));
        var sorted = reader.Diagnostics.ToSortedArray();
        return reader.Diagnostics.HasErrors
            ? new LoadResult<EventHistory>(null, sorted)
            : new LoadResult<EventHistory>(new EventHistory(events.ToImmutable(), reader.AsOf, reader.Observed) { Skipped = reader.Skipped }, sorted);
    }
}
