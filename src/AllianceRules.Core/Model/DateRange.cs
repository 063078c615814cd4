using NodaTime;
using NodaTime.Text;

namespace AllianceRules.Model;

/// <summary>A half-open run of days: from <see cref="Start"/> up to but not including <see cref="End"/>; open-ended without it.</summary>
public readonly record struct DateRange(LocalDate Start, LocalDate? End)
{
    public bool Contains(LocalDate date) => date >= Start && (End is not { } end || date < end);

    /// <summary>Whether some day from <paramref name="first"/> through <paramref name="last"/> (both included) lies in the range.</summary>
    public bool Meets(LocalDate first, LocalDate last) => Start <= last && (End is not { } end || first < end);

    public override string ToString() =>
        $"{LocalDatePattern.Iso.Format(Start)} ..{(End is { } e ? " " + LocalDatePattern.Iso.Format(e) : string.Empty)}";
}
