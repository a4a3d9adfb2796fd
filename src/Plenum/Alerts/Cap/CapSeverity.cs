namespace Plenum.Alerts.Cap;

/// <summary>CAP &lt;severity&gt;: how much harm the event threatens.</summary>
public enum CapSeverity { Extreme, Severe, Moderate, Minor, Unknown }
