using AllianceRules.Evaluation;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Playground.Workspace;

/// <summary>
/// An instance as a reader names it: rule, party and trigger date. Unlike the report's
/// <c>CST.art4#3</c>, it survives a change of option that adds or removes other instances, so the
/// page can say which verdict changed and a link can name the one selected.
/// </summary>
public sealed record VerdictKey(string Rule, string Party, LocalDate TriggeredOn)
{
    public static VerdictKey Of(InstanceResult i) => new(i.Rule.QualifiedId, i.Party, i.TriggeredOn);

    public override string ToString() => $"{Rule} {Party} {DateText.Format(TriggeredOn)}";

    public static VerdictKey? Parse(string? text)
    {
        var parts = text?.Split(' ') ?? [];
        return parts.Length == 3 && DateText.TryParse(parts[2]) is { } on ? new VerdictKey(parts[0], parts[1], on) : null;
    }
}
