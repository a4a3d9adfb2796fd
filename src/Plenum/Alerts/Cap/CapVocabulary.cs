namespace Plenum.Alerts.Cap;

public enum CapStatus { Actual, Exercise, System, Test, Draft }
public enum CapMsgType { Alert, Update, Cancel, Ack, Error }
public enum CapUrgency { Immediate, Expected, Future, Past, Unknown }
public enum CapSeverity { Extreme, Severe, Moderate, Minor, Unknown }
public enum CapCertainty { Observed, Likely, Possible, Unlikely, Unknown }
public enum CapResponseType { Shelter, Evacuate, Prepare, Execute, Avoid, Monitor, Assess, AllClear, None }
