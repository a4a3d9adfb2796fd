namespace Plenum.Alerts.Cap;

/// <summary>CAP &lt;msgType&gt;: a new alert, or an update, cancellation, acknowledgement or error notice about earlier messages.</summary>
public enum CapMsgType { Alert, Update, Cancel, Ack, Error }
