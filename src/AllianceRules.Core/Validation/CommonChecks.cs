using AllianceRules.Diagnostics;
using AllianceRules.Syntax;
using AllianceRules.Text;
using FluentValidation;

namespace AllianceRules.Validation;

/// <summary>Checks shared by several validators: dates, periods and intervals.</summary>
internal static class CommonChecks
{
    public static bool CheckDate<T>(ValidationContext<T> context, SourceFile file, DateSyntax? date)
    {
        if (date is null || date.Value is not null) return true;
        context.Report(DiagnosticCatalog.ImpossibleDate(file.At(date.Span), date.Text, date.Problem ?? "no such day"));
        return false;
    }

    public static void CheckPeriod<T>(ValidationContext<T> context, SourceFile file, PeriodSyntax period)
    {
        if (period.Amount <= 0) context.Report(DiagnosticCatalog.NonPositivePeriod(file.At(period.Span), period.Text));
    }

    public static void CheckWindow<T>(ValidationContext<T> context, SourceFile file, WindowSyntax window, string treaty, IReadOnlyCollection<string> assumptions, bool assumptionsComplete)
    {
        switch (window)
        {
            case PeriodWindowSyntax p:
                CheckPeriod(context, file, p.Period);
                break;
            case NamedWindowSyntax n when !assumptions.Contains(n.Name.Text) && assumptionsComplete:
                context.Report(DiagnosticCatalog.UnknownAssumption(file.At(n.Name.Span), n.Name.Text, treaty, assumptions));
                break;
        }
    }

    /// <summary>True when both ends are real dates and the interval is not empty.</summary>
    public static bool IsNonEmpty(IntervalSyntax interval) =>
        interval.From.Value is not { } from || interval.To?.Value is not { } to || to > from;
}
