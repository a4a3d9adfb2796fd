using Plenum.Mail;

namespace Plenum.Alerts.Channels;

/// <summary>E-mail to a confirmed address: slow but widely reached; the answer link is its receipt.</summary>
public sealed class EmailChannel(Mailer mailer, AlertLinks links, ILogger<EmailChannel> log) : IAlertChannel
{
    public AlertChannel Kind => AlertChannel.Email;

    public bool CanReach(OutgoingAlert alert, Addressee person) => mailer.IsConfigured && person.Email is { Length: > 0 };

    public async Task<ChannelOutcome> SendAsync(OutgoingAlert alert, Addressee person, string ticket, CancellationToken cancellationToken)
    {
        try
        {
            await mailer.SendAsync(person.Email!, $"{AlertWording.Kind(alert.Message)} — {alert.Subject}",
                AlertWording.Body(alert, links.Absolute(AlertLinks.AnswerPath(ticket))), cancellationToken);
            return ChannelOutcome.Sent;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            log.LogWarning("An alert could not be mailed ({Error})", error.GetType().Name);
            return ChannelOutcome.Failed;
        }
    }
}
