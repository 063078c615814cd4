namespace AllianceRules.Cli;

/// <summary>The options of <c>alliance check</c>, as typed.</summary>
public sealed record CheckRequest(InputRequest Inputs, string Format, bool FailOnViolation, bool Explain = false)
{
    /// <summary><c>--max-memory SIZE</c>: sort an unsorted history on disk within SIZE.</summary>
    public string? MaxMemory { get; init; }

    /// <summary><c>--events-format gdelt1|gdelt2|icews</c>: how to read histories that are not <c>.events</c> or <c>.jsonl</c>.</summary>
    public string? EventsFormat { get; init; }

    /// <summary><c>--quiet</c>: no progress line and no notes.</summary>
    public bool Quiet { get; init; }

    /// <summary><c>--verbose</c>: list every skipped row of imported data.</summary>
    public bool Verbose { get; init; }

    /// <summary>Whether standard error is a terminal, where a progress line can be redrawn.</summary>
    public bool ShowProgress { get; init; }
}
