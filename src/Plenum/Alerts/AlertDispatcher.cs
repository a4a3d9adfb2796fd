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
    /// <summary>How many people are sent to one by one at once (pages, push, mail): enough for thousands a second, few connections.</summary>
    const int SendingAtOnce = 64;
    /// <summary>How many batches go to the network's gateway at once: one 100 ms away takes 10,000 people in about 1.3 s.</summary>
    const int GatewayBatchesAtOnce = 8;

    /// <summary>One person's delivery on its way; the answer link is sealed when first needed, on the sending thread.</summary>
    sealed class PersonSend(AlertDelivery delivery, Addressee person, Func<string> seal)
    {
        string? _ticket;
        public AlertDelivery Delivery => delivery;
        public Addressee Person => person;
        public string Ticket => _ticket ??= seal();
    }

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
        var gateway = (WebhookChannel)channels[AlertChannel.Webhook];
        var links = services.GetRequiredService<AlertLinks>();

        var results = new System.Collections.Concurrent.ConcurrentBag<(Guid UserId, DeliveryState State, AlertChannel? Channel, int Attempts)>();
        var sends = deliveries.Select(d => new PersonSend(d, people[d.UserId], () => links.Seal(new AlertTicket(alert.Incident.Id, d.UserId, messageId)))).ToList();
        // The attempt (index into the person's order) of the next channel that can reach them.
        int? NextReachable(PersonSend send)
        {
            for (var attempt = send.Delivery.Attempts; attempt < send.Person.Order.Count; attempt++)
                if (channels[send.Person.Order[attempt]].CanReach(alert, send.Person)) return attempt;
            return null;
        }
        bool NextIs(PersonSend send, int? attempt, AlertChannel kind) => attempt is { } at && send.Person.Order[at] == kind;

        // From the given attempt on, the person's channels in their order until one takes the message.
        async ValueTask SendOnAsync(PersonSend send, int from, CancellationToken token)
        {
            for (var attempt = from; attempt < send.Person.Order.Count; attempt++)
            {
                var channel = channels[send.Person.Order[attempt]];
                if (!channel.CanReach(alert, send.Person)) continue;
                var outcome = await channel.SendAsync(alert, send.Person, send.Ticket, token);
                if (outcome == ChannelOutcome.Failed) continue;
                results.Add((send.Person.UserId, outcome == ChannelOutcome.Received ? DeliveryState.Received : DeliveryState.Sent, channel.Kind, attempt + 1));
                return;
            }
            results.Add((send.Person.UserId, DeliveryState.NotReached, send.Delivery.Channel, send.Person.Order.Count));
        }

        // People whose next channel is the gateway go to it in batches, started first since they wait on round trips;
        // the others one by one, open pages first: those cost no round trip, so nobody whose page is open waits
        // behind mail or push round trips. Whoever the gateway does not take goes on afterwards, one by one too.
        var planned = sends.Select(send => (Send: send, Next: NextReachable(send))).ToList();
        var viaGateway = planned.Where(p => NextIs(p.Send, p.Next, AlertChannel.Webhook)).ToList();
        var oneByOne = planned.Where(p => !NextIs(p.Send, p.Next, AlertChannel.Webhook))
            .OrderBy(p => NextIs(p.Send, p.Next, AlertChannel.Live) ? 0 : 1).Select(p => p.Send);
        var notTakenByGateway = new System.Collections.Concurrent.ConcurrentQueue<(PersonSend Send, int From)>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = SendingAtOnce, CancellationToken = cancellationToken };
        var gatewayOptions = new ParallelOptions { MaxDegreeOfParallelism = GatewayBatchesAtOnce, CancellationToken = cancellationToken };
        await Task.WhenAll(
            Parallel.ForEachAsync(viaGateway.Chunk(WebhookChannel.BatchSize), gatewayOptions, async (batch, token) =>
            {
                var notTaken = await gateway.SendBatchAsync(alert, batch.Select(b => (b.Send.Person, b.Send.Ticket)).ToList(), token);
                foreach (var (send, next) in batch)
                    if (notTaken.Contains(send.Person.UserId)) notTakenByGateway.Enqueue((send, next!.Value + 1));
                    else results.Add((send.Person.UserId, DeliveryState.Received, AlertChannel.Webhook, next!.Value + 1));
            }),
            Parallel.ForEachAsync(oneByOne, options, (send, token) => SendOnAsync(send, send.Delivery.Attempts, token)));
        await Parallel.ForEachAsync(notTakenByGateway, options, (fallback, token) => SendOnAsync(fallback.Send, fallback.From, token));
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
