namespace AllianceRules.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "AllianceRules.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("AllianceRules.sln not found above " + AppContext.BaseDirectory);
    }
}
