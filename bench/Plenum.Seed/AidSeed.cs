using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Plenum.Accounts;
using Plenum.Aid;
using Plenum.Data;
using Plenum.Groups;

/// <summary>
/// For bench/aid-board-load.sh: one group with mutual aid on, 20 areas, the default kinds, and many open
/// needs written straight to the table (posting each through AidDesk would notify and hash for every one);
/// one member with a password reads the board.
/// </summary>
static class AidSeed
{
    /// <returns>The group's slug.</returns>
    public static async Task<string> RunAsync(IServiceProvider services, PlenumDb db, int needs)
    {
        var now = DateTimeOffset.UtcNow;
        var group = new Group { Id = Guid.NewGuid(), Name = "Aid load", Slug = "aid-load", Kind = GroupKind.Assembly, JoinPolicy = JoinPolicy.Open, CreatedAt = now };
        db.Groups.Add(group);
        var reader = new User { Id = Guid.NewGuid(), UserName = "volunteer-0", NormalizedUserName = "VOLUNTEER-0", SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = now };
        db.Users.Add(reader);
        db.Memberships.Add(new Membership { Id = Guid.NewGuid(), GroupId = group.Id, UserId = reader.Id, Role = GroupRole.Member, JoinedAt = now.AddDays(-60) });
        await db.SaveChangesAsync();
        await services.GetRequiredService<UserManager<User>>().AddPasswordAsync(reader, "load test password");
        await services.GetRequiredService<AidGroups>().TurnOnAsync(group);
        for (var a = 0; a < 20; a++) db.AidAreas.Add(new AidArea { Id = Guid.NewGuid(), GroupId = group.Id, Name = $"Area {a:00}" });
        await db.SaveChangesAsync();
        var categories = db.AidCategories.Where(c => c.GroupId == group.Id).Select(c => c.Id).ToList();
        var areas = db.AidAreas.Where(a => a.GroupId == group.Id).Select(a => a.Id).ToList();
        var random = new Random(7);
        for (var i = 0; i < needs; i++)
        {
            var at = now.AddMinutes(-random.Next(0, 60 * 24 * 30));
            db.AidRequests.Add(new AidRequest
            {
                Id = Guid.NewGuid(), GroupId = group.Id, CategoryId = categories[random.Next(categories.Count)], AreaId = areas[random.Next(areas.Count)],
                Urgency = (AidUrgency)random.Next(3), Timing = (AidTiming)random.Next(4), Status = AidStatus.Open, Intake = AidIntake.Self,
                Details = $"Need number {i}", CreatedAt = at, StillNeededAt = at,
            });
            if (i % 5000 == 4999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        return group.Slug;
    }
}
