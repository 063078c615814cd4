using AllianceRules.Diagnostics;

namespace AllianceRules.Evaluation;

/// <summary>
/// An evaluation stopped at a limit (docs/robustness.md): thrown deep in the walk, where a rule
/// passes its limit, and turned back into its <see cref="Diagnostic"/> by the checker's entry points.
/// </summary>
internal sealed class EvaluationLimitException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
