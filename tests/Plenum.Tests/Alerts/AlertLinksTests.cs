using System.Security.Cryptography;
using Plenum.Alerts;
using Plenum.Infrastructure;
using Plenum.Privacy;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Alerts;

public sealed class AlertLinksTests
{
    readonly TestClock _clock = new();
    readonly AlertLinks _links;
    readonly AlertTicket _ticket = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    public AlertLinksTests() => _links = new AlertLinks(new FieldEncryption(RandomNumberGenerator.GetBytes(32)), new PlenumOptions(), _clock);

    [Fact]
    public void A_link_opens_to_its_ticket_and_is_short_enough_for_a_text_message()
    {
        var token = _links.Seal(_ticket);

        Assert.Equal(_ticket, _links.Open(token));
        Assert.True(token.Length <= 120, $"{token.Length} characters");
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.DoesNotContain(_ticket.UserId.ToString("N"), token, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_changed_foreign_or_expired_link_opens_to_nothing()
    {
        var token = _links.Seal(_ticket);
        var changed = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var otherServer = new AlertLinks(new FieldEncryption(RandomNumberGenerator.GetBytes(32)), new PlenumOptions(), _clock);

        Assert.Null(_links.Open(changed));
        Assert.Null(_links.Open("not a token"));
        Assert.Null(_links.Open(""));
        Assert.Null(otherServer.Open(token));

        _clock.Advance(AlertLinks.Lifetime - TimeSpan.FromMinutes(1));
        Assert.Equal(_ticket, _links.Open(token));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(_links.Open(token));
    }
}
