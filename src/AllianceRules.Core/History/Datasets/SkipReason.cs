namespace AllianceRules.History.Datasets;

/// <summary>
/// Why a dataset line gave no event. Self-directed events (actor and target the same country) are
/// kept, not skipped: a government acting against its own insurgents is what a request for
/// collective assistance follows (Kazakhstan, January 2022).
/// </summary>
public enum SkipReason
{
    /// <summary>The line is a header row.</summary>
    Header,

    /// <summary>The line has more or fewer fields than the format (or the ICEWS header) has.</summary>
    WrongFieldCount,

    /// <summary>The date field is empty, malformed or an impossible date.</summary>
    BadDate,

    /// <summary>The actor has no country: an organisation, a group, or an unknown actor.</summary>
    NoActorCountry,

    /// <summary>The actor's country code or name is not in <see cref="CountryCodes"/>.</summary>
    UnknownActorCountry,

    /// <summary>The target has no country.</summary>
    NoTargetCountry,

    /// <summary>The target's country code or name is not in <see cref="CountryCodes"/>.</summary>
    UnknownTargetCountry,

    /// <summary>The event code field is empty.</summary>
    NoEventCode,

    /// <summary>The event code is not 2 to 4 digits.</summary>
    BadEventCode,
}
