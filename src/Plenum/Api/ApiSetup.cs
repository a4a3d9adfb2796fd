using Plenum.Accounts;
using Plenum.Aid;
using Plenum.Alerts;
using Plenum.Decisions;
using Plenum.Discussions;
using Plenum.Events;
using Plenum.Fund;
using Plenum.Groups;

namespace Plenum.Api;

/// <summary>The JSON API under /api/v1, authenticated by personal access tokens only (no cookies, so no cross-site requests).</summary>
public static class ApiSetup
{
    public static void MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(policy => policy
                .AddAuthenticationSchemes(AccessTokenAuthentication.SchemeName)
                .RequireAuthenticatedUser());
        api.MapGroupsApi();
        api.MapDecisionsApi();
        api.MapDiscussionsApi();
        api.MapEventsApi();
        api.MapFundApi();
        api.MapAidApi();
        api.MapAlertReportApi();
        api.MapAlertsApi();
    }
}
