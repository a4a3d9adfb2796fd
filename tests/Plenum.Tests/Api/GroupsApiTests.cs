using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Plenum.Accounts;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Api;

public sealed class GroupsApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;

    Task<HttpClient> ClientForAsync(string pseudonym) => Server.ApiClientAsync(pseudonym);

    [Fact]
    public async Task Without_a_token_the_api_answers_401_and_a_revoked_token_stops_working()
    {
        using var anonymous = new HttpClient { BaseAddress = Server.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/groups")).StatusCode);
        using var client = await ClientForAsync(ServerFixture.AdminPseudonym);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/groups")).StatusCode);
        await Server.WithDbAsync(async db =>
        {
            foreach (var token in db.AccessTokens) token.RevokedAt = DateTimeOffset.UtcNow;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/groups")).StatusCode);
    }

    [Fact]
    public async Task A_script_creates_a_group_invites_and_someone_joins_with_the_link()
    {
        using var admin = await ClientForAsync(ServerFixture.AdminPseudonym);
        var created = await admin.PostAsJsonAsync("/api/v1/groups", new { name = "Rent strike committee", kind = "AffinityGroup", joinPolicy = "InviteOnly" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var group = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rent-strike-committee", group.GetProperty("slug").GetString());

        var invite = await admin.PostAsJsonAsync("/api/v1/groups/rent-strike-committee/invitations", new { validDays = 3, maxUses = 1 });
        Assert.Equal(HttpStatusCode.Created, invite.StatusCode);
        var link = (await invite.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!;

        using var person = Server.NewSession();
        var instanceInvite = await Server.WithDbAsync(async db =>
        {
            using var scope = Server.App.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<Plenum.Groups.InviteLinks>().CreateAsync(null, null, TimeSpan.FromDays(1), 1);
        });
        await person.RegisterAsync(instanceInvite.Path, "api-joiner");
        using var joiner = await ClientForAsync("api-joiner");
        Assert.Equal(HttpStatusCode.NotFound, (await joiner.GetAsync("/api/v1/groups/rent-strike-committee")).StatusCode);
        var accepted = await joiner.PostAsJsonAsync("/api/v1/invitations/accept", new { invite = link.Split("/invite/")[1] });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var members = await joiner.GetFromJsonAsync<JsonElement>("/api/v1/groups/rent-strike-committee/members");
        Assert.Equal("api-joiner, first-admin", string.Join(", ", members.EnumerateArray().Select(m => m.GetProperty("name").GetString()).Order()));

        var again = await joiner.PostAsJsonAsync("/api/v1/invitations/accept", new { invite = link.Split("/invite/")[1] });
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_naming_the_field_and_nothing_is_written()
    {
        using var admin = await ClientForAsync(ServerFixture.AdminPseudonym);
        var before = await Server.WithDbAsync(db => Task.FromResult(db.Groups.Count()));
        var invalid = await admin.PostAsJsonAsync("/api/v1/groups", new { name = "", kind = "AffinityGroup", joinPolicy = "Open" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("Name", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("JoinPolicy", out _));

        var malformed = await admin.PostAsync("/api/v1/groups", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.DoesNotContain("   at ", await malformed.Content.ReadAsStringAsync());
        Assert.Equal(before, await Server.WithDbAsync(db => Task.FromResult(db.Groups.Count())));
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api_and_health_check_answers()
    {
        using var anonymous = new HttpClient { BaseAddress = Server.BaseAddress };
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/groups", out _));
        Assert.True(paths.TryGetProperty("/api/v1/groups/{slug}/invitations", out _));
        Assert.True(paths.TryGetProperty("/api/v1/invitations/accept", out _));
        var health = await anonymous.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
