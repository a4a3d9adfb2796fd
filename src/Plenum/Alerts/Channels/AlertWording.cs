namespace Plenum.Alerts.Channels;

/// <summary>The words of an alert, the same on every channel: what, where, and how to answer.</summary>
public static class AlertWording
{
    public static string Body(OutgoingAlert alert, string answerUrl) =>
        $"""
        {alert.Message.Text}

        Zone: {alert.ZoneName}
        Answer (going / can't / on site): {answerUrl}
        """;

    public static string Kind(AlertMessage message) => message switch
    {
        { Tier: AlertTier.Safety } => "Safety alarm",
        { Tier: AlertTier.Verifiers, Type: Cap.CapMsgType.Alert } => "Report to verify",
        { AllClear: true } => "All clear",
        { Type: Cap.CapMsgType.Cancel } => "Cancelled",
        { Type: Cap.CapMsgType.Update } => "Update",
        _ => "Alert",
    };
}
