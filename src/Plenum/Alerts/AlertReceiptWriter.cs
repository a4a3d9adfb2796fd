using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>
/// Saves "received" receipts many at a time. When an alert reaches thousands of open pages at once, each
/// confirms it within moments; saved one by one, every receipt would be its own synced write, and on SQLite
/// they would queue for the one writer while holding threads the sending itself needs. Here the receipts
/// that arrive while a save runs are saved together in the next one; each caller still returns only once
/// its receipt is saved.
/// </summary>
public sealed class AlertReceiptWriter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AlertReceiptWriter> log)
{
    sealed record Receipt(Guid MessageId, Guid UserId, AlertChannel Channel, TaskCompletionSource Saved);

    readonly Lock _gate = new();
    List<Receipt> _waiting = [];
    bool _saving;

    public Task ReceivedAsync(Guid messageId, Guid userId, AlertChannel channel)
    {
        var receipt = new Receipt(messageId, userId, channel, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool startSaving;
        lock (_gate)
        {
            _waiting.Add(receipt);
            startSaving = !_saving;
            _saving = true;
        }
        if (startSaving) _ = Task.Run(SaveWhileWaitingAsync);
        return receipt.Saved.Task;
    }

    async Task SaveWhileWaitingAsync()
    {
        while (true)
        {
            List<Receipt> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _saving = false;
                    return;
                }
                (batch, _waiting) = (_waiting, []);
            }
            try
            {
                await SaveAsync(batch);
                foreach (var receipt in batch) receipt.Saved.TrySetResult();
            }
            catch (Exception error)
            {
                log.LogError(error, "Receipts of alerts could not be saved");
                foreach (var receipt in batch) receipt.Saved.TrySetException(error);
            }
        }
    }

    async Task SaveAsync(IReadOnlyList<Receipt> batch)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlenumDb>();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var same in batch.GroupBy(r => (r.MessageId, r.Channel)))
        {
            var (messageId, channel) = same.Key;
            var people = same.Select(r => r.UserId).Distinct().ToList();
            await db.AlertDeliveries.Where(d => d.MessageId == messageId && people.Contains(d.UserId) && d.State != DeliveryState.Received)
                .ExecuteUpdateAsync(d => d.SetProperty(x => x.State, DeliveryState.Received).SetProperty(x => x.ReceivedAt, now).SetProperty(x => x.Channel, channel));
        }
        await transaction.CommitAsync();
    }
}
