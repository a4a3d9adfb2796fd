using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Plenum.AlertLoad;

/// <summary>
/// One responder's live alert page: signed in by cookie, listening to the network, confirming each alert it shows.
/// </summary>
/// <remarks>
/// It speaks SignalR's JSON hub protocol over a bare WebSocket, as the page's script does, rather than through
/// 5,000 .NET <c>HubConnection</c>s: those cost this client, which shares the machine with the server, more CPU
/// than the pages it plays would (docs/benchmarks.md has runs with both).
/// </remarks>
sealed class LiveScreen(Uri server, string cookie, Guid groupId)
{
    const byte RecordSeparator = 0x1e;
    readonly ClientWebSocket socket = new();
    readonly SemaphoreSlim sending = new(1, 1);
    Task? receiving;
    int nextInvocation;

    /// <summary>When the first "Alert" arrived (Stopwatch ticks), 0 until then.</summary>
    public long ArrivedAt;
    public int Repeated;
    public int Confirmed;
    readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        socket.Options.SetRequestHeader("Cookie", $"plenum={cookie}");
        var hub = new UriBuilder(new Uri(server, "/hubs/alerts")) { Scheme = server.Scheme == "https" ? "wss" : "ws" }.Uri;
        await socket.ConnectAsync(hub, cancellationToken);
        await SendAsync("""{"protocol":"json","version":1}""", cancellationToken);
        receiving = ReceiveLoopAsync();
        await InvokeAsync("Listen", groupId, cancellationToken);
        await listening.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Keeps the connection alive while the others open (the server drops a client silent for 30 s).</summary>
    public Task PingAsync() => socket.State == WebSocketState.Open ? SendAsync("""{"type":6}""", CancellationToken.None) : Task.CompletedTask;

    Task InvokeAsync(string target, Guid argument, CancellationToken cancellationToken) =>
        SendAsync($$"""{"type":1,"invocationId":"{{Interlocked.Increment(ref nextInvocation)}}","target":"{{target}}","arguments":["{{argument}}"]}""", cancellationToken);

    async Task SendAsync(string json, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(json + (char)RecordSeparator);
        await sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            sending.Release();
        }
    }

    async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer.GetMemory(4096), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close) return;
                buffer.Advance(result.Count);
                if (!result.EndOfMessage) continue;
                foreach (var record in Records(buffer.WrittenMemory)) Handle(record);
                buffer.ResetWrittenCount();
            }
        }
        catch (WebSocketException) { } // closed at the end of the run
    }

    static IEnumerable<ReadOnlyMemory<byte>> Records(ReadOnlyMemory<byte> frame)
    {
        while (frame.Span.IndexOf(RecordSeparator) is var end and >= 0)
        {
            yield return frame[..end];
            frame = frame[(end + 1)..];
        }
    }

    void Handle(ReadOnlyMemory<byte> record)
    {
        using var message = JsonDocument.Parse(record);
        var root = message.RootElement;
        if (!root.TryGetProperty("type", out var type)) return; // the handshake's answer
        switch (type.GetInt32())
        {
            case 1 when root.GetProperty("target").GetString() == "Alert":
                var alert = root.GetProperty("arguments")[0];
                if (alert.GetProperty("kind").GetString() != "Alert") return;
                if (Interlocked.CompareExchange(ref ArrivedAt, Stopwatch.GetTimestamp(), 0) != 0) { Interlocked.Increment(ref Repeated); return; }
                // The live page confirms each alert it shows (AlertHub.Received): the live channel's receipt.
                _ = InvokeAsync("Received", alert.GetProperty("messageId").GetGuid(), CancellationToken.None);
                return;
            case 3 when root.TryGetProperty("error", out var error):
                listening.TrySetException(new InvalidOperationException($"The hub refused: {error.GetString()}"));
                return;
            case 3 when root.GetProperty("invocationId").GetString() == "1":
                listening.TrySetResult();
                return;
            case 3:
                Interlocked.Increment(ref Confirmed);
                return;
        }
    }

    public async ValueTask CloseAsync()
    {
        if (socket.State == WebSocketState.Open)
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        if (receiving is not null) await receiving;
        socket.Dispose();
    }
}
