namespace Plenum.Alerts.Cap;

/// <summary>CAP &lt;status&gt;: how recipients should treat the message. Names are spelled exactly as CAP 1.2 writes them.</summary>
public enum CapStatus { Actual, Exercise, System, Test, Draft }
