using Plenum.Alerts.Cap;
using Plenum.Privacy;

namespace Plenum.Alerts;

/// <summary>Who a message is for: verifiers while a report is checked, then everyone paged.</summary>
public enum AlertTier { Verifiers, Responders, Safety }

/// <summary>
/// One message about an incident, sent on every recipient's channels: the first alert, an update,
/// a cancellation or the all clear (CAP msgType and responseType), or a safety alarm about a responder.
/// </summary>
public sealed class AlertMessage
{
    public Guid Id { get; set; }
    public Guid IncidentId { get; set; }
    public int Sequence { get; set; }
    public AlertTier Tier { get; set; }
    public CapMsgType Type { get; set; }
    public bool AllClear { get; set; }
    [Sensitive] public required string Text { get; set; }
    public Guid? SentById { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
