namespace Plenum.Alerts.Cap;

/// <summary>CAP &lt;urgency&gt;: how soon responders should act.</summary>
public enum CapUrgency { Immediate, Expected, Future, Past, Unknown }
