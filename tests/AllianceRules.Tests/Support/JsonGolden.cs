using System.Reflection;
using System.Text.RegularExpressions;
using AllianceRules.Reporting;

namespace AllianceRules.Tests.Support;

/// <summary>
/// JSON documents as golden files hold them: the tool's version is replaced by a fixed token, so a
/// release does not rewrite every golden; <c>schemaVersion</c> stays as written, since a change
/// to it is a change to the contract and must show in review.
/// </summary>
public static partial class JsonGolden
{
    /// <summary>Stands for any release in golden files; valid SemVer, so goldens still validate against their schema.</summary>
    public const string MaskedVersion = "0.0.0-masked";

    /// <summary>What tests give the writers: this build's version, which changes with each release like the command line's.</summary>
    public static ToolInfo Tool { get; } = new(
        (typeof(JsonReportWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0]);

    public static string Mask(string json) => ToolVersion().Replace(json, $"${{head}}\"{MaskedVersion}\"", 1);

    [GeneratedRegex("(?<head>\"tool\":\\s*\\{\\s*\"name\":\\s*\"[^\"]*\",\\s*\"version\":\\s*)\"[^\"]*\"")]
    private static partial Regex ToolVersion();
}
