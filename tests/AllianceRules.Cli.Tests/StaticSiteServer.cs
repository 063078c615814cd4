using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// A static file server on 127.0.0.1 and a free port, in this process: what the published
/// playground needs (GET and HEAD of files under one folder, with their MIME types), so that its
/// browser tests and bench/playground need nothing but the .NET SDK. One request per connection.
/// This file needs no test framework, so bench/playground links it.
/// </summary>
public sealed class StaticSiteServer : IDisposable
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript",
        [".mjs"] = "text/javascript",
        [".json"] = "application/json",
        [".css"] = "text/css",
        [".wasm"] = "application/wasm",
        [".dat"] = "application/octet-stream",
        [".dll"] = "application/octet-stream",
        [".pdb"] = "application/octet-stream",
        [".webcil"] = "application/octet-stream",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".svg"] = "image/svg+xml",
        [".txt"] = "text/plain; charset=utf-8",
    };

    private readonly string _root;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public StaticSiteServer(string root)
    {
        _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        _listener.Start();
        Origin = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = Task.Run(AcceptLoop);
    }

    /// <summary>http://127.0.0.1:PORT, without a trailing slash.</summary>
    public string Origin { get; }

    /// <summary>The MIME type the server sends for a file name.</summary>
    public static string TypeOf(string path) => Types.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                if (head is null) return;
                var parts = head.Split('\n')[0].Trim().Split(' ');
                if (parts.Length < 2 || parts[0] is not ("GET" or "HEAD"))
                {
                    await RespondAsync(stream, "405 Method Not Allowed", "text/plain", Encoding.UTF8.GetBytes("GET only\n"), true);
                    return;
                }
                var file = Resolve(parts[1]);
                if (file is null)
                {
                    await RespondAsync(stream, "404 Not Found", "text/plain", Encoding.UTF8.GetBytes("not found\n"), parts[0] == "GET");
                    return;
                }
                await RespondAsync(stream, "200 OK", TypeOf(file), await File.ReadAllBytesAsync(file), parts[0] == "GET");
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                // The browser closed the connection; nothing to answer.
            }
        }
    }

    /// <summary>The file a request path names under the root, or null (missing, or outside the root).</summary>
    private string? Resolve(string target)
    {
        var path = target.Split('?', '#')[0];
        path = Uri.UnescapeDataString(path).TrimStart('/');
        if (path.Length == 0 || path.EndsWith('/')) path += "index.html";
        var full = Path.GetFullPath(Path.Combine(_root, path));
        return full.StartsWith(_root, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }

    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (head.Length < 65536)
        {
            var n = await stream.ReadAsync(buffer);
            if (n == 0) return null;
            head.Append(Encoding.Latin1.GetString(buffer, 0, n));
            if (head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal)) return head.ToString();
        }
        return null;
    }

    private static async Task RespondAsync(NetworkStream stream, string status, string type, byte[] body, bool withBody)
    {
        var header = $"HTTP/1.1 {status}\r\nContent-Type: {type}\r\nContent-Length: {body.Length}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(header));
        if (withBody) await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends on the stopped listener.
        }
        _stop.Dispose();
    }
}
