using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Plenum.AlertLoad;

/// <summary>
/// A network's SMS gateway as Plenum sees it: takes signed JSON messages (each for one or more people) on
/// 127.0.0.1, checks each signature as a real gateway must, notes when each person's alert arrived and answers 200.
/// It runs in a process of its own (<see cref="GatewayProcess"/>), as a network's gateway would: inside the load
/// client it waited behind the 5,000 pages' work on the same thread pool. Its figures are read at /_bench/.
/// </summary>
sealed class Gateway(string url, string secret) : IAsyncDisposable
{
    readonly WebApplication app = Build(url);
    ConcurrentDictionary<string, long> Arrivals { get; } = new();
    int Forged;
    int Repeated;

    static WebApplication Build(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(new Uri(url).GetLeftPart(UriPartial.Authority));
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    /// <summary>Runs until the process is stopped; says "ready" on standard output once it listens.</summary>
    public static async Task RunAsync(string url, string secret)
    {
        await using var gateway = new Gateway(url, secret);
        var app = gateway.app;
        app.MapPost(new Uri(url).AbsolutePath, (Delegate)gateway.ReceiveAsync);
        app.MapGet("/_bench/tally", () => new Tally(gateway.Arrivals.Count, gateway.Forged, gateway.Repeated));
        // Stopwatch timestamps are CLOCK_MONOTONIC on Linux, so the client compares them with its own.
        app.MapGet("/_bench/arrivals", () => gateway.Arrivals.Values.ToArray());
        app.MapPost("/_bench/clear", () => gateway.Arrivals.Clear());
        await app.StartAsync();
        Console.WriteLine("ready");
        await app.WaitForShutdownAsync();
    }

    public sealed record Tally(int Arrived, int Forged, int Repeated);

    /// <summary>Only "Alert" messages are timed (the verifiers' notices carry other kinds).</summary>
    async Task<IResult> ReceiveAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        string timestamp = context.Request.Headers["X-Plenum-Timestamp"].ToString();
        if (context.Request.Headers["X-Plenum-Signature"].ToString() != "sha256=" + Sign(secret, timestamp, body))
        {
            Interlocked.Increment(ref Forged);
            return Results.Unauthorized();
        }
        var arrived = Stopwatch.GetTimestamp();
        using var message = JsonDocument.Parse(body);
        if (message.RootElement.GetProperty("kind").GetString() != "Alert") return Results.Ok();
        foreach (var recipient in message.RootElement.GetProperty("recipients").EnumerateArray())
            if (!Arrivals.TryAdd(recipient.GetProperty("to").GetString()!, arrived)) Interlocked.Increment(ref Repeated);
        return Results.Ok();
    }

    /// <summary>Hex HMAC-SHA256 over "timestamp.body", as documented for gateways.</summary>
    public static string Sign(string secret, string timestamp, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.UTF8.GetBytes(timestamp + "."), .. body]));

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
