namespace Plenum.Mail;

/// <summary>
/// Outgoing mail (only for people who gave an e-mail address). Either an SMTP server, or a pickup
/// folder where each message is written as an .eml file for another program (or a test) to deliver.
/// </summary>
public sealed class MailOptions
{
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>Require STARTTLS (port 587) or TLS on connect (port 465); off only for a relay on the same machine.</summary>
    public bool SmtpTls { get; set; } = true;
    public string From { get; set; } = "plenum@localhost";
    public string? PickupDirectory { get; set; }

    public bool IsConfigured => SmtpHost is { Length: > 0 } || PickupDirectory is { Length: > 0 };
}
