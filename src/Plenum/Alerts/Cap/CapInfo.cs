namespace Plenum.Alerts.Cap;

/// <summary>
/// The single CAP &lt;info&gt; block of an alert: what happens, what to do, how urgent, where. Optional text
/// (description, instruction, web) left null or blank is left out of the document.
/// </summary>
public sealed record CapInfo(string Event, IReadOnlyList<CapResponseType> Responses, CapUrgency Urgency, CapSeverity Severity,
    CapCertainty Certainty, string Headline, string? Description, string? Instruction, string? Web, string AreaDesc, string Language = "en");
