using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;
using Plenum.Privacy;

namespace Plenum.Discussions;

/// <summary>
/// An open group's files are stored unencrypted; when the group becomes closed (invite-only, or an
/// affinity group), its earlier files are encrypted at the next housekeeping run instead of staying
/// readable in the database for good.
/// </summary>
public sealed class AttachmentSealing(AttachmentVault vault) : IHousekeepingJob
{
    /// <summary>Files may be 10 MB each: a few at a time keeps memory small.</summary>
    const int BatchSize = 8;

    public async Task RunAsync(PlenumDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var closedGroups = db.Groups.Where(Group.Closed).Select(g => g.Id);
        var sealedAny = false;
        while (true)
        {
            var batch = await db.DiscussionAttachments
                .Where(a => !a.Encrypted && closedGroups.Contains(a.Discussion.GroupId))
                .OrderBy(a => a.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            foreach (var attachment in batch) vault.Seal(attachment);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var attachment in batch) db.Entry(attachment).State = EntityState.Detached;
            sealedAny = true;
        }
        if (sealedAny) await DatabaseSetup.DropEarlierPageVersionsAsync(db, cancellationToken);
    }
}
