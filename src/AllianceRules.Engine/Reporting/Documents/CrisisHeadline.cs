using System.Collections.Immutable;
using AllianceRules.Evaluation;
using AllianceRules.Model;
using AllianceRules.Text;

namespace AllianceRules.Reporting.Documents;

/// <summary>
/// The summary's sentence for one crisis (or calendar period): what set it off, and for each rule
/// it triggered, which parties ended in which status. Both documents write it from this one record.
/// </summary>
internal sealed record CrisisHeadline(CrisisSection Crisis, string Title, ImmutableArray<RuleOutcome> Rules)
{
    /// <summary>The statuses in the order a summary names them: what went wrong first, what is settled last.</summary>
    public static readonly ImmutableArray<InstanceStatus> Order =
        [InstanceStatus.Violated, InstanceStatus.Fulfilled, InstanceStatus.Pending, InstanceStatus.Indeterminate, InstanceStatus.Discharged, InstanceStatus.Excused];

    public static CrisisHeadline Of(CrisisSection crisis) => new(
        crisis,
        Titled(crisis),
        [.. crisis.Instances
            .GroupBy(i => i.Rule.QualifiedId, StringComparer.Ordinal)
            .Select(g => new RuleOutcome(g.First().Rule, [.. Order
                .Select(s => new PartiesWith(s, [.. g.Where(i => i.Status == s).Select(Named).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
                .Where(p => !p.Parties.IsEmpty)]))]);

    /// <summary>A party as the summary names it: with how late it acted when it did so after the deadline ("RUS performed 20 days late").</summary>
    private static string Named(InstanceResult i) =>
        i.Late is { } late ? $"{i.Party} performed {DocumentText.Count(late.DaysLate, "day")} late" : i.Party;

    /// <summary>A heading's description stops at its first clause, and at about this many characters; the crisis section quotes it whole.</summary>
    public const int MaxTitleLength = 80;

    /// <summary>
    /// "2022-09-13: Security Council decides to appeal to the CSTO (ARM request CSTO)": the
    /// trigger's description where the history gives one, cut to its first clause, with its codes
    /// after it; the codes alone otherwise.
    /// </summary>
    public static string Titled(CrisisSection crisis)
    {
        var date = DateText.Format(crisis.Date);
        if (crisis.Trigger is not { } e) return $"{date}: calendar period";
        var codes = $"{e.Actor} {e.Verb} {e.Target}";
        var when = e.IsInterval ? $", {e.When()}" : string.Empty;
        return e.Description is { } text && Short(text) is { Length: > 0 } shortText
            ? $"{date}: {shortText} ({codes}{when})"
            : $"{date}: {codes}{(e.IsInterval ? $" ({e.When()})" : string.Empty)}";
    }

    /// <summary>The first clause of a description (up to '; ' or '. '), and if that is still long, its first words and an ellipsis.</summary>
    public static string Short(string description)
    {
        var text = description.Trim();
        var cut = new[] { "; ", ". ", " — " }.Select(s => text.IndexOf(s, StringComparison.Ordinal)).Where(k => k > 0).DefaultIfEmpty(text.Length).Min();
        text = text[..cut].TrimEnd('.', ' ');
        if (text.Length <= MaxTitleLength) return text;
        var space = text.LastIndexOf(' ', MaxTitleLength - 1);
        return text[..(space > MaxTitleLength / 2 ? space : MaxTitleLength - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }
}

/// <summary>One rule a crisis triggered, and its parties grouped by the status they ended in.</summary>
internal sealed record RuleOutcome(Rule Rule, ImmutableArray<PartiesWith> Statuses)
{
    /// <summary>"2 violated (BLR, KAZ), 1 fulfilled (RUS)".</summary>
    public string Outcome => string.Join(", ", Statuses.Select(s => $"{s.Parties.Length} {DocumentText.StatusWord(s.Status)} ({string.Join(", ", s.Parties)})"));
}

/// <summary>The parties of one rule in one crisis that ended in <see cref="Status"/>.</summary>
internal sealed record PartiesWith(InstanceStatus Status, ImmutableArray<string> Parties);
