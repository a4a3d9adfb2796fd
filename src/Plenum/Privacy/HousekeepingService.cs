using Plenum.Data;

namespace Plenum.Privacy;

/// <summary>A periodic piece of upkeep: applying retention rules, archiving groups past their end date.</summary>
public interface IHousekeepingJob
{
    Task RunAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Runs every housekeeping job shortly after start and then every few minutes, each in its own scope.</summary>
public sealed class HousekeepingService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<HousekeepingService> log)
    : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            await RunOnceAsync(stoppingToken);
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlenumDb>();
        foreach (var job in scope.ServiceProvider.GetServices<IHousekeepingJob>())
        {
            try
            {
                await job.RunAsync(db, clock.GetUtcNow(), cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // One failing job must not stop the others; it is retried at the next run.
                log.LogError(error, "Housekeeping job {Job} failed", job.GetType().Name);
            }
        }
    }
}

/// <summary>Applies every <see cref="RetentionRule"/>.</summary>
public sealed class RetentionJob(IEnumerable<RetentionRule> rules, ILogger<RetentionJob> log) : IHousekeepingJob
{
    public async Task RunAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var rule in rules)
        {
            var touched = await rule.ApplyAsync(db, now, cancellationToken);
            if (touched > 0) log.LogInformation("Retention: {Count} {Kind} {Afterwards}", touched, rule.Kind, rule.AfterwardsIt);
        }
    }
}
