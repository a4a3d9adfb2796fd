using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Decisions;
using Plenum.Groups;
using Plenum.Infrastructure;

// Seeds a data folder for bench/decisions-load.sh: one assembly with many members (the first 1,000
// with API tokens, written to tokens.txt), a rulebook, many open decisions, and one member with a
// password for the page benchmark. Usage: Plenum.Seed DATA_DIR MEMBERS DECISIONS [postgres CONNECTION]
// Or, for bench/aid-board-load.sh: Plenum.Seed DATA_DIR aid NEEDS [postgres CONNECTION] (see AidSeed).
var dataDir = args[0];
var options = new PlenumOptions { DataDir = dataDir };
if (args.Length > 4) (options.Database, options.ConnectionString) = (DatabaseKind.Postgres, args[4]);

await using var app = PlenumApp.Build(options, ["http://127.0.0.1:0"]);
using var scope = app.Services.CreateScope();
var db = scope.ServiceProvider.GetRequiredService<PlenumDb>();
await DatabaseSetup.MigrateAsync(db);
if (args[1] == "aid")
{
    await AidSeed.RunAsync(scope.ServiceProvider, db, int.Parse(args[2]));
    return;
}
var (members, decisions) = (int.Parse(args[1]), int.Parse(args[2]));
var now = DateTimeOffset.UtcNow;
var group = new Group { Id = Guid.NewGuid(), Name = "Load assembly", Slug = "load", Kind = GroupKind.Assembly, JoinPolicy = JoinPolicy.Open, CreatedAt = now };
db.Groups.Add(group);
var tokens = new List<string>();
Membership? first = null;
for (var i = 0; i < members; i++)
{
    var user = new User { Id = Guid.NewGuid(), UserName = $"member-{i}", NormalizedUserName = $"MEMBER-{i}", SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = now };
    db.Users.Add(user);
    var membership = new Membership { Id = Guid.NewGuid(), GroupId = group.Id, UserId = user.Id, Role = i == 0 ? GroupRole.Coordinator : GroupRole.Member, JoinedAt = now.AddDays(-60) };
    db.Memberships.Add(membership);
    first ??= membership;
    if (i < 1000)
    {
        var token = AccessTokenAuthentication.NewSecret();
        db.AccessTokens.Add(new AccessToken { Id = Guid.NewGuid(), UserId = user.Id, Name = "load", SecretHash = AccessTokenAuthentication.HashSecret(token), Hint = token[..12], CreatedAt = now });
        tokens.Add(token);
    }
}
await db.SaveChangesAsync();
var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
var reader = await users.FindByNameAsync("member-0");
await users.AddPasswordAsync(reader!, "load test password");

await scope.ServiceProvider.GetRequiredService<Rulebooks>().AdoptFirstAsync(group, "majority-quorum");
await db.SaveChangesAsync();
// Written directly rather than through DecisionOpening, which would notify every member of every decision.
Guid last = default;
for (var d = 0; d < decisions; d++)
{
    last = Guid.NewGuid();
    db.Decisions.Add(new Decision
    {
        Id = last, GroupId = group.Id, AuthorId = first!.UserId, ClassKey = "general", RulebookVersion = 1, Title = $"Proposal number {d}",
        Text = "We agree to this.", OpenedAt = now, ClosesAt = now.AddDays(7), Status = DecisionStatus.Open,
    });
}
await db.SaveChangesAsync();

await File.WriteAllLinesAsync(Path.Combine(dataDir, "tokens.txt"), tokens);
Console.WriteLine(last);
