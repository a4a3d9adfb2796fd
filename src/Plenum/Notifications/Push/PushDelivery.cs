using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Notifications.Push;

/// <summary>
/// Delivers queued push notices one after another in the background. A browser whose push service
/// says it is gone (404, 410) loses its subscription. Failures are logged by kind and status only:
/// never an endpoint, which identifies a browser, nor an address.
/// </summary>
public sealed class PushDelivery(PushQueue queue, IServiceScopeFactory scopes, PushSender sender, TimeProvider clock, ILogger<PushDelivery> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var notice in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await DeliverAsync(notice, stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError("Push notices could not be delivered ({Error})", error.GetType().Name);
            }
        }
    }

    async Task DeliverAsync(PushNotice notice, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlenumDb>();
        var subscriptions = await db.PushSubscriptions.Where(s => notice.UserIds.Contains(s.UserId)).ToListAsync(cancellationToken);
        if (subscriptions.Count == 0) return;
        var payload = notice.Payload();
        foreach (var subscription in subscriptions)
        {
            try
            {
                var (outcome, status) = await sender.SendAsync(subscription, payload, cancellationToken);
                if (outcome == PushOutcome.Delivered) subscription.LastSuccessAt = clock.GetUtcNow();
                else if (outcome == PushOutcome.Gone) db.PushSubscriptions.Remove(subscription);
                else log.LogWarning("A push service refused a notice with status {Status}", (int)status);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                // The exception's message could name the push service's host or address: only its kind is logged.
                log.LogWarning("A push service could not be reached ({Error}{Detail})", error.GetType().Name,
                    error is HttpRequestException { HttpRequestError: var kind } ? $": {kind}" : "");
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
