namespace AllianceRules.Cli;

/// <summary>The options of <c>alliance check</c>, as typed.</summary>
internal sealed record CheckRequest(InputRequest Inputs, string Format, bool Explain = false)
{
    /// <summary><c>--verbose</c>: list every skipped row of imported data.</summary>
    public bool Verbose { get; init; }

    /// <summary><c>--csv-attributes</c> as given: attribute names, separated by commas, that get columns of their own in the CSV report.</summary>
    public string? CsvAttributes { get; init; }

    /// <summary>Whether standard error is a terminal, where a progress line can be redrawn.</summary>
    public bool ShowProgress { get; init; }
}
