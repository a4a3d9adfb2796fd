using Plenum.Alerts.Cap;

namespace Plenum.Alerts;

/// <summary>
/// An alert to responders as a CAP 1.2 message, for other alerting systems: the first alert, then updates and
/// cancellations referring to it. Messages to verifiers alone are not exported: they are not alerts yet.
/// </summary>
public static class IncidentCap
{
    public static CapMessage Of(Incident incident, AlertMessage message, AlertMessage original, string networkName, string senderHost, string zone, string? web)
    {
        var sender = $"plenum@{senderHost}";
        IReadOnlyList<CapReference> references = message.Id == original.Id ? [] : [new CapReference(sender, Identifier(original), original.SentAt)];
        var type = message.Id == original.Id ? CapMsgType.Alert : message.Type == CapMsgType.Alert ? CapMsgType.Update : message.Type;
        IReadOnlyList<CapResponseType> responses = message.AllClear ? [CapResponseType.AllClear]
            : type == CapMsgType.Cancel ? [CapResponseType.None] : [CapResponseType.Execute];
        var info = new CapInfo("Rapid response", responses, incident.Urgency, incident.Severity, incident.Certainty,
            Trim(incident.Headline, 160), message.Text, RollCallInstruction(incident), web, zone);
        return new CapMessage(Identifier(message), sender, message.SentAt, incident.Mode, type,
            $"Responders of {networkName}", incident.Outcome, references, info);
    }

    public static string Identifier(AlertMessage message) => $"plenum-{message.IncidentId:N}-{message.Sequence}";

    static string? RollCallInstruction(Incident incident)
    {
        var needs = RollCall.Parse(incident.RollCall);
        return needs is [{ Skill: RollCallNeed.Anyone }] ? null : "Needed: " + string.Join(", ", needs.Select(n => $"{n.Count} {n.Skill}"));
    }

    static string Trim(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
