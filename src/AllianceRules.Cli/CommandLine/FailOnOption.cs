using System.CommandLine;
using AllianceRules.Diagnostics;
using AllianceRules.Evaluation;

namespace AllianceRules.Cli.CommandLine;

/// <summary>
/// <c>--fail-on violated,pending,indeterminate</c>: the statuses that make a command exit with
/// status 1 (for CI), any of them, each once. <c>--fail-on-violation</c> is <c>--fail-on violated</c>.
/// </summary>
internal static class FailOnOption
{
    private static readonly (string Name, InstanceStatus Status)[] Known =
    [
        ("violated", InstanceStatus.Violated),
        ("pending", InstanceStatus.Pending),
        ("indeterminate", InstanceStatus.Indeterminate),
    ];

    public static Option<string?> Create()
    {
        var option = new Option<string?>("--fail-on")
        {
            HelpName = "violated,pending,indeterminate",
            Description = "Exit with status 1 when any obligation instance has one of these statuses (comma-separated, e.g. --fail-on violated,pending); the output is still written.",
        };
        option.CompletionSources.Add(Known.Select(k => k.Name).ToArray());
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && Problem(value) is { } problem) result.AddError($"--fail-on {problem}");
        });
        return option;
    }

    /// <summary>The statuses of <c>--fail-on</c> (already validated) and <c>--fail-on-violation</c> together.</summary>
    public static IReadOnlySet<InstanceStatus> Statuses(string? failOn, bool failOnViolation)
    {
        var statuses = new HashSet<InstanceStatus>();
        foreach (var name in Names(failOn ?? string.Empty))
        {
            if (Known.FirstOrDefault(k => k.Name == name) is { Name: not null } known) statuses.Add(known.Status);
        }
        if (failOnViolation) statuses.Add(InstanceStatus.Violated);
        return statuses;
    }

    /// <summary>What is wrong with the value, or null.</summary>
    private static string? Problem(string value)
    {
        var names = Names(value);
        if (string.IsNullOrWhiteSpace(value)) return "needs at least one of violated, pending, indeterminate";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (name.Length == 0) return $"has an empty item in '{value}'";
            if (!Known.Any(k => k.Name == name))
            {
                var known = Known.Select(k => k.Name).ToArray();
                return $"'{name}' is not one of {string.Join(", ", known)}{SpellingSuggester.DidYouMean(name, known)}";
            }
            if (!seen.Add(name)) return $"names '{name}' twice";
        }
        return null;
    }

    private static string[] Names(string value) => value.Split(',', StringSplitOptions.TrimEntries);
}
