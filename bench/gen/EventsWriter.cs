using System.Text;

namespace AllianceRules.Bench.Gen;

/// <summary>Writes a history in the language's <c>.events</c> format: <c>2022-09-13 AZE attack ARM</c>, one event a line.</summary>
public static class EventsWriter
{
    private static readonly byte[][] Codes = [.. Parties.All.Select(p => Encoding.ASCII.GetBytes(p.Code))];
    private static readonly byte[][] Verbs = [.. Vocabulary.Verbs.Select(v => Encoding.ASCII.GetBytes(v.Name))];
    private static readonly byte[] Article = Encoding.ASCII.GetBytes(" article=\"4\"");

    /// <summary>A header comment with the options, then the events. No <c>as of</c>: the horizon is the last event's date.</summary>
    public static void Write(Stream output, GeneratorOptions options)
    {
        var sink = new Utf8Sink(output);
        sink.Append($"# AllianceRules synthetic history: alliance-gen {options.Describe()} --format events\n");
        var date = new DateBytes();
        foreach (var e in HistoryGenerator.Generate(options))
        {
            date.Set(e.Day);
            sink.Append(date.Iso);
            sink.Append((byte)' ');
            sink.Append(Codes[e.Actor]);
            sink.Append((byte)' ');
            sink.Append(Verbs[(int)e.Verb]);
            sink.Append((byte)' ');
            sink.Append(Codes[e.Target]);
            if (e.Article) sink.Append(Article);
            sink.Append((byte)'\n');
        }
        sink.Flush();
    }

    /// <summary>The whole history as text, for tests and small benchmarks.</summary>
    public static string ToText(GeneratorOptions options)
    {
        using var memory = new MemoryStream();
        Write(memory, options);
        return Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length);
    }
}
