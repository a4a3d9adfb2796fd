using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Plenum.Tests.Infrastructure;
using static Plenum.Tests.Aid.AidSteps;

namespace Plenum.Tests.Aid;

/// <summary>Who sees what of a need, role by role, through the JSON API and the HTML alike.</summary>
public sealed class AidDisclosureTests(AidServerFixture fixture) : IClassFixture<AidServerFixture>
{
    PlenumServer Server => fixture.Server;
    AidSteps Steps => new(Server);

    static readonly string[] Private = ["Twins, age 3", "Ana", "0171 555 0101", "Hafenweg 3"];

    [Fact]
    public async Task Each_role_sees_only_its_share_of_a_sensitive_need_in_the_api_and_the_html()
    {
        var (slug, coordinator, members) = await Steps.GroupAsync("Harbour aid", 4);
        var (unvetted, vetted, other, dispatcher) = (members[0], members[1], members[2], members[3]);
        await Steps.MarkVettedAsync(slug, "Harbour aid-member-1");
        await Steps.MarkVettedAsync(slug, "Harbour aid-member-2");
        await Steps.RoleAsync(slug, "Dispatcher", "Harbour aid-member-3");
        using var outsider = await Server.NewMemberAsync("Harbour outsider");

        // The coordinator (a dispatcher) takes a childcare request by phone.
        var api = await Server.ApiClientAsync("Harbour aid-coordinator");
        var created = await api.PostAsJsonAsync($"/api/v1/groups/{slug}/aid/needs", new
        {
            categoryId = await Steps.CategoryAsync(slug, "childcare"), areaId = await Steps.AreaAsync(slug, "South"), urgency = "Today",
            details = "Twins, age 3, Tuesday afternoon", contactName = "Ana", contact = "0171 555 0101", address = "Hafenweg 3", intake = "Phone",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var intake = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = intake.GetProperty("need").GetProperty("id").GetGuid();
        var follow = intake.GetProperty("followPath").GetString()!;
        var path = NeedPath(slug, id);

        // The dispatcher who entered it sees everything they typed.
        await SeesAsync("Harbour aid-coordinator", coordinator, slug, id, details: true, contact: true);
        // Not vetted: a sensitive need does not exist for them.
        Assert.Equal(HttpStatusCode.NotFound, (await (await Server.ApiClientAsync("Harbour aid-member-0")).GetAsync($"/api/v1/groups/{slug}/aid/needs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unvetted.GetAsync(path)).Status);
        var unvettedBoard = await (await Server.ApiClientAsync("Harbour aid-member-0")).GetFromJsonAsync<JsonElement>($"/api/v1/groups/{slug}/aid/needs");
        Assert.Equal(0, unvettedBoard.GetProperty("total").GetInt32());
        Assert.DoesNotContain("childcare", (await unvetted.GetAsync($"/groups/{slug}/aid")).Text);
        // Vetted: kind, area and timing only.
        await SeesAsync("Harbour aid-member-1", vetted, slug, id, details: false, contact: false);
        var vettedBoard = await (await Server.ApiClientAsync("Harbour aid-member-1")).GetFromJsonAsync<JsonElement>($"/api/v1/groups/{slug}/aid/needs");
        Assert.Equal("childcare", vettedBoard.GetProperty("needs")[0].GetProperty("category").GetString());
        Assert.DoesNotContain("Hafenweg", vettedBoard.GetRawText());
        // Another dispatcher: the details and who offered, but not a contact they did not take.
        await SeesAsync("Harbour aid-member-3", dispatcher, slug, id, details: true, contact: false);
        // Outsiders: nothing at all.
        Assert.Equal(HttpStatusCode.NotFound, (await (await Server.ApiClientAsync("Harbour outsider")).GetAsync($"/api/v1/groups/{slug}/aid/needs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(path)).Status);
        using var anonymous = Server.NewSession();
        Assert.Equal("/accounts/login", (await anonymous.GetAsync(path)).Path);

        // A vetted volunteer claims through the API; until accepted, still nothing private.
        var volunteerApi = await Server.ApiClientAsync("Harbour aid-member-1");
        var claimed = await volunteerApi.PostAsJsonAsync($"/api/v1/groups/{slug}/aid/needs/{id}/claims", new { hours = 24 });
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        var claimId = (await claimed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("claims")[0].GetProperty("id").GetGuid();
        await SeesAsync("Harbour aid-member-1", vetted, slug, id, details: false, contact: false);
        // Only dispatchers accept for the requester.
        Assert.Equal(HttpStatusCode.Conflict, (await volunteerApi.PostAsync($"/api/v1/groups/{slug}/aid/needs/{id}/claims/{claimId}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/groups/{slug}/aid/needs/{id}/claims/{claimId}/accept", null)).StatusCode);
        await SeesAsync("Harbour aid-member-1", vetted, slug, id, details: true, contact: true);
        // The other vetted volunteer still sees only the board's share.
        await SeesAsync("Harbour aid-member-2", other, slug, id, details: false, contact: false);

        // The requester (if they have the link) sees all they gave and who is coming.
        using var requester = Server.NewSession();
        var own = await requester.GetAsync(follow);
        foreach (var secret in Private) Assert.Contains(secret, own.Text);
        Assert.Contains("Harbour aid-member-1", own.Text);
        // A volunteer's claim-news says nothing private.
        var notices = await Server.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Notifications.Select(n => n.Text)));
        foreach (var text in notices) foreach (var secret in Private) Assert.DoesNotContain(secret, text);
    }

    /// <summary>Checks one person's view of a need, in the API's JSON and in the page's HTML.</summary>
    async Task SeesAsync(string pseudonym, WebSession session, string slug, Guid id, bool details, bool contact)
    {
        var json = await (await Server.ApiClientAsync(pseudonym)).GetFromJsonAsync<JsonElement>($"/api/v1/groups/{slug}/aid/needs/{id}");
        Assert.Equal("childcare", json.GetProperty("category").GetString());
        Assert.Equal("South", json.GetProperty("area").GetString());
        Assert.Equal(details, json.GetProperty("details").ValueKind == JsonValueKind.String);
        Assert.Equal(contact, json.GetProperty("address").ValueKind == JsonValueKind.String);
        Assert.Equal(contact, json.GetProperty("contact").ValueKind == JsonValueKind.String);
        var page = await session.GetAsync(NeedPath(slug, id));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("childcare in South", page.Text);
        Assert.Equal(details, page.Html.Contains("Twins, age 3"));
        Assert.Equal(contact, page.Html.Contains("Hafenweg 3"));
        Assert.Equal(contact, page.Html.Contains("0171 555 0101"));
    }

}
