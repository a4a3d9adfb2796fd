namespace Plenum.Alerts.Cap;

/// <summary>CAP &lt;responseType&gt;: what responders are asked to do; AllClear ends an earlier call to act.</summary>
public enum CapResponseType { Shelter, Evacuate, Prepare, Execute, Avoid, Monitor, Assess, AllClear, None }
