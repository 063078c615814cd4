namespace AllianceRules.History.Datasets;

/// <summary>Short phrases for skip reasons, for reports such as "12 lines skipped: the actor has no country".</summary>
internal static class SkipReasons
{
    public static string Describe(this SkipReason reason) => reason switch
    {
        SkipReason.Header => "the line is a header",
        SkipReason.WrongFieldCount => "the line has the wrong number of fields",
        SkipReason.BadDate => "the date is not a valid date",
        SkipReason.NoActorCountry => "the actor has no country",
        SkipReason.UnknownActorCountry => "the actor's country is not a known country",
        SkipReason.NoTargetCountry => "the target has no country",
        SkipReason.UnknownTargetCountry => "the target's country is not a known country",
        SkipReason.NoEventCode => "the event has no CAMEO code",
        SkipReason.BadEventCode => "the event code is not a CAMEO code of 2 to 4 digits",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
