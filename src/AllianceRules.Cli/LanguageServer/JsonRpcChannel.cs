using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AllianceRules.Cli.LanguageServer;

/// <summary>
/// JSON-RPC 2.0 over a byte stream with LSP's <c>Content-Length</c> framing, written by hand with
/// System.Text.Json's DOM: no reflection, so a NativeAOT build can keep it. Writes are serialised
/// by a lock, so the reader thread and the diagnostics worker can both send.
/// </summary>
internal sealed class JsonRpcChannel(Stream input, Stream output)
{
    /// <summary>A message larger than this is read past and answered with a parse error, not held in memory.</summary>
    internal const int MaxMessageBytes = 64 * 1024 * 1024;

    private const int MaxHeaderBytes = 8192;
    private readonly Lock writeLock = new();

    /// <summary>The next message: its JSON, or null with a reason when it was not JSON; end of input gives (null, null, true).</summary>
    public (JsonNode? Message, string? Problem, bool Ended) Read()
    {
        var length = -1;
        var sawHeader = false;
        var header = new StringBuilder();
        while (true)
        {
            var line = ReadHeaderLine(header);
            if (line is null) return (null, null, true);
            if (line.Length == 0)
            {
                if (length >= 0) break;
                if (sawHeader) return (null, "the message has no valid Content-Length header", false);
                continue; // Blank lines before a header are tolerated.
            }
            sawHeader = true;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = int.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -2;
            }
        }
        if (length > MaxMessageBytes)
        {
            return Skip(length) ? (null, $"the message is {length} bytes, more than {MaxMessageBytes}", false) : (null, null, true);
        }
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = input.Read(body, read, length - read);
            if (n == 0) return (null, null, true);
            read += n;
        }
        // JsonNode reads strings lazily: bytes that are not UTF-8 would throw later, where a value is read (found in review).
        if (!System.Text.Unicode.Utf8.IsValid(body)) return (null, "the message is not UTF-8", false);
        try
        {
            return (JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }), null, false);
        }
        catch (JsonException e)
        {
            return (null, e.Message, false);
        }
    }

    public void Send(JsonObject message)
    {
        message["jsonrpc"] = "2.0";
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var head = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (writeLock)
        {
            output.Write(head);
            output.Write(body);
            output.Flush();
        }
    }

    private bool Skip(int length)
    {
        var buffer = new byte[81920];
        while (length > 0)
        {
            var n = input.Read(buffer, 0, Math.Min(buffer.Length, length));
            if (n == 0) return false;
            length -= n;
        }
        return true;
    }

    /// <summary>One header line without its CR LF; null at end of input. An overlong line is cut, and so read as no header.</summary>
    private string? ReadHeaderLine(StringBuilder line)
    {
        line.Clear();
        while (true)
        {
            var b = input.ReadByte();
            if (b < 0) return null;
            if (b == '\n') return line.ToString().TrimEnd('\r');
            if (line.Length < MaxHeaderBytes) line.Append((char)b);
        }
    }
}
