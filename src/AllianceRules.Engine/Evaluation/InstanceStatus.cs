namespace AllianceRules.Evaluation;

public enum InstanceStatus
{
    Fulfilled,
    Violated,
    Pending,
    Discharged,
    Excused,
}
