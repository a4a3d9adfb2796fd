namespace Plenum.Events;

public static class EventText
{
    public static string Kind(EventKind kind) => kind switch
    {
        EventKind.Meeting => "Meeting",
        EventKind.Training => "Training",
        EventKind.Action => "Action",
        EventKind.Social => "Social",
        _ => "Other",
    };

    public static string Answer(RsvpAnswer answer) => answer switch
    {
        RsvpAnswer.Going => "going",
        RsvpAnswer.Maybe => "maybe",
        RsvpAnswer.NotGoing => "not going",
        _ => "on the waiting list",
    };

    public static string Repeat(Repeat repeat) => repeat switch
    {
        Events.Repeat.Daily => "Every day",
        Events.Repeat.Weekly => "Every week",
        Events.Repeat.Fortnightly => "Every two weeks",
        Events.Repeat.Monthly => "Every month, on the same day",
        _ => "Does not repeat",
    };
}
