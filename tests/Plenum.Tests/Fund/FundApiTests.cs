using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Fund;

/// <summary>The fund through its API: pledging in one's own name, proposing spending, recording, reversing, and who may do which.</summary>
public sealed class FundApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;
    FundSteps Steps => new(Server);

    [Fact]
    public async Task Members_pledge_and_propose_spending_while_the_treasurer_and_coordinators_keep_the_books()
    {
        var g = await Steps.GroupAsync("Api fund crew");
        var coordinator = await Server.ApiClientAsync("Api fund crew-founder");
        var treasurer = await Server.ApiClientAsync("Api fund crew-member-0");
        var member = await Server.ApiClientAsync("Api fund crew-member-1");
        var memberId = await Steps.MemberIdAsync("Api fund crew-member-1");
        var api = $"/api/v1/groups/{g.Slug}/fund";

        var pledge = await member.PostAsJsonAsync($"{api}/pledges", new { amount = "15" });
        Assert.Equal(HttpStatusCode.Created, pledge.StatusCode);
        Assert.Equal("Api fund crew-member-1", (await pledge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("counterparty").GetString());
        var forSomeoneElse = await member.PostAsJsonAsync($"{api}/pledges", new { amount = "15", source = "Outside", party = "My union" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forSomeoneElse.StatusCode);

        var paid = await coordinator.PostAsJsonAsync($"{api}/contributions", new { amount = "15", source = "Member", memberId, fulfils = 1 });
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        Assert.Equal("fulfils pledge #1", (await paid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var twice = await coordinator.PostAsJsonAsync($"{api}/contributions", new { amount = "15", source = "Member", memberId, fulfils = 1 });
        Assert.Contains("fulfilled by entry #2", await twice.Content.ReadAsStringAsync());

        var byCoordinator = await coordinator.PostAsJsonAsync($"{api}/disbursements", new { amount = "5", purpose = "stamps", recipient = "Post office" });
        Assert.Equal(HttpStatusCode.Forbidden, byCoordinator.StatusCode);
        var noDecision = await treasurer.PostAsJsonAsync($"{api}/disbursements", new { amount = "5", purpose = "stamps", recipient = "Post office" });
        Assert.Contains("every payment needs an adopted spending decision", await noDecision.Content.ReadAsStringAsync());

        var tooEarly = await member.PostAsJsonAsync($"{api}/spending-proposals", new { amount = "10", purpose = "stamps", closesAt = Server.Clock.GetUtcNow().AddHours(48) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooEarly.StatusCode);
        Assert.Contains("members for 7 days", await tooEarly.Content.ReadAsStringAsync());

        var reversed = await coordinator.PostAsJsonAsync($"{api}/entries/2/reversal", new { reason = "Bounced" });
        Assert.Equal(HttpStatusCode.Created, reversed.StatusCode);
        var fund = await member.GetFromJsonAsync<JsonElement>(api);
        Assert.Equal(0, fund.GetProperty("balance").GetInt64());
        Assert.Equal(1500, fund.GetProperty("pledged").GetInt64());
        var byMember = await member.PostAsJsonAsync($"{api}/entries/3/reversal", new { reason = "oops" });
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(3, await Steps.EntryCountAsync(g));
    }
}
