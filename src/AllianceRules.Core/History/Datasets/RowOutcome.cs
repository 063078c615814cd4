namespace AllianceRules.History.Datasets;

/// <summary>
/// What a reader made of one line: a row, or the reason it was skipped (an enum, so that skipped
/// lines can be counted by reason) with a detail such as the unknown country's text.
/// Exactly one of <see cref="Row"/> and <see cref="Skip"/> is set.
/// </summary>
public readonly record struct RowOutcome(DatasetRow? Row, SkipReason? Skip, string? Detail)
{
    public static RowOutcome Of(DatasetRow row) => new(row, null, null);

    public static RowOutcome Skipped(SkipReason reason, string? detail = null) => new(null, reason, detail);
}
