using Microsoft.EntityFrameworkCore;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Accounts;

/// <summary>Mail really leaves through SMTP (MailKit) to a server on 127.0.0.1, not only into the pickup folder.</summary>
public sealed class SmtpDeliveryTests
{
    [Fact]
    public async Task A_confirmation_link_is_delivered_over_smtp()
    {
        await using var sink = new SmtpSink();
        await using var server = await PlenumServer.StartAsync(options =>
        {
            options.Mail.PickupDirectory = null;
            options.Mail.SmtpHost = "127.0.0.1";
            options.Mail.SmtpPort = sink.Port;
            options.Mail.SmtpTls = false; // a relay on the same machine
            options.Mail.From = "plenum@example.org";
        });
        using var me = await server.NewMemberAsync("smtp-user");
        var overview = await me.GetAsync("/accounts");
        var sent = await me.SubmitAsync(overview, "form[action*='Email']", new Dictionary<string, string> { ["Email"] = "smtp-user@example.org" });
        Assert.Contains("We sent a link", sent.Text);

        var message = Assert.Single(sink.Received);
        Assert.Equal("plenum@example.org", message.From);
        Assert.Equal(["smtp-user@example.org"], message.To);
        Assert.Contains("/accounts/confirm-email?code=", message.Data.Replace("=\r\n", "").Replace("=3D", "="));
        Assert.Null(await server.WithDbAsync(db => db.Users.Where(u => u.UserName == "smtp-user").Select(u => u.Email).SingleAsync()));
    }
}
