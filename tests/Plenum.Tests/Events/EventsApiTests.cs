using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Events;
using Plenum.Groups;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Events;

/// <summary>The events API end to end, and many members answering at once for few places.</summary>
public sealed class EventsApiTests : IAsyncLifetime
{
    PlenumServer _server = null!;
    public async Task InitializeAsync() => _server = await PlenumServer.StartAsync();
    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>A group and its members made straight in the database, each with an API token.</summary>
    async Task<(string Slug, List<HttpClient> Members)> GroupAsync(int members)
    {
        var slug = "api-" + Guid.NewGuid().ToString("N")[..8];
        var now = _server.Clock.GetUtcNow();
        var clients = new List<HttpClient>();
        await _server.WithDbAsync(async db =>
        {
            var group = new Group { Id = Guid.NewGuid(), Name = "API crew", Slug = slug, Kind = GroupKind.Assembly, JoinPolicy = JoinPolicy.Open, CreatedAt = now };
            db.Groups.Add(group);
            for (var i = 0; i < members; i++)
            {
                var user = new User { Id = Guid.NewGuid(), UserName = $"{slug}-{i}", NormalizedUserName = $"{slug}-{i}".ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = now };
                var secret = AccessTokenAuthentication.NewSecret();
                db.Users.Add(user);
                db.AccessTokens.Add(new AccessToken { Id = Guid.NewGuid(), UserId = user.Id, Name = "api", SecretHash = AccessTokenAuthentication.HashSecret(secret), Hint = secret[..12], CreatedAt = now });
                db.Memberships.Add(new Membership { Id = Guid.NewGuid(), GroupId = group.Id, UserId = user.Id, Role = i == 0 ? GroupRole.Coordinator : GroupRole.Member, JoinedAt = now });
                var client = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
                client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
                clients.Add(client);
            }
            return await db.SaveChangesAsync();
        });
        return (slug, clients);
    }

    string InDays(int days, int hour) => EventTimes.ToInput(EventTimes.ToLocal(_server.Clock.GetUtcNow(), EventTimes.Zone("Europe/Berlin")!).Date.PlusDays(days).At(new NodaTime.LocalTime(hour, 0)));

    async Task<Guid> CreateAsync(HttpClient client, string slug, object request)
    {
        var created = await client.PostAsJsonAsync($"/api/v1/groups/{slug}/events", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    static Task<HttpResponseMessage> AnswerAsync(HttpClient client, string slug, Guid id, string answer, string? date = null) =>
        client.PostAsJsonAsync($"/api/v1/groups/{slug}/events/{id}/rsvp", new { answer, date });

    [Fact]
    public async Task Events_are_made_listed_read_and_answered_through_the_api()
    {
        var (slug, members) = await GroupAsync(2);
        var start = InDays(5, 19);
        var created = await members[0].PostAsJsonAsync($"/api/v1/groups/{slug}/events", new
        {
            title = "Legal training", kind = "Training", start, end = InDays(5, 21), timeZone = "Europe/Berlin", repeat = "Weekly", count = 3, capacity = 12,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FREQ=WEEKLY;COUNT=3", body.GetProperty("rRule").GetString());
        Assert.Equal("Training", body.GetProperty("kind").GetString());
        var id = body.GetProperty("id").GetGuid();

        var refused = await members[0].PostAsJsonAsync($"/api/v1/groups/{slug}/events", new { title = "Backwards", start, end = InDays(4, 21), timeZone = "Europe/Berlin" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("must end after it starts", await refused.Content.ReadAsStringAsync());
        var unknownZone = await members[0].PostAsJsonAsync($"/api/v1/groups/{slug}/events", new { title = "Nowhere", start, end = InDays(5, 21), timeZone = "Atlantis/Capital" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownZone.StatusCode);

        var list = await members[1].GetFromJsonAsync<JsonElement>($"/api/v1/groups/{slug}/events");
        Assert.Equal(id, Assert.Single(list.EnumerateArray().ToList()).GetProperty("id").GetGuid());

        var noDate = await AnswerAsync(members[1], slug, id, "Going");
        Assert.Equal(HttpStatusCode.Conflict, noDate.StatusCode);
        Assert.Contains("Give the date you answer for", await noDate.Content.ReadAsStringAsync());
        var firstDate = start[..10];
        var going = await AnswerAsync(members[1], slug, id, "Going", firstDate);
        Assert.Equal(HttpStatusCode.OK, going.StatusCode);
        Assert.Equal("Going", (await going.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answer").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await AnswerAsync(members[1], slug, id, "Going", InDays(6, 19)[..10])).StatusCode);

        var read = await members[1].GetFromJsonAsync<JsonElement>($"/api/v1/groups/{slug}/events/{id}");
        var dates = read.GetProperty("dates").EnumerateArray().ToList();
        Assert.Equal(3, dates.Count);
        Assert.Equal(1, dates[0].GetProperty("going").GetInt32());
        Assert.Equal("Going", dates[0].GetProperty("mine").GetString());
        Assert.Equal(JsonValueKind.Null, dates[1].GetProperty("mine").ValueKind);

        var (otherSlug, outsiders) = await GroupAsync(1);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiders[0].GetAsync($"/api/v1/groups/{slug}/events")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiders[0].GetAsync($"/api/v1/groups/{otherSlug}/events/{id}")).StatusCode);
    }

    [Fact]
    public async Task Twenty_members_answering_going_at_once_for_five_places_never_overfill_and_the_waiting_list_moves_up_in_order()
    {
        var (slug, members) = await GroupAsync(20);
        var start = InDays(3, 18);
        var id = await CreateAsync(members[0], slug, new { title = "Blockade", kind = "Action", start, end = InDays(3, 20), timeZone = "Europe/Berlin", capacity = 5 });

        var statuses = await Task.WhenAll(members.Select(m => AnswerAsync(m, slug, id, "Going")).Select(async r => (await r).StatusCode));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(15, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(5, await GoingAsync(id));

        var refused = members.Where((_, i) => statuses[i] == HttpStatusCode.Conflict).ToList();
        var waiting = await Task.WhenAll(refused.Select(m => AnswerAsync(m, slug, id, "Waiting")).Select(async r => (await r).StatusCode));
        Assert.All(waiting, s => Assert.Equal(HttpStatusCode.OK, s));
        var numbers = await _server.WithDbAsync(db => db.Rsvps.Where(r => r.EventId == id && r.Answer == RsvpAnswer.Waiting)
            .OrderBy(r => r.WaitingNumber).Select(r => new { r.UserId, r.WaitingNumber }).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 15), numbers.Select(n => n.WaitingNumber!.Value));

        // Three drop out while three more ask to go and ten ask again to wait: still five, the first three waiting moved up.
        var goers = members.Where((_, i) => statuses[i] == HttpStatusCode.OK).ToList();
        await Task.WhenAll(goers.Take(3).Select(m => AnswerAsync(m, slug, id, "NotGoing"))
            .Concat(refused.Skip(12).Select(m => AnswerAsync(m, slug, id, "Going")))
            .Concat(refused.Take(10).Select(m => AnswerAsync(m, slug, id, "Waiting"))));
        Assert.Equal(5, await GoingAsync(id));
        var nowGoing = await _server.WithDbAsync(db => db.Rsvps.Where(r => r.EventId == id && r.Answer == RsvpAnswer.Going).Select(r => r.UserId).ToListAsync());
        Assert.Subset(nowGoing.ToHashSet(), numbers.Take(3).Select(n => n.UserId).ToHashSet());
    }

    Task<int> GoingAsync(Guid id) => _server.WithDbAsync(db => db.Rsvps.CountAsync(r => r.EventId == id && r.Answer == RsvpAnswer.Going));
}
