using Plenum.Groups;

namespace Plenum.Aid;

public static class AidPaths
{
    public static string Board(Group group) => $"/groups/{group.Slug}/aid";
    public static string Of(Group group, Guid id) => $"/groups/{group.Slug}/aid/needs/{id}";
    public static string Ask(Group group) => $"/groups/{group.Slug}/aid/ask";
}
