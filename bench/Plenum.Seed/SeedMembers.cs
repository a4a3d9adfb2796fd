using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Seed;

/// <summary>An assembly with many members, written directly; the first is its coordinator, the first few hold API tokens.</summary>
static class SeedMembers
{
    public static async Task<(Group Group, List<Membership> Members, List<string> Tokens)> AssemblyAsync(PlenumDb db, string slug, int members, int withTokens)
    {
        var now = DateTimeOffset.UtcNow;
        var group = new Group { Id = Guid.NewGuid(), Name = "Load assembly", Slug = slug, Kind = GroupKind.Assembly, JoinPolicy = JoinPolicy.Open, CreatedAt = now };
        db.Groups.Add(group);
        var memberships = new List<Membership>();
        var tokens = new List<string>();
        for (var i = 0; i < members; i++)
        {
            var user = new User { Id = Guid.NewGuid(), UserName = $"member-{i}", NormalizedUserName = $"MEMBER-{i}", SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = now };
            db.Users.Add(user);
            var membership = new Membership { Id = Guid.NewGuid(), GroupId = group.Id, UserId = user.Id, Role = i == 0 ? GroupRole.Coordinator : GroupRole.Member, JoinedAt = now.AddDays(-60) };
            db.Memberships.Add(membership);
            memberships.Add(membership);
            if (i >= withTokens) continue;
            var token = AccessTokenAuthentication.NewSecret();
            db.AccessTokens.Add(new AccessToken { Id = Guid.NewGuid(), UserId = user.Id, Name = "load", SecretHash = AccessTokenAuthentication.HashSecret(token), Hint = token[..12], CreatedAt = now });
            tokens.Add(token);
        }
        await db.SaveChangesAsync();
        return (group, memberships, tokens);
    }
}
