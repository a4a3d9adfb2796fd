using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Decisions;

namespace Plenum.Seed;

/// <summary>
/// For bench/decisions-load.sh: one assembly with many members (the first 1,000 with API tokens,
/// written to tokens.txt), a rulebook, many open decisions, and one member with a password for the
/// page benchmark. Returns the last decision's id.
/// </summary>
static class DecisionsSeed
{
    public static async Task<string> RunAsync(IServiceProvider services, string dataDir, int members, int decisions)
    {
        var db = services.GetRequiredService<PlenumDb>();
        var (group, memberships, tokens) = await SeedMembers.AssemblyAsync(db, "load", members, withTokens: 1000);
        var users = services.GetRequiredService<UserManager<User>>();
        await users.AddPasswordAsync((await users.FindByNameAsync("member-0"))!, "load test password");
        await services.GetRequiredService<Rulebooks>().AdoptFirstAsync(group, "majority-quorum");
        await db.SaveChangesAsync();
        // Written directly rather than through DecisionOpening, which would notify every member of every decision.
        var now = DateTimeOffset.UtcNow;
        Guid last = default;
        for (var d = 0; d < decisions; d++)
        {
            last = Guid.NewGuid();
            db.Decisions.Add(new Decision
            {
                Id = last, GroupId = group.Id, AuthorId = memberships[0].UserId, ClassKey = "general", RulebookVersion = 1, Title = $"Proposal number {d}",
                Text = "We agree to this.", OpenedAt = now, ClosesAt = now.AddDays(7), Status = DecisionStatus.Open,
            });
        }
        await db.SaveChangesAsync();
        await File.WriteAllLinesAsync(Path.Combine(dataDir, "tokens.txt"), tokens);
        return last.ToString();
    }
}
