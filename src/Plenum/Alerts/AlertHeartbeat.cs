using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Notifications;

namespace Plenum.Alerts;

/// <summary>What the heartbeat found: whether alerts are going out, and why not.</summary>
public sealed record PipelineStatus(bool Healthy, string Detail);

/// <summary>
/// Checks every minute that alerts are going out: the dispatcher keeps going round, and nothing waits long
/// unsent. If not, each network's coordinators and dispatchers are told (at most once an hour) on their
/// notices, mail and push, which do not depend on the stalled dispatcher; /alerts/heartbeat tells monitors.
/// </summary>
public sealed class AlertHeartbeat(IServiceScopeFactory scopes, AlertPipelineHealth health, TimeProvider clock, ILogger<AlertHeartbeat> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    static readonly TimeSpan PendingTooLong = TimeSpan.FromMinutes(2), WarnAgainAfter = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await BeatAsync(stoppingToken);
                }
                catch (Exception error) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogError(error, "The alert heartbeat could not check the pipeline");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    public async Task<PipelineStatus> CheckAsync(PlenumDb db, CancellationToken cancellationToken = default)
    {
        if (health.IsStalled) return new(false, $"The alert dispatcher has not run for {health.SinceLastSweep.TotalSeconds:0} seconds.");
        var before = clock.GetUtcNow() - PendingTooLong;
        var waiting = await db.AlertDeliveries.Where(d => d.State == DeliveryState.Pending)
            .Join(db.AlertMessages, d => d.MessageId, m => m.Id, (d, m) => m.SentAt).CountAsync(sent => sent < before, cancellationToken);
        return waiting > 0
            ? new(false, $"{waiting} alert deliveries have waited more than {PendingTooLong.TotalMinutes:0} minutes to be sent.")
            : new(true, "Alerts are going out.");
    }

    /// <summary>One check; warns every network's organisers if alerts are not going out.</summary>
    public async Task BeatAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlenumDb>();
        var status = await CheckAsync(db, cancellationToken);
        if (status.Healthy) return;
        log.LogError("Alerts are not going out: {Detail}", status.Detail);
        var now = clock.GetUtcNow();
        var networks = scope.ServiceProvider.GetRequiredService<AlertNetworks>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        foreach (var network in await db.AlertNetworks.ToListAsync(cancellationToken))
        {
            if (network.PipelineWarnedAt is { } warned && now - warned < WarnAgainAfter) continue;
            network.PipelineWarnedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            var group = await db.Groups.SingleAsync(g => g.Id == network.GroupId, cancellationToken);
            await notifier.PeopleNoticeAsync(group, NotificationKind.AlertPipeline,
                $"alerts may not be reaching responders. {status.Detail} Use phone trees until this is fixed, and tell the instance's admin.",
                $"/groups/{group.Slug}/alerts/metrics", await networks.WithDutyAsync(network.GroupId, AlertDuty.Dispatcher), cancellationToken);
        }
    }
}
