using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Plenum.Tests.Alerts;

/// <summary>
/// A stand-in for a network's SMS/Signal gateway on 127.0.0.1: keeps every POST. Of a message's recipients it
/// lists those whose "to" starts with "fail" as failed, as a gateway that cannot reach that phone; when all of them
/// do, it answers 500 instead. To a message for "garbled…" it answers 200 with plain text, and to one for "huge…"
/// 200 with two megabytes of it, as broken gateways might.
/// </summary>
public sealed class WebhookSink : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly List<Message> _received = [];

    public sealed record Message(IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
        public IReadOnlyList<string> To => [.. Json.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("to").GetString()!)];
        /// <summary>The answer link the message carries for one recipient.</summary>
        public string AnswerUrlOf(string address) =>
            Json.GetProperty("recipients").EnumerateArray().Single(r => r.GetProperty("to").GetString() == address).GetProperty("answerUrl").GetString()!;
    }

    public Uri Url { get; }

    WebhookSink(WebApplication app, Uri url) => (_app, Url) = (app, url);

    public static async Task<WebhookSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        WebhookSink? sink = null;
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var message = new Message(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray());
            lock (sink!._received) sink._received.Add(message);
            if (message.To.Any(to => to.StartsWith("garbled", StringComparison.Ordinal))) return Results.Text("ok");
            if (message.To.Any(to => to.StartsWith("huge", StringComparison.Ordinal))) return Results.Text(new string('x', 2 << 20));
            var failed = message.To.Where(to => to.StartsWith("fail", StringComparison.Ordinal)).ToList();
            return failed.Count == message.To.Count ? Results.StatusCode(500) : Results.Ok(new { failed });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return sink = new WebhookSink(app, new Uri(new Uri(address), "/hook"));
    }

    public IReadOnlyList<Message> To(string address)
    {
        lock (_received) return [.. _received.Where(m => m.To.Contains(address))];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
