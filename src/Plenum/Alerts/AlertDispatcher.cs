using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Plenum.Alerts.Channels;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>
/// Sends saved alert deliveries on each person's channels, in their order: a channel that fails, or gives
/// no receipt within the network's fallback time, hands over to the next; when none is left the person is
/// on the dispatchers' "not reached" list. Every few seconds it also sends what is still pending (after a
/// crash too), widens roll-calls and raises missed check-ins.
/// </summary>
public sealed class AlertDispatcher(IServiceScopeFactory scopes, TimeProvider clock, AlertPipelineHealth health, ILogger<AlertDispatcher> log)
    : BackgroundService
{
    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(2);
    /// <summary>A pending delivery this old was not handed over by its sender (a crash, a lost wake-up): the sweep sends it.</summary>
    static readonly TimeSpan PendingGrace = TimeSpan.FromSeconds(3);
    /// <summary>How many people are sent to at once: enough for thousands a second, few enough not to swamp a small gateway.</summary>
    const int SendingAtOnce = 64;

    readonly Channel<Guid> _wake = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    readonly SemaphoreSlim _gate = new(1, 1);

    public void Wake(Guid messageId) => _wake.Writer.TryWrite(messageId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweeping = SweepLoopAsync(stoppingToken);
        await foreach (var messageId in _wake.Reader.ReadAllAsync(stoppingToken))
            await GuardedAsync(scope => SendMessageAsync(scope, messageId, stoppingToken), stoppingToken);
        await sweeping;
    }

    async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepEvery);
        try
        {
            do await SweepAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>One round of the sweep; tests call it after moving the clock.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken = default)
    {
        await GuardedAsync(async scope =>
        {
            var db = scope.ServiceProvider.GetRequiredService<PlenumDb>();
            var now = clock.GetUtcNow();
            var stale = now - PendingGrace;
            var due = await db.AlertDeliveries
                .Where(d => (d.State == DeliveryState.Pending && db.AlertMessages.Any(m => m.Id == d.MessageId && m.SentAt <= stale))
                    || (d.State == DeliveryState.Sent && d.FallbackAt <= now))
                .Select(d => d.MessageId).Distinct().ToListAsync(cancellationToken);
            foreach (var messageId in due) await SendMessageAsync(scope, messageId, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<AlertDesk>().WidenDueRollCallsAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<CheckIns>().RaiseMissedAsync(cancellationToken);
        }, cancellationToken);
        health.Swept();
    }

    async Task GuardedAsync(Func<IServiceScope, Task> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            await work(scope);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            log.LogError(error, "Alert deliveries could not be processed; they stay saved and are tried again");
        }
        finally
        {
            _gate.Release();
        }
    }

    async Task SendMessageAsync(IServiceScope scope, Guid messageId, CancellationToken cancellationToken)
    {
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PlenumDb>();
        var now = clock.GetUtcNow();
        var deliveries = await db.AlertDeliveries.AsNoTracking()
            .Where(d => d.MessageId == messageId && (d.State == DeliveryState.Pending || (d.State == DeliveryState.Sent && d.FallbackAt <= now)))
            .ToListAsync(cancellationToken);
        if (deliveries.Count == 0) return;
        var alert = await services.GetRequiredService<AlertAddressBook>().OutgoingAsync(messageId, cancellationToken);
        var people = await services.GetRequiredService<AlertAddressBook>().AddresseesAsync(alert.Incident.GroupId, messageId, deliveries.Select(d => d.UserId).ToList(), cancellationToken);
        var channels = services.GetServices<IAlertChannel>().ToDictionary(c => c.Kind);
        var links = services.GetRequiredService<AlertLinks>();

        var results = new System.Collections.Concurrent.ConcurrentBag<(Guid UserId, DeliveryState State, AlertChannel? Channel, int Attempts)>();
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = SendingAtOnce, CancellationToken = cancellationToken }, async (delivery, token) =>
        {
            var person = people[delivery.UserId];
            var ticket = links.Seal(new AlertTicket(alert.Incident.Id, person.UserId, messageId));
            for (var attempt = delivery.Attempts; attempt < person.Order.Count; attempt++)
            {
                var channel = channels[person.Order[attempt]];
                if (!channel.CanReach(alert, person)) continue;
                var outcome = await channel.SendAsync(alert, person, ticket, token);
                if (outcome == ChannelOutcome.Failed) continue;
                results.Add((person.UserId, outcome == ChannelOutcome.Received ? DeliveryState.Received : DeliveryState.Sent, channel.Kind, attempt + 1));
                return;
            }
            results.Add((person.UserId, DeliveryState.NotReached, delivery.Channel, person.Order.Count));
        });
        await RecordAsync(db, messageId, results, alert.Network.FallbackSeconds, cancellationToken);
        services.GetRequiredService<AlertDeskUpdates>().Changed(alert.Incident.GroupId, alert.Incident.Id);
    }

    /// <summary>
    /// Saves the outcomes one statement per kind of outcome (people with the same outcome together). A receipt that
    /// came in while sending is never overwritten: rows already received are left as they are.
    /// </summary>
    async Task RecordAsync(PlenumDb db, Guid messageId, IEnumerable<(Guid UserId, DeliveryState State, AlertChannel? Channel, int Attempts)> results,
        int fallbackSeconds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? fallbackAt = now.AddSeconds(fallbackSeconds);
        foreach (var same in results.GroupBy(r => (r.State, r.Channel, r.Attempts)))
        {
            var (state, channel, attempts) = same.Key;
            var ids = same.Select(r => r.UserId).ToList();
            await db.AlertDeliveries.Where(d => d.MessageId == messageId && ids.Contains(d.UserId) && d.State != DeliveryState.Received)
                .ExecuteUpdateAsync(d => d
                    .SetProperty(x => x.State, state).SetProperty(x => x.Channel, channel).SetProperty(x => x.Attempts, attempts)
                    .SetProperty(x => x.SentAt, now)
                    .SetProperty(x => x.ReceivedAt, state == DeliveryState.Received ? now : null)
                    .SetProperty(x => x.FallbackAt, state == DeliveryState.Sent ? fallbackAt : null), cancellationToken);
        }
    }
}
