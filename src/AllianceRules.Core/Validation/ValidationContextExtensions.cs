using AllianceRules.Diagnostics;
using FluentValidation;
using FluentValidation.Results;

namespace AllianceRules.Validation;

/// <summary>
/// Validators report through the catalogue: the diagnostic rides in <see cref="ValidationFailure.CustomState"/>
/// and is taken out in exactly one place, <see cref="ValidationFailureTranslator"/>.
/// </summary>
internal static class ValidationContextExtensions
{
    public static void Report<T>(this ValidationContext<T> context, Diagnostic diagnostic) =>
        context.AddFailure(new ValidationFailure(context.PropertyPath, diagnostic.Message)
        {
            ErrorCode = diagnostic.Code,
            CustomState = diagnostic,
            Severity = diagnostic.Severity switch { Diagnostics.Severity.Error => FluentValidation.Severity.Error, Diagnostics.Severity.Information => FluentValidation.Severity.Info, _ => FluentValidation.Severity.Warning },
        });
}

internal static class ValidationFailureTranslator
{
    public static IEnumerable<Diagnostic> ToDiagnostics(ValidationResult result) =>
        result.Errors.Select(e => e.CustomState as Diagnostic
            ?? throw new InvalidOperationException($"Validation failure '{e.ErrorCode}' does not carry a diagnostic."));
}
