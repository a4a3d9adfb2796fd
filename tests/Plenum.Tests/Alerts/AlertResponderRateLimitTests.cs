using System.Net;
using System.Net.Http.Json;
using Plenum.Tests.Infrastructure;
using static Plenum.Tests.Alerts.AlertResponderSteps;

namespace Plenum.Tests.Alerts;

/// <summary>The public report form, its follow page and its API share one small limit per client, so a flood cannot drown the verifiers.</summary>
public sealed class AlertResponderRateLimitTests : IAsyncLifetime
{
    PlenumServer _server = null!;
    public async Task InitializeAsync() => _server = await PlenumServer.StartAsync(options => options.AlertReportsPerMinute = 5);
    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Reporting_without_an_account_is_limited_per_client()
    {
        var network = await NewNetworkAsync(_server, "limit-net", 2);
        using var anonymous = _server.NewSession();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await anonymous.GetAsync($"/groups/{network.Slug}/alerts/report")).Status);
        statuses.Add((await anonymous.GetAsync("/alerts/report/rep_guessed")).Status);
        statuses.Add((await anonymous.Http.PostAsJsonAsync($"/api/v1/groups/{network.Slug}/alerts/reports", new { zoneId = network.North, what = "Raid", where = "Corner" })).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.Created], statuses);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync($"/groups/{network.Slug}/alerts/report")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests,
            (await anonymous.Http.PostAsJsonAsync($"/api/v1/groups/{network.Slug}/alerts/reports", new { zoneId = network.North, what = "Raid", where = "Corner" })).StatusCode);
        // A member's own pages are not limited this way.
        Assert.Equal(HttpStatusCode.OK, (await network.Members[1].GetAsync($"/groups/{network.Slug}/alerts/live")).Status);
    }
}
