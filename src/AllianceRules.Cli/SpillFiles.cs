namespace AllianceRules.Cli;

/// <summary>Temporary files for the sorted runs of an external sort; each is deleted when closed, and any left are deleted at the end.</summary>
internal sealed class SpillFiles : IDisposable
{
    private readonly List<string> _paths = [];

    public Stream Create()
    {
        var path = Path.Combine(Path.GetTempPath(), $"alliance-sort-{Guid.NewGuid():N}.run");
        _paths.Add(path);
        return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
    }

    public void Dispose()
    {
        foreach (var path in _paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Already gone with its stream, or held by another process; a temporary file either way.
            }
        }
    }
}
