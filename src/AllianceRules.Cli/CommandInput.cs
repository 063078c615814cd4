using System.Collections.Immutable;
using AllianceRules.History;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;
using AllianceRules.Model;
using AllianceRules.Reporting.Documents;
using AllianceRules.Cli.CommandLine;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Cli;

/// <summary>What every evaluating command is given: paths, the shared evaluation options and an output file.</summary>
internal sealed record InputRequest(IReadOnlyList<string> Paths, EvaluationArgs Args, string? Output)
{
    /// <summary>Leave the histories on disk for the engine to stream (<see cref="PreparedInput.HistorySources"/>) instead of reading them whole.</summary>
    public bool StreamHistories { get; init; }
}

/// <summary>The files read and the options parsed, ready for the engine.</summary>
internal sealed record PreparedInput(IReadOnlyList<SourceFile> RuleFiles, IReadOnlyList<SourceFile> HistoryFiles, EvaluationOptions Options, IReadOnlyList<InputDigest> Digests)
{
    /// <summary>With <see cref="InputRequest.StreamHistories"/>: the histories to stream, in the order found.</summary>
    public IReadOnlyList<HistorySource> HistorySources { get; init; } = [];

    /// <summary>With <see cref="InputRequest.StreamHistories"/>: what went wrong while they were read.</summary>
    public HistoryStreams Streams { get; init; } = new();

    /// <summary>With <c>--baseline</c>: the earlier report, read before anything is evaluated or written.</summary>
    public BaselineReport? Baseline { get; init; }
    /// <summary>Each history streamed, with its format, for its digest once it has been read.</summary>
    public IReadOnlyList<(InputFile File, HistoryFormat Format)> StreamedFiles { get; init; } = [];

    /// <summary>
    /// Every file read, in the order found: the rule files and whole histories as read, the streamed
    /// histories as the engine read them (call after the evaluation, then check <see cref="Streams"/>' failures).
    /// </summary>
    public IReadOnlyList<InputDigest> AllDigests()
    {
        var streamed = StreamedFiles.Select(s => Streams.DigestOf(s.File, s.Format)).ToList();
        var byPath = new Dictionary<string, InputDigest>(StringComparer.Ordinal);
        foreach (var digest in Digests.Concat(streamed)) byPath.TryAdd(digest.Path, digest);
        return [.. Order.Distinct(StringComparer.Ordinal).Select(p => byPath[p])];
    }

    /// <summary>The display paths of every input, in the order found.</summary>
    public IReadOnlyList<string> Order { get; init; } = [];
}

/// <summary>Reads the inputs of a command and writes its output; every problem is a diagnostic, never an exception.</summary>
internal static class CommandInput
{
    public static (PreparedInput? Input, IReadOnlyList<Diagnostic> Problems) Read(InputRequest request)
    {
        var problems = new List<Diagnostic>();
        var args = request.Args;
        LocalDate? asOf = null;
        if (args.AsOf is { } asOfText)
        {
            asOf = DateText.TryParse(asOfText);
            if (asOf is null) problems.Add(DiagnosticCatalog.BadAsOf(asOfText));
        }
        var overrides = ParseOverrides(args.Assume, problems);
        var readings = ParseReadings(args.Readings, problems);
        var observed = ParseObserved(args.Observed, problems);
        var sweeps = SweepText.Parse(args.Sweeps, problems);
        var baseline = args.Baseline is { } baselinePath ? BaselineFile.Read(baselinePath, problems) : null;

        var eventsFormat = args.EventsFormat is { } formatName ? EventsFormat(formatName, problems) : null;
        var (found, discoveryProblems) = InputDiscovery.Discover(request.Paths, namedFilesAreHistories: eventsFormat is not null);
        // Test files beside the rules and histories are for 'alliance test'.
        var inputs = found.Where(i => i.Kind != InputKind.Tests).ToList();
        problems.AddRange(discoveryProblems);
        if (request.Output is { } output && inputs.Any(i => i.FullPath == InputDiscovery.RealPath(Path.GetFullPath(output))))
        {
            problems.Add(DiagnosticCatalog.OutputIsInput(output));
        }
        var sources = new Dictionary<InputFile, SourceFile>();
        var digests = new List<InputDigest>();
        var streams = new HistoryStreams();
        var streamed = new List<HistorySource>();
        var streamedFiles = new List<(InputFile, HistoryFormat)>();
        foreach (var input in inputs)
        {
            var format = eventsFormat is { } chosen && input.Kind is InputKind.Csv or InputKind.Dataset ? chosen : HistoryReader.FormatOf(input.FullPath);
            if (request.StreamHistories && input.Kind != InputKind.Rules)
            {
                streamed.Add(streams.Source(input, format));
                streamedFiles.Add((input, format));
                continue;
            }
            if ((input.Kind == InputKind.Rules ? FileLimits.CheckRuleFile(input.DisplayPath, input.FullPath) : FileLimits.CheckWholeHistory(input.DisplayPath, input.FullPath)) is { } tooLarge)
            {
                problems.Add(tooLarge);
                continue;
            }
            try
            {
                var bytes = File.ReadAllBytes(input.FullPath);
                var text = InputText.Decode(input.FullPath, bytes);
                sources[input] = new SourceFile(input.DisplayPath, text);
                digests.Add(InputDigests.Of(input.DisplayPath, input.Kind == InputKind.Rules ? "rules" : InputDigests.KindOf(format), bytes, text));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                problems.Add(ReadFailure.Report(input.DisplayPath, e));
            }
        }
        if (problems.Count > 0) return (null, problems);
        return (new PreparedInput(
            [.. inputs.Where(i => i.Kind == InputKind.Rules).Select(i => sources[i])],
            [.. inputs.Where(i => i.IsHistory && sources.ContainsKey(i)).Select(i => sources[i])],
            new EvaluationOptions(asOf, overrides, observed) { ReadingChoices = readings, Sweeps = sweeps },
            digests) { HistorySources = streamed, Streams = streams, StreamedFiles = streamedFiles, Order = [.. inputs.Select(i => i.DisplayPath)], Baseline = baseline }, problems);
    }

    private static HistoryFormat? EventsFormat(string name, List<Diagnostic> problems)
    {
        switch (name)
        {
            case "gdelt1": return HistoryFormat.Gdelt1;
            case "gdelt2": return HistoryFormat.Gdelt2;
            case "icews": return HistoryFormat.Icews;
            default:
                problems.Add(DiagnosticCatalog.CommandLine($"--events-format '{name}' is not a dataset format; give gdelt1, gdelt2 or icews"));
                return null;
        }
    }

    /// <summary>Writes text to the output file atomically, or to standard output; a diagnostic when the file cannot be written.</summary>
    public static Diagnostic? Write(TextWriter stdout, string? path, string text)
    {
        if (path is null)
        {
            stdout.Write(text);
            return null;
        }
        var existed = File.Exists(path);
        return AtomicFile.TryWrite(path, text) is { } why ? DiagnosticCatalog.CannotWriteOutput(path, why, existed) : null;
    }

    /// <summary>As <see cref="Write(TextWriter, string?, string)"/>, for output written to a stream as it is produced.</summary>
    public static Diagnostic? Write(TextWriter stdout, string? path, Action<Stream> write)
    {
        if (path is null)
        {
            using var stream = new TextWriterStream(stdout);
            write(stream);
            stream.Flush();
            return null;
        }
        var existed = File.Exists(path);
        return AtomicFile.TryWrite(path, write) is { } why ? DiagnosticCatalog.CannotWriteOutput(path, why, existed) : null;
    }

    /// <summary>
    /// As <see cref="Write(TextWriter, string?, string)"/>, for text written as it is produced: to
    /// standard output directly, or to the temporary file (UTF-8, no byte-order mark) that replaces
    /// the output file once complete.
    /// </summary>
    public static Diagnostic? WriteText(TextWriter stdout, string? path, Action<TextWriter> write)
    {
        if (path is null)
        {
            write(stdout);
            return null;
        }
        return Write(stdout, path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), bufferSize: -1, leaveOpen: true);
            write(writer);
        });
    }

    /// <summary>Reads each <c>--observed FROM..[TO]</c>: an interval the histories record completely.</summary>
    private static ImmutableArray<DateRange> ParseObserved(IReadOnlyList<string> texts, List<Diagnostic> problems)
    {
        var ranges = ImmutableArray.CreateBuilder<DateRange>();
        foreach (var text in texts)
        {
            var parts = text.Split("..");
            if (parts.Length != 2)
            {
                problems.Add(DiagnosticCatalog.BadObserved(text, "it needs one '..' between the dates"));
                continue;
            }
            var (fromText, toText) = (parts[0].Trim(), parts[1].Trim());
            var from = DateText.TryParse(fromText);
            var to = toText.Length == 0 ? null : DateText.TryParse(toText);
            if (from is not { } f) problems.Add(DiagnosticCatalog.BadObserved(text, $"'{fromText}' is not a date: {DateText.Problem(fromText)}"));
            else if (toText.Length > 0 && to is null) problems.Add(DiagnosticCatalog.BadObserved(text, $"'{toText}' is not a date: {DateText.Problem(toText)}"));
            else if (to is { } t && t <= f) problems.Add(DiagnosticCatalog.BadObserved(text, "its end is not after its start"));
            else ranges.Add(new DateRange(f, to));
        }
        return ranges.ToImmutable();
    }

    /// <summary>Reads each <c>--reading [TREATY.]NAME=OPTION</c>; whether the rule set has them is checked once it is loaded.</summary>
    private static Dictionary<string, string> ParseReadings(IEnumerable<string> texts, List<Diagnostic> problems)
    {
        var readings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in texts)
        {
            var parts = item.Split('=', 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0) problems.Add(DiagnosticCatalog.BadReadingSyntax(item));
            else if (!readings.TryAdd(parts[0].Trim(), parts[1].Trim())) problems.Add(DiagnosticCatalog.RepeatedReading(parts[0].Trim()));
        }
        return readings;
    }

    private static Dictionary<string, Period> ParseOverrides(IEnumerable<string> assume, List<Diagnostic> problems)
    {
        var overrides = new Dictionary<string, Period>(StringComparer.Ordinal);
        foreach (var item in assume)
        {
            var parts = item.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                problems.Add(DiagnosticCatalog.BadAssumeSyntax(item));
                continue;
            }
            if (DurationText.TryParse(parts[1]) is not { } period) problems.Add(DiagnosticCatalog.BadAssumePeriod(parts[0], parts[1]));
            else if (!overrides.TryAdd(parts[0], period)) problems.Add(DiagnosticCatalog.RepeatedAssume(parts[0]));
        }
        return overrides;
    }
}
