using AllianceRules.Text;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>A buffer the editor has open: what it holds overrides the file on disk.</summary>
internal sealed record OpenDocument(string Uri, string Text, int Version);

/// <summary>
/// The folder the client opened and the buffers it has open. Documents are keyed by their full
/// path, so two spellings of one URI are one document. Read and written from several threads.
/// </summary>
internal sealed class LspWorkspace
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, OpenDocument> open = new(StringComparer.Ordinal);

    /// <summary>The workspace folder, when the client gave one; without it only open buffers are checked.</summary>
    public string? Root { get; set; }

    public void Open(string uri, string text, int version) => Set(uri, new OpenDocument(uri, text, version));

    public void Change(string uri, string text, int version) => Set(uri, new OpenDocument(uri, text, version));

    public void Close(string uri)
    {
        if (LspUris.ToPath(uri) is not { } path) return;
        lock (gate) open.Remove(path);
    }

    /// <summary>The open buffer's text, or null when the document is not open.</summary>
    public OpenDocument? Get(string uri)
    {
        if (LspUris.ToPath(uri) is not { } path) return null;
        lock (gate) return open.GetValueOrDefault(path);
    }

    /// <summary>The path a file is shown under in diagnostics: relative to the root when inside it.</summary>
    public static string Display(string? root, string fullPath)
    {
        if (root is not null)
        {
            var relative = Path.GetRelativePath(root, fullPath);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)) return relative.Replace('\\', '/');
        }
        return fullPath.Replace('\\', '/');
    }

    /// <summary>A copy of what the analysis needs, so the editor may go on changing buffers meanwhile.</summary>
    public WorkspaceSnapshot Snapshot()
    {
        lock (gate) return new WorkspaceSnapshot(Root, new Dictionary<string, OpenDocument>(open, StringComparer.Ordinal));
    }

    private void Set(string uri, OpenDocument document)
    {
        if (LspUris.ToPath(uri) is not { } path) return;
        lock (gate) open[path] = document;
    }
}

/// <summary>The workspace at one moment: its root and its open buffers by full path.</summary>
internal sealed record WorkspaceSnapshot(string? Root, IReadOnlyDictionary<string, OpenDocument> Open)
{
    /// <summary>A source file for an open buffer, shown as diagnostics show it.</summary>
    public SourceFile Source(string fullPath, OpenDocument document) => new(LspWorkspace.Display(Root, fullPath), document.Text);
}

/// <summary>file: URIs to paths and back.</summary>
internal static class LspUris
{
    public static string? ToPath(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile) return null;
        try
        {
            return InputDiscovery.RealPath(Path.GetFullPath(parsed.LocalPath));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>
    /// A file: URI for a full path, each segment percent-escaped: <c>new Uri(path)</c> reads the
    /// path as a URI and decodes escapes in it, so <c>b%41 c.events</c> came out as <c>bA%20c.events</c>.
    /// </summary>
    public static string FromPath(string fullPath)
    {
        var path = Path.DirectorySeparatorChar == '\\' ? fullPath.Replace('\\', '/') : fullPath;
        // A UNC path (//host/share/...) keeps its host as the URI's authority.
        if (path.StartsWith("//", StringComparison.Ordinal)) return "file:" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        if (!path.StartsWith('/')) path = "/" + path;
        // A drive letter (C:) is written as is.
        return "file://" + string.Join('/', path.Split('/').Select((segment, i) => i == 1 && segment.Length == 2 && char.IsAsciiLetter(segment[0]) && segment[1] == ':' ? segment : Uri.EscapeDataString(segment)));
    }
}
