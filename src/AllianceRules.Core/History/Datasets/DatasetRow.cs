using NodaTime;

namespace AllianceRules.History.Datasets;

/// <summary>
/// One event read from a dataset row: ISO alpha-3 codes for the actor and the target, the CAMEO
/// event code as written (leading zeros kept), an optional description, and attributes whose names
/// are identifiers and whose values hold no double quote or line break.
/// </summary>
public readonly record struct DatasetRow(
    LocalDate Date,
    string Actor,
    string Target,
    string Cameo,
    string? Description,
    (string Name, string Value)[] Attributes);
