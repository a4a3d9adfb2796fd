using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Plenum.AlertLoad;

/// <summary>One responder's live alert page: signed in by cookie, listening to the network, confirming each alert it shows.</summary>
sealed class LiveScreen(Uri server, string cookie, Guid groupId)
{
    public sealed record AlertPayload(Guid MessageId, Guid IncidentId, string Kind, string Text, string AnswerUrl);

    HubConnection? connection;
    /// <summary>When the first "Alert" arrived (Stopwatch ticks), 0 until then.</summary>
    public long ArrivedAt;
    public int Repeated;
    public int Confirmed;

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/alerts"), HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                options.Cookies.Add(new Cookie("plenum", cookie, "/", server.Host));
            })
            .Build();
        connection.On<AlertPayload>("Alert", alert =>
        {
            if (alert.Kind != "Alert") return;
            if (Interlocked.CompareExchange(ref ArrivedAt, Stopwatch.GetTimestamp(), 0) != 0) { Interlocked.Increment(ref Repeated); return; }
            // The live page confirms each alert it shows (AlertHub.Received): the live channel's receipt.
            _ = ConfirmAsync(alert.MessageId);
        });
        await connection.StartAsync(cancellationToken);
        await connection.InvokeAsync("Listen", groupId, cancellationToken);
    }

    async Task ConfirmAsync(Guid messageId)
    {
        await connection!.InvokeAsync("Received", messageId);
        Interlocked.Increment(ref Confirmed);
    }

    public ValueTask CloseAsync() => connection?.DisposeAsync() ?? ValueTask.CompletedTask;
}
