using Xunit.Sdk;

namespace AllianceRules.Tests.Support;

/// <summary>
/// Compares output with an expected file beside its input. Run with ALLIANCE_UPDATE_BASELINES=1
/// to rewrite the expected files, then review the change with git diff.
/// </summary>
public static class Baseline
{
    public static bool Updating => Environment.GetEnvironmentVariable("ALLIANCE_UPDATE_BASELINES") == "1";

    public static void Match(string expectedPath, string actual)
    {
        actual = actual.Replace("\r\n", "\n");
        if (Updating)
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }
        if (!File.Exists(expectedPath))
        {
            throw new XunitException($"Missing baseline {Relative(expectedPath)}. Run the tests with ALLIANCE_UPDATE_BASELINES=1 to create it, then review it.\nActual:\n{actual}");
        }
        var expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n");
        if (expected == actual) return;
        throw new XunitException($"""
            Output differs from {Relative(expectedPath)}.
            {FirstDifference(expected, actual)}
            To accept the new output: ALLIANCE_UPDATE_BASELINES=1 dotnet test, then review with git diff.
            Actual output:
            {actual}
            """);
    }

    private static string Relative(string path) => System.IO.Path.GetRelativePath(Repo.Root, path);

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al) return $"First difference at line {i + 1}:\n  expected: {el}\n  actual:   {al}";
        }
        return "The texts differ only in line endings.";
    }
}
