using AllianceRules.Text;

namespace AllianceRules.Peer.Tests;

/// <summary>Files of the repository, found from the test's output folder.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>A repository file as the engine reads it, under its repository-relative path.</summary>
    public static SourceFile Source(string relative) => new(relative, File.ReadAllText(Path(relative.Split('/'))));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "AllianceRules.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("AllianceRules.sln not found above " + AppContext.BaseDirectory);
    }
}
