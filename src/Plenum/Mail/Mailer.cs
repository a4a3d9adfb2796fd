using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Plenum.Infrastructure;

namespace Plenum.Mail;

/// <summary>Sends plain-text mail through MailKit. Addresses and contents are never logged.</summary>
public sealed class Mailer(PlenumOptions options, ILogger<Mailer> logger)
{
    MailOptions Settings => options.Mail;

    public bool IsConfigured => Settings.IsConfigured;

    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default)
    {
        if (!IsConfigured) throw new InvalidOperationException("Mail is not configured on this instance.");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(Settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        if (Settings.PickupDirectory is { Length: > 0 } pickup)
        {
            Directory.CreateDirectory(pickup);
            await message.WriteToAsync(Path.Combine(pickup, $"{Guid.NewGuid():N}.eml"), cancellationToken);
            return;
        }
        using var smtp = new SmtpClient();
        var security = Settings.SmtpTls
            ? Settings.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls
            : SecureSocketOptions.None;
        await smtp.ConnectAsync(Settings.SmtpHost!, Settings.SmtpPort, security, cancellationToken);
        if (Settings.SmtpUser is { Length: > 0 } user)
            await smtp.AuthenticateAsync(user, Settings.SmtpPassword ?? "", cancellationToken);
        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Sent a message: {Subject}", subject);
    }

    /// <summary>The address people use for this instance, for links in messages.</summary>
    public string LinkTo(HttpRequest request, string path) =>
        $"{(options.PublicUrl ?? $"{request.Scheme}://{request.Host}").TrimEnd('/')}{path}";
}
