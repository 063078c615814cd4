using System.Text;
using System.Text.Json.Nodes;
using AllianceRules.Cli.LanguageServer;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// Malformed input at the framing level, which a JSON-RPC client cannot send: the server answers
/// each broken message with an error and goes on to the next. Runs the server in process on
/// byte streams, with no document opened, so nothing waits on a timer.
/// </summary>
public sealed class LanguageServerFramingTests
{
    [Fact]
    public void Broken_messages_get_errors_and_the_next_message_is_still_answered()
    {
        var input = new MemoryStream();
        Frame(input, "this is not JSON");
        Frame(input, "[1, 2]");
        Frame(input, """{"jsonrpc":"2.0","id":7}""");
        input.Write("Content-Type: nothing\r\n\r\n"u8);
        Frame(input, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}""");
        Frame(input, """{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"not a uri"},"position":{"line":0,"character":0}}}""");
        Frame(input, """{"jsonrpc":"2.0","id":3,"method":"shutdown"}""");
        Frame(input, """{"jsonrpc":"2.0","id":4,"method":"textDocument/formatting","params":{}}""");
        Frame(input, """{"jsonrpc":"2.0","method":"exit"}""");
        input.Position = 0;
        var output = new MemoryStream();
        var log = new StringWriter();

        var exit = new AllianceRules.Cli.LanguageServer.LanguageServer(input, output, log).Run();

        Assert.Equal(0, exit);
        var replies = Replies(output.ToArray());
        Assert.Equal(
            ["null -32700", "null -32600", "7 -32600", "null -32700", "1 result", "2 result", "3 result", "4 -32600"],
            replies.Select(r => $"{r["id"]?.ToJsonString() ?? "null"} {(r["error"] is { } e ? e["code"]!.ToJsonString() : "result")}"));
        Assert.Empty(log.ToString());
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_a_duplicate_key_and_a_huge_character_do_not_end_the_server()
    {
        // Regression: the first two escaped the reader (JsonNode reads lazily) and ended the process
        // with an internal error; the third overflowed the offset of a hover.
        var input = new MemoryStream();
        Frame(input, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}""");
        FrameBytes(input, [.. Encoding.ASCII.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"x"), 0xFF, 0xFE, .. Encoding.ASCII.GetBytes("\"}")]);
        Frame(input, """{"jsonrpc":"2.0","id":6,"method":"shutdown","method":"y"}""");
        Frame(input, """{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///nowhere/x.treaty"},"position":{"line":3,"character":2147483647}}}""");
        Frame(input, """{"jsonrpc":"2.0","id":3,"method":"shutdown"}""");
        Frame(input, """{"jsonrpc":"2.0","method":"exit"}""");
        input.Position = 0;
        var output = new MemoryStream();

        var exit = new AllianceRules.Cli.LanguageServer.LanguageServer(input, output, new StringWriter()).Run();

        Assert.Equal(0, exit);
        Assert.Equal(
            ["1 result", "null -32700", "null -32700", "7 result", "3 result"],
            Replies(output.ToArray()).Select(r => $"{r["id"]?.ToJsonString() ?? "null"} {(r["error"] is { } e ? e["code"]!.ToJsonString() : "result")}"));
    }

    private static void FrameBytes(Stream stream, byte[] body)
    {
        stream.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        stream.Write(body);
    }

    private static void Frame(Stream stream, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        stream.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        stream.Write(body);
    }

    private static List<JsonObject> Replies(byte[] bytes)
    {
        var replies = new List<JsonObject>();
        var channel = new JsonRpcChannel(new MemoryStream(bytes), Stream.Null);
        while (channel.Read() is { Ended: false } read) replies.Add((JsonObject)read.Message!);
        return replies;
    }
}
