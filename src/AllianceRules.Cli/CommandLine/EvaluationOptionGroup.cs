using System.CommandLine;
using AllianceRules.Evaluation;

namespace AllianceRules.Cli.CommandLine;

/// <summary>The evaluation options a command takes from the shared group.</summary>
[Flags]
internal enum EvaluationOption
{
    AsOf = 1,
    Assume = 2,
    Observed = 4,
    EventsFormat = 8,
    MaxMemory = 16,
    Quiet = 32,
    FailOnViolation = 64,
    Sweep = 128,
    Reading = 256,

    /// <summary><c>--baseline FILE</c>: for the commands that write a report (check, report), not part of <see cref="All"/>.</summary>
    Baseline = 512,

    /// <summary><c>--threads N</c>: for the commands that stream histories from disk to a report.</summary>
    Threads = 1024,

    /// <summary>Everything a command that evaluates rules against histories from disk may take.</summary>
    All = AsOf | Assume | Reading | Observed | EventsFormat | MaxMemory | Quiet | FailOnViolation | Sweep | Threads,
}

/// <summary>The shared evaluation options as typed, before they are read (<see cref="CommandInput"/> reads them).</summary>
internal sealed record EvaluationArgs(
    string? AsOf,
    IReadOnlyList<string> Assume,
    IReadOnlyList<string> Readings,
    IReadOnlyList<string> Observed,
    IReadOnlyList<string> Sweeps,
    string? EventsFormat,
    string? MaxMemory,
    bool Quiet,
    IReadOnlySet<InstanceStatus> FailOn)
{
    /// <summary>For commands that evaluate nothing (fmt, lint) or set all of it themselves.</summary>
    public static readonly EvaluationArgs None = new(null, [], [], [], [], null, null, false, new HashSet<InstanceStatus>());

    /// <summary><c>--baseline FILE</c>: an earlier JSON report to compare the instances with, as the user wrote its path.</summary>
    public string? Baseline { get; init; }

    /// <summary><c>--threads N</c>: threads to read and evaluate with; 1 reads and evaluates on one.</summary>
    public int Threads { get; init; } = 1;
}

/// <summary>
/// The evaluation options, declared once: each command adds the ones that mean something to it,
/// so the same option has the same name, help and reading on every command that takes it.
/// </summary>
internal sealed class EvaluationOptionGroup
{
    private readonly EvaluationOption _taken;

    private readonly Option<string?> _asOf = new("--as-of")
    {
        HelpName = "DATE",
        Description = "Evaluation horizon (yyyy-MM-dd). Wins over any 'as of' line; without either, the date of the last event.",
    };

    private readonly Option<string[]> _assume = new("--assume")
    {
        HelpName = "NAME=DURATION",
        Description = "Override an 'assume NAME' in every treaty that declares it, e.g. --assume prompt=10days or prompt=P10D; TREATY.NAME=DURATION overrides it in that treaty alone. Repeatable.",
        DefaultValueFactory = _ => [],
    };

    private readonly Option<string[]> _reading = new("--reading")
    {
        HelpName = "NAME=OPTION",
        Description = "Read a contested term by OPTION in every treaty that declares 'reading NAME', e.g. --reading aggressor=any; TREATY.NAME=OPTION sets it in that treaty alone. Repeatable.",
        DefaultValueFactory = _ => [],
    };

    private readonly Option<string[]> _observed = new("--observed")
    {
        HelpName = "FROM..[TO]",
        Description = "Treat the histories as a complete record of FROM up to (not including) TO, so calendar duties ('every') are judged there, e.g. --observed 2022-01-01..2023-01-01. Repeatable.",
        DefaultValueFactory = _ => [],
    };

    private readonly Option<string?> _eventsFormat = new("--events-format")
    {
        HelpName = "gdelt1|gdelt2|icews",
        Description = "Read every history that is not .events or .jsonl as GDELT 1.0, GDELT 2.0 or ICEWS data (docs/datasets.md). Without it, .csv, .tsv and .tab files are told by their first line.",
    };

    private readonly Option<string?> _maxMemory = new("--max-memory")
    {
        HelpName = "SIZE",
        Description = "If a history is not in date order, sort it on disk within about SIZE (e.g. 512MB) instead of in memory. Histories in date order are streamed and need no sorting.",
    };

    private readonly Option<bool> _quiet = new("--quiet", "-q")
    {
        Description = "No progress line, notes or warnings on standard error; errors and the report are never silenced.",
    };

    private readonly Option<bool> _failOnViolation = new("--fail-on-violation")
    {
        Description = "Exit with status 1 when any obligation instance is violated (for CI); the output is still written. The same as --fail-on violated.",
    };

    private readonly Option<string?> _failOn = FailOnOption.Create();

    private readonly Option<string[]> _sweep = new("--sweep")
    {
        HelpName = "NAME=V1,V2,...",
        Description = "Evaluate once per value of the assumption or reading NAME (or TREATY.NAME) and report which verdicts change, e.g. --sweep prompt=P7D,P30D or --sweep aggressor=state,any. Repeatable, one name each: every combination of their values is evaluated.",
        DefaultValueFactory = _ => [],
    };

    private readonly Option<string?> _baseline = new("--baseline")
    {
        HelpName = "FILE",
        Description = "Compare with an earlier JSON report (check --format json): list the instances whose status changed, that appeared or that disappeared.",
    };

    private readonly Option<string?> _threads = new("--threads")
    {
        HelpName = "N",
        Description = $"Read the histories on other threads while evaluating, several sorted files each on its own, with up to N threads in all (1 to {ThreadsOption.Max}; default: the number of processors). 1 reads and evaluates on one thread. The report is the same.",
    };

    private EvaluationOptionGroup(EvaluationOption taken)
    {
        _taken = taken;
        _eventsFormat.OneOf("gdelt1", "gdelt2", "icews");
        ThreadsOption.Validate(_threads);
    }

    /// <summary>Adds the options in <paramref name="taken"/> to <paramref name="command"/>, and gives the group that reads them.</summary>
    public static EvaluationOptionGroup AddTo(Command command, EvaluationOption taken)
    {
        var group = new EvaluationOptionGroup(taken);
        foreach (var (flag, option) in group.Options())
        {
            if (taken.HasFlag(flag)) command.Options.Add(option);
        }
        return group;
    }

    /// <summary>The values given; an option the command does not take reads as absent.</summary>
    public EvaluationArgs Read(ParseResult result) => new(
        Value(result, EvaluationOption.AsOf, _asOf),
        Value(result, EvaluationOption.Assume, _assume) ?? [],
        Value(result, EvaluationOption.Reading, _reading) ?? [],
        Value(result, EvaluationOption.Observed, _observed) ?? [],
        Value(result, EvaluationOption.Sweep, _sweep) ?? [],
        Value(result, EvaluationOption.EventsFormat, _eventsFormat),
        Value(result, EvaluationOption.MaxMemory, _maxMemory),
        Value(result, EvaluationOption.Quiet, _quiet),
        FailOnOption.Statuses(Value(result, EvaluationOption.FailOnViolation, _failOn), Value(result, EvaluationOption.FailOnViolation, _failOnViolation)))
    {
        Baseline = Value(result, EvaluationOption.Baseline, _baseline),
        Threads = ThreadsOption.Read(Value(result, EvaluationOption.Threads, _threads), _taken.HasFlag(EvaluationOption.Threads)),
    };

    private T? Value<T>(ParseResult result, EvaluationOption flag, Option<T> option) =>
        _taken.HasFlag(flag) ? result.GetValue(option) : default;

    private IEnumerable<(EvaluationOption, Option)> Options() =>
    [
        (EvaluationOption.AsOf, _asOf),
        (EvaluationOption.Assume, _assume),
        (EvaluationOption.Reading, _reading),
        (EvaluationOption.Observed, _observed),
        (EvaluationOption.EventsFormat, _eventsFormat),
        (EvaluationOption.MaxMemory, _maxMemory),
        (EvaluationOption.FailOnViolation, _failOnViolation),
        (EvaluationOption.FailOnViolation, _failOn),
        (EvaluationOption.Sweep, _sweep),
        (EvaluationOption.Baseline, _baseline),
        (EvaluationOption.Quiet, _quiet),
        (EvaluationOption.Threads, _threads),
    ];
}
