namespace AllianceRules.Evaluation;

public enum InstanceStatus
{
    Fulfilled,
    Violated,
    Pending,
    Discharged,
    Excused,

    /// <summary>The rule needs an analyst's judgment (<c>judgment</c>): the engine's verdict is kept as <see cref="InstanceResult.WouldBe"/>.</summary>
    Indeterminate,
}
