namespace Plenum.Alerts;

/// <summary>The buttons a paged person sees for one incident, posting to <paramref name="Action"/> (with the incident's id as "incident").</summary>
public sealed record AnswerButtons(string Action, Incident Incident, AlertRecipient? Recipient)
{
    public bool OnSite => Recipient is { OnSiteAt: not null, LeftAt: null };

    /// <summary>The acts that make sense now, in the order shown; none for verifiers, safety contacts and closed incidents.</summary>
    public IReadOnlyList<ResponderAct> Acts
    {
        get
        {
            if (Recipient is not { Tier: AlertTier.Responders } r) return [];
            if (OnSite) return [ResponderAct.CheckIn, ResponderAct.Left];
            if (Incident.State != IncidentState.Alerted) return [];
            return r.Answer == AlertAnswer.Going ? [ResponderAct.OnSite, ResponderAct.CannotGo]
                : r.Answer == AlertAnswer.CannotGo ? [ResponderAct.Going] : [ResponderAct.Going, ResponderAct.CannotGo];
        }
    }

    public static string Label(ResponderAct act) => act switch
    {
        ResponderAct.Going => "Going",
        ResponderAct.CannotGo => "Can't go",
        ResponderAct.OnSite => "I'm on site",
        ResponderAct.CheckIn => "Check in",
        _ => "I've left",
    };

    public static string Answer(AlertAnswer answer) => answer switch
    {
        AlertAnswer.Going => "going",
        AlertAnswer.CannotGo => "can't go",
        _ => "not answered yet",
    };
}
