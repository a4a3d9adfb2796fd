namespace Plenum.Alerts.Cap;

/// <summary>CAP &lt;certainty&gt;: how sure the sender is that the event occurs.</summary>
public enum CapCertainty { Observed, Likely, Possible, Unlikely, Unknown }
