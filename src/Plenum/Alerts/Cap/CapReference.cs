namespace Plenum.Alerts.Cap;

/// <summary>An earlier message that an update, cancellation, acknowledgement or error refers to.</summary>
public sealed record CapReference(string Sender, string Identifier, DateTimeOffset Sent);
