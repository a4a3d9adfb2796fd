using Plenum.Groups;

namespace Plenum.Events;

public static class EventPaths
{
    public static string List(Group group) => $"/groups/{group.Slug}/events";
    public static string Of(Group group, Guid eventId) => $"/groups/{group.Slug}/events/{eventId}";
    public static string File(Group group, Guid eventId) => $"/groups/{group.Slug}/events/{eventId}.ics";
    public static string Feed(string secret) => $"/calendar/{secret}.ics";
}
