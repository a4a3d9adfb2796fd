using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Decisions;
using Plenum.Groups;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Decisions;

/// <summary>A thousand members voting at once through the API: no vote lost, none counted twice.</summary>
public sealed class ConcurrentVotingTests : IAsyncLifetime
{
    PlenumServer _server = null!;
    public async Task InitializeAsync() => _server = await PlenumServer.StartAsync();
    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Members made straight in the database (hashing a thousand passwords would take minutes), each with an API token.</summary>
    async Task<(string Slug, Guid DecisionId, List<string> Tokens)> ElectorateAsync(int members, bool secret)
    {
        var tokens = new List<string>();
        var slug = "crowd-" + Guid.NewGuid().ToString("N")[..8];
        var now = _server.Clock.GetUtcNow();
        var group = new Group { Id = Guid.NewGuid(), Name = "Crowd", Slug = slug, Kind = GroupKind.Assembly, JoinPolicy = JoinPolicy.Open, CreatedAt = now };
        Membership? first = null;
        await _server.WithDbAsync(async db =>
        {
            db.Groups.Add(group);
            for (var i = 0; i < members; i++)
            {
                var user = new User { Id = Guid.NewGuid(), UserName = $"{slug}-{i}", NormalizedUserName = $"{slug}-{i}".ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = now };
                var secretToken = AccessTokenAuthentication.NewSecret();
                db.Users.Add(user);
                db.AccessTokens.Add(new AccessToken { Id = Guid.NewGuid(), UserId = user.Id, Name = "load", SecretHash = AccessTokenAuthentication.HashSecret(secretToken), Hint = secretToken[..12], CreatedAt = now });
                var membership = new Membership { Id = Guid.NewGuid(), GroupId = group.Id, UserId = user.Id, Role = i == 0 ? GroupRole.Coordinator : GroupRole.Member, JoinedAt = now.AddDays(-30) };
                db.Memberships.Add(membership);
                first ??= membership;
                tokens.Add(secretToken);
            }
            return await db.SaveChangesAsync();
        });
        using var scope = _server.App.Services.CreateScope();
        var rulebooks = scope.ServiceProvider.GetRequiredService<Rulebooks>();
        await rulebooks.AdoptFirstAsync(group, "majority-quorum");
        await scope.ServiceProvider.GetRequiredService<Data.PlenumDb>().SaveChangesAsync();
        var decision = await scope.ServiceProvider.GetRequiredService<DecisionOpening>().OpenAsync(group, first!,
            new DecisionDraft("general", "Join the federation", "We join the city-wide tenants' federation.", now.AddDays(3), secret, null));
        return (slug, decision.Id, tokens);
    }

    async Task<HttpStatusCode> VoteAsync(string token, string slug, Guid decisionId, string position)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/groups/{slug}/decisions/{decisionId}/votes")
        {
            Content = JsonContent.Create(new { position }),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    HttpClient Http => _http ??= new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
    HttpClient? _http;

    [Fact]
    public async Task A_thousand_members_voting_at_once_lose_no_vote_and_count_none_twice()
    {
        var (slug, decisionId, tokens) = await ElectorateAsync(1000, secret: false);
        // Every member votes once, and a hundred of them press the button twice at the same moment.
        var requests = tokens.Select((token, i) => (token, position: i % 3 == 0 ? "disagree" : "agree"))
            .Concat(tokens.Take(100).Select(token => (token, position: "disagree")))
            .ToList();
        var statuses = await Task.WhenAll(requests.Select(r => VoteAsync(r.token, slug, decisionId, r.position)));

        Assert.All(statuses, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Conflict, status.ToString()));
        // Those who pressed once were all acknowledged; of a double press at least one was.
        Assert.All(statuses.Skip(100).Take(900), status => Assert.Equal(HttpStatusCode.OK, status));
        for (var i = 0; i < 100; i++) Assert.Contains(HttpStatusCode.OK, new[] { statuses[i], statuses[1000 + i] });
        var stored = await _server.WithDbAsync(db => db.OpenVotes.Where(v => v.DecisionId == decisionId).Select(v => v.UserId).ToListAsync());
        Assert.Equal(1000, stored.Count);
        Assert.Equal(1000, stored.Distinct().Count());
    }

    [Fact]
    public async Task Secret_ballots_cast_at_once_keep_roll_and_box_in_step()
    {
        var (slug, decisionId, tokens) = await ElectorateAsync(200, secret: true);
        var statuses = await Task.WhenAll(tokens.Select((token, i) => VoteAsync(token, slug, decisionId, i % 2 == 0 ? "agree" : "disagree")));
        var accepted = statuses.Count(s => s == HttpStatusCode.OK);
        Assert.All(statuses, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Conflict, status.ToString()));
        Assert.Equal(accepted, await _server.WithDbAsync(db => db.VoterRoll.CountAsync(v => v.DecisionId == decisionId)));
        Assert.Equal(accepted, await _server.WithDbAsync(db => db.SecretBallots.CountAsync(b => b.DecisionId == decisionId)));
        Assert.True(accepted >= 190, $"only {accepted} of 200 secret ballots were accepted");
    }
}
