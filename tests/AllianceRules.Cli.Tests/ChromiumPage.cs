using System.Diagnostics;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// A page in headless Debian Chromium, driven over the DevTools protocol: it records every request
/// the page makes and every console message or uncaught error, can evaluate an expression, and
/// can take a screenshot. No browser is downloaded: it uses /usr/bin/chromium (or ALLIANCE_CHROMIUM),
/// installing Debian's package when missing (<see cref="Prerequisites"/>). This file needs no test
/// framework, so bench/playground links it; the test-only opening is in ChromiumPage.Tests.cs.
/// </summary>
public sealed partial class ChromiumPage : IAsyncDisposable
{
    private readonly Process _browser;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonNode>> _replies = [];
    private readonly Task _reader;
    private int _nextId;

    /// <summary>URLs the page requested, in order.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>
    /// Requests the browser refused to send, with why (DevTools' blockedReason, e.g. "csp"): they
    /// are in <see cref="Requests"/> too, as DevTools reports a request before it is blocked.
    /// </summary>
    public List<(string Url, string Reason)> Blocked { get; } = [];

    private readonly Dictionary<string, string> _urls = [];

    /// <summary>Console messages, uncaught exceptions and browser log entries about the page.</summary>
    public List<string> Messages { get; } = [];

    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChromiumPage(Process browser, string profile, Uri page)
    {
        _browser = browser;
        _profile = profile;
        _socket.ConnectAsync(page, CancellationToken.None).GetAwaiter().GetResult();
        _reader = Task.Run(ReadLoop);
    }

    /// <summary>Opens a page in a fresh Chromium with a fresh profile, started from <paramref name="executable"/>.</summary>
    public static async Task<ChromiumPage> OpenAsync(string executable)
    {
        var profile = Directory.CreateTempSubdirectory("alliance-chromium-").FullName;
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--no-default-browser-check", $"--user-data-dir={profile}",
            "--remote-debugging-port=0", "--window-size=1280,900", "about:blank",
        })
        {
            start.ArgumentList.Add(arg);
        }
        var browser = Process.Start(start)!;
        // Chromium prints "DevTools listening on ws://127.0.0.1:PORT/..." once it is ready.
        string? line;
        var port = 0;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (port == 0 && DateTime.UtcNow < deadline && (line = await browser.StandardError.ReadLineAsync()) is not null)
        {
            if (Listening().Match(line) is { Success: true } m) port = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        if (port == 0)
        {
            if (!browser.HasExited) browser.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"Chromium ({executable}) did not open its DevTools port.");
        }
        _ = browser.StandardError.ReadToEndAsync();
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list")))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        var session = new ChromiumPage(browser, profile, new Uri((string)page["webSocketDebuggerUrl"]!));
        await session.SendAsync("Network.enable");
        await session.SendAsync("Runtime.enable");
        await session.SendAsync("Log.enable");
        await session.SendAsync("Page.enable");
        return session;
    }

    public async Task NavigateAsync(string url)
    {
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        await _loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Let anything the load set off (an image error handler, say) run and report.
        await Task.Delay(500);
    }

    /// <summary>The value of an expression in the page; a promise is awaited. An exception in the page fails the call.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var reply = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (reply["exceptionDetails"] is { } failed) throw new InvalidOperationException($"{expression}\nthrew in the page: {failed.ToJsonString()}");
        return reply["result"]?["value"];
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> (an expression) is truthy in the page, polling; on
    /// timeout, throws with the condition and the start of the page's text. No duration is asserted:
    /// the timeout only bounds a wait that would otherwise never end.
    /// </summary>
    public async Task WaitForAsync(string condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await EvaluateAsync($"!!({condition})") is { } met && met.GetValue<bool>()) return;
            if (DateTime.UtcNow > deadline)
            {
                var text = (await EvaluateAsync("document.body ? document.body.innerText.slice(0, 3000) : ''"))?.GetValue<string>();
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {condition}; the page shows:\n{text}\nmessages: {string.Join('\n', Messages)}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Emulates a CSS media type ("print", "screen"), or none with "".</summary>
    public Task SetMediaAsync(string media) => SendAsync("Emulation.setEmulatedMedia", new JsonObject { ["media"] = media });

    public async Task<byte[]> ScreenshotAsync()
    {
        var reply = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = false });
        return Convert.FromBase64String((string)reply["data"]!);
    }

    public async Task<JsonNode> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_replies) _replies[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        return await reply.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private async Task ReadLoop()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        while (_socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                return;
            }
            if (result.MessageType == WebSocketMessageType.Close) return;
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            var node = JsonNode.Parse(message.ToArray())!;
            message.SetLength(0);
            if (node["id"] is { } idNode)
            {
                TaskCompletionSource<JsonNode>? reply;
                lock (_replies) _replies.Remove((int)idNode, out reply);
                reply?.TrySetResult(node["result"] ?? new JsonObject());
                continue;
            }
            var p = node["params"];
            switch ((string?)node["method"])
            {
                case "Network.requestWillBeSent":
                    Requests.Add((string)p!["request"]!["url"]!);
                    _urls[(string)p["requestId"]!] = (string)p["request"]!["url"]!;
                    break;
                case "Network.loadingFailed" when p!["blockedReason"] is { } reason:
                    Blocked.Add((_urls.GetValueOrDefault((string)p["requestId"]!, "?"), (string)reason!));
                    break;
                case "Runtime.consoleAPICalled":
                    Messages.Add($"console.{p!["type"]}: {p["args"]?.ToJsonString()}");
                    break;
                case "Runtime.exceptionThrown":
                    Messages.Add($"exception: {p!["exceptionDetails"]?.ToJsonString()}");
                    break;
                case "Log.entryAdded":
                    Messages.Add($"log.{p!["entry"]!["level"]}: {p["entry"]!["text"]}{(p["entry"]!["url"] is { } at ? $" ({at})" : null)}");
                    break;
                case "Page.loadEventFired":
                    _loaded.TrySetResult();
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The browser is being closed anyway.
        }
        _socket.Dispose();
        if (!_browser.HasExited) _browser.Kill(entireProcessTree: true);
        await _browser.WaitForExitAsync();
        _browser.Dispose();
        await _reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile left in /tmp is harmless.
        }
    }

    [GeneratedRegex(@"DevTools listening on ws://127\.0\.0\.1:(\d+)/")]
    private static partial Regex Listening();
}
