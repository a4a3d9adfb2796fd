using Microsoft.AspNetCore.SignalR;

namespace Plenum.Infrastructure;

/// <summary>
/// A SignalR hub only Plenum's own pages may listen to: SameSite=Lax still sends the cookie with a
/// socket opened by a page on a sibling subdomain, so the page's origin is checked on connecting.
/// </summary>
public abstract class OwnPagesHub(PlenumOptions options) : Hub
{
    public override Task OnConnectedAsync()
    {
        if (Context.GetHttpContext() is { } http && !IsOwnPage(http.Request))
            throw new HubException("Only Plenum's own pages may listen.");
        return base.OnConnectedAsync();
    }

    /// <summary>Browsers always name the page's origin; other clients (the API's, tests) send none.</summary>
    bool IsOwnPage(HttpRequest request)
    {
        if (request.Headers.Origin is not [{ } origin]) return true;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var page)) return false;
        // Behind a reverse proxy the Host header may be the proxy's; the public address then decides.
        return string.Equals(page.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || (Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var own)
                && string.Equals(page.GetLeftPart(UriPartial.Authority), own.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase));
    }
}
