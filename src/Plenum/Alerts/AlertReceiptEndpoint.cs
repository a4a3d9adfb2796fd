namespace Plenum.Alerts;

/// <summary>
/// The push service worker's receipt: it posts here when it shows an alert. The sealed token says who and
/// which message, so no cookie is read and no antiforgery token is needed.
/// </summary>
public static class AlertReceiptEndpoint
{
    public static void MapAlertReceipts(this WebApplication app) =>
        app.MapPost("/alerts/receipt/{token}", async (string token, AlertLinks links, AlertReceipts receipts) =>
        {
            if (links.Open(token) is not { } ticket) return Results.NotFound();
            await receipts.ReceivedAsync(ticket.MessageId, ticket.UserId, AlertChannel.Push);
            return Results.NoContent();
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
}
