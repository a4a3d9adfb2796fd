using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;

namespace Plenum.Groups;

/// <summary>Makes and resolves invite links. The secret is in the link only; the database keeps its hash.</summary>
public sealed class InviteLinks(PlenumDb db, TimeProvider clock)
{
    public sealed record Created(Invitation Invitation, string Secret)
    {
        public string Path => $"/invite/{Secret}";
    }

    public async Task<Created> CreateAsync(Guid? groupId, Guid? createdBy, TimeSpan validFor, int? maxUses,
        bool grantsInstanceAdmin = false, CancellationToken cancellationToken = default)
    {
        var secret = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(), GroupId = groupId, CreatedById = createdBy,
            SecretHash = AccessTokenAuthentication.HashSecret(secret),
            CreatedAt = now, ExpiresAt = now + validFor, MaxUses = maxUses, GrantsInstanceAdmin = grantsInstanceAdmin,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return new Created(invitation, secret);
    }

    /// <summary>The invitation behind a link if it can still be used, else null.</summary>
    public async Task<Invitation?> FindUsableAsync(string secret, CancellationToken cancellationToken = default)
    {
        var hash = AccessTokenAuthentication.HashSecret(secret);
        var invitation = await db.Invitations.Include(i => i.Group)
            .FirstOrDefaultAsync(i => i.SecretHash == hash, cancellationToken);
        return invitation is not null && invitation.IsUsableAt(clock.GetUtcNow()) && invitation.Group?.IsArchived != true
            ? invitation : null;
    }
}
