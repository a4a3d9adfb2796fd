using System.Net;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Aid;

/// <summary>The pages open without an account are rate limited per client, and their forms carry antiforgery tokens.</summary>
public sealed class AidRateLimitTests : IAsyncLifetime
{
    PlenumServer _server = null!;
    public async Task InitializeAsync() => _server = await PlenumServer.StartAsync(options => options.AidRequestsPerMinute = 7);
    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Asking_and_following_without_an_account_is_limited_and_needs_the_form_token()
    {
        var coordinator = await _server.NewMemberAsync("limit-coordinator");
        var created = await coordinator.SubmitAsync(await coordinator.GetAsync("/groups/new"), null,
            AidSteps.Fields(("Form.Name", "Limit aid"), ("Form.Kind", "Assembly"), ("Form.JoinPolicy", "Open")));
        var slug = created.Path.Split('/')[2];
        await coordinator.SubmitAsync(await coordinator.GetAsync($"/groups/{slug}/aid"), "form[action*='TurnOn']");

        using var forger = new HttpClient { BaseAddress = _server.BaseAddress };
        var forged = await forger.PostAsync($"/groups/{slug}/aid/ask", new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Details"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // The refused post above counted too: with it, seven requests a minute pass.
        using var anonymous = _server.NewSession();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await anonymous.GetAsync($"/groups/{slug}/aid/ask")).Status);
        statuses.Add((await anonymous.GetAsync("/aid/follow/aid_guessed")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync($"/groups/{slug}/aid/ask")).Status);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        // Members' pages are not limited this way.
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/groups/{slug}/aid")).Status);
    }
}
