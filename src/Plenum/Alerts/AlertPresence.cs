using System.Collections.Concurrent;

namespace Plenum.Alerts;

/// <summary>Who has a network's live alert page open right now, so the live channel is tried only for them.</summary>
public sealed class AlertPresence
{
    readonly ConcurrentDictionary<(Guid Group, Guid User), int> _open = new();

    public void Opened(Guid groupId, Guid userId) => _open.AddOrUpdate((groupId, userId), 1, (_, n) => n + 1);

    public void Closed(Guid groupId, Guid userId)
    {
        if (_open.AddOrUpdate((groupId, userId), 0, (_, n) => n - 1) <= 0) _open.TryRemove(KeyValuePair.Create((groupId, userId), 0));
    }

    public bool IsOpen(Guid groupId, Guid userId) => _open.TryGetValue((groupId, userId), out var n) && n > 0;

    public int CountIn(Guid groupId) => _open.Count(p => p.Key.Group == groupId && p.Value > 0);
}
