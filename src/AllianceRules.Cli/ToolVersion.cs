using System.Reflection;
using AllianceRules.Reporting;

namespace AllianceRules.Cli;

/// <summary>
/// The release this program is, for the <c>tool</c> field of its JSON documents; read here
/// because the engine reads nothing about its surroundings.
/// </summary>
internal static class ToolVersion
{
    public static ToolInfo Info { get; } = new(Release(typeof(ToolVersion).Assembly));

    /// <summary>
    /// The assembly's informational version without the SDK's <c>+commit</c> suffix: reports of
    /// one release stay byte for byte the same whichever checkout built it (docs/language.md §7).
    /// </summary>
    public static string Release(Assembly assembly) =>
        Release(assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString(3)
            ?? "0.0.0");

    public static string Release(string informationalVersion) => informationalVersion.Split('+', 2)[0];
}
