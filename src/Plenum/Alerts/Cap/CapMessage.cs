namespace Plenum.Alerts.Cap;

/// <summary>
/// One CAP alert message.
/// Scope is always Restricted (alerts go to a network's responders, not the public); Restriction says to whom.
/// Update, Cancel, Ack and Error messages must name the messages they are about in References.
/// </summary>
public sealed record CapMessage(string Identifier, string Sender, DateTimeOffset Sent, CapStatus Status, CapMsgType MsgType,
    string Restriction, string? Note, IReadOnlyList<CapReference> References, CapInfo Info);
